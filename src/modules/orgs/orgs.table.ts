import type { Insertable, Selectable } from 'kysely';

export interface OrganisationsTable {
  id: string;
  name_ja: string;
  name_en: string;
  aliases: string; // JSON array of strings
  sector: string;
  size_band: string;
  prefecture: string;
  status: string; // pending | active | suspended
  contacts: string; // JSON array of contact points
  created_at: string;
  updated_at: string;
}

export interface OrgDomainsTable {
  org_id: string;
  domain: string;
}

export interface OrgIpRangesTable {
  org_id: string;
  cidr: string;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type NewOrganisationRow = Insertable<OrganisationsTable>;
