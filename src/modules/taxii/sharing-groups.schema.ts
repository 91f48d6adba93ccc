import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../../http/schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Description = Type.String({ maxLength: 2000 });
const OrgId = Type.String({ minLength: 1, maxLength: 64 });

export const GroupParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const GroupMemberParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), orgId: OrgId });

export const GroupInputBody = Type.Object(
  { name: Name, description: Type.Optional(Description), orgIds: Type.Optional(Type.Array(OrgId, { maxItems: 1000 })) },
  { additionalProperties: false },
);
export const GroupPatchBody = Type.Object(
  { name: Type.Optional(Name), description: Type.Optional(Description) },
  { additionalProperties: false, description: 'Only the fields given change. Members change through /members/{orgId}.' },
);

const GroupSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  collectionId: Type.String({ description: 'the TAXII collection of this group' }),
  memberCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const GroupList = Type.Object({ items: Type.Array(GroupSummary) });

export const Group = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  collectionId: Type.String(),
  members: Type.Array(Type.Object({ orgId: Type.String(), nameEn: Type.String(), nameJa: Type.String(), addedAt: Timestamp })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export type GroupInputBody = Static<typeof GroupInputBody>;
export type GroupPatchBody = Static<typeof GroupPatchBody>;
export type GroupParams = Static<typeof GroupParams>;
export type GroupMemberParams = Static<typeof GroupMemberParams>;
