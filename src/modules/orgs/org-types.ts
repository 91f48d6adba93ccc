// The organisation as the API shows it. No imports beyond the reference lists: the web UI shares these types.
import type { OrgStatus } from './org-reference.js';

export interface Contact {
  kind: string;
  name: string;
  email?: string;
  phone?: string;
}

export interface OrgInput {
  nameJa: string;
  nameEn: string;
  aliases: string[];
  sector: string;
  sizeBand: string;
  prefecture: string;
  status: OrgStatus;
  domains: string[];
  ipRanges: string[];
  contacts: Contact[];
}

export type OrgPatch = Partial<OrgInput>;

export interface Org extends OrgInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export type OrgSummary = Pick<Org, 'id' | 'nameJa' | 'nameEn' | 'sector' | 'sizeBand' | 'prefecture' | 'status'>;
