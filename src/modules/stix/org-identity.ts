// The STIX identity Anshin gives each member organisation (where_sighted_refs, created_by_ref of what it shares):
// a UUIDv5 of the organisation's id, so every process names an organisation the same way without storing it. Pure.
import { uuidV5 } from './sco-id.js';

const ORG_IDENTITY_NAMESPACE = '6f0b5b8e-2b1c-4d7a-9a43-5f7f3b0c9e21';

export const orgIdentityId = (orgId: string): string => `identity--${uuidV5(ORG_IDENTITY_NAMESPACE, `org:${orgId}`)}`;
