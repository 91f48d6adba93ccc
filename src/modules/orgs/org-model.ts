// What an organisation is, its limits, and the pure rules for cleaning input and finding what changed.
import { AppError } from '../../errors.js';
import { CONTACT_KINDS, ORG_STATUSES, PREFECTURES, SECTORS, SIZE_BANDS, codesOf, type OrgStatus } from './org-reference.js';
import { normaliseCidrs, normaliseDomains } from './org-validation.js';
import type { NewOrganisationRow, OrganisationRow, OrganisationsTable } from './orgs.table.js';

import type { Contact, Org, OrgInput, OrgPatch, OrgSummary } from './org-types.js';

export type { Contact, Org, OrgInput, OrgPatch, OrgSummary };

export const ORG_FIELDS = [
  'nameJa', 'nameEn', 'aliases', 'sector', 'sizeBand', 'prefecture', 'status', 'domains', 'ipRanges', 'contacts',
] as const satisfies ReadonlyArray<keyof OrgInput>;

// Shared by the HTTP schema and the checks below (which also guard the CLI, where no schema runs).
export const ORG_LIMITS = {
  name: 200,
  aliases: 50,
  domains: 200,
  domainText: 300, // before IDNA conversion; the converted name is held to 253
  ipRanges: 200,
  cidrText: 64,
  contacts: 20,
  email: 254,
  phone: 50,
} as const;

export const ORG_CODES = {
  sector: codesOf(SECTORS),
  sizeBand: codesOf(SIZE_BANDS),
  prefecture: codesOf(PREFECTURES),
  status: [...ORG_STATUSES] as string[],
  contactKind: [...CONTACT_KINDS] as string[],
};

const invalid = (detail: string) => new AppError('validation_failed', { detail });

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > max) throw invalid(`${field}: 1–${max} characters`);
  return trimmed;
}

function code(field: keyof typeof ORG_CODES, value: string): string {
  if (!ORG_CODES[field].includes(value)) throw invalid(`${field}: unknown code "${value.slice(0, 50)}"`);
  return value;
}

function list<T>(field: string, values: readonly T[], max: number): readonly T[] {
  if (values.length > max) throw invalid(`${field}: at most ${max} entries`);
  return values;
}

// Aliases are names: duplicates differing only in case or surrounding spaces are dropped.
function cleanAliases(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const alias of list('aliases', values, ORG_LIMITS.aliases)) {
    const clean = text('aliases', alias, ORG_LIMITS.name);
    if (!seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean);
  }
  return [...seen.values()];
}

function cleanContact(contact: Contact): Contact {
  const clean: Contact = { kind: code('contactKind', contact.kind), name: text('contacts.name', contact.name, ORG_LIMITS.name) };
  const email = contact.email?.trim();
  const phone = contact.phone?.trim();
  if (email) clean.email = text('contacts.email', email, ORG_LIMITS.email);
  if (phone) clean.phone = text('contacts.phone', phone, ORG_LIMITS.phone);
  return clean;
}

type Cleaners = { [K in keyof OrgInput]: (value: OrgInput[K]) => OrgInput[K] };

const CLEAN: Cleaners = {
  nameJa: (v) => text('nameJa', v, ORG_LIMITS.name),
  nameEn: (v) => text('nameEn', v, ORG_LIMITS.name),
  aliases: cleanAliases,
  sector: (v) => code('sector', v),
  sizeBand: (v) => code('sizeBand', v),
  prefecture: (v) => code('prefecture', v),
  status: (v) => code('status', v) as OrgStatus,
  domains: (v) => normaliseDomains(list('domains', v, ORG_LIMITS.domains)),
  ipRanges: (v) => normaliseCidrs(list('ipRanges', v, ORG_LIMITS.ipRanges)),
  contacts: (v) => list('contacts', v, ORG_LIMITS.contacts).map(cleanContact),
};

function cleanField<K extends keyof OrgInput>(from: OrgPatch, to: OrgPatch, field: K): void {
  const value = from[field];
  const clean: Cleaners[K] = CLEAN[field];
  if (value !== undefined) to[field] = clean(value as OrgInput[K]);
}

/** Validates and normalises the fields present; throws AppError on the first problem. */
export function cleanOrgPatch(patch: OrgPatch): OrgPatch {
  const clean: OrgPatch = {};
  for (const field of ORG_FIELDS) cleanField(patch, clean, field);
  return clean;
}

export const cleanOrgInput = (input: OrgInput): OrgInput => cleanOrgPatch(input) as OrgInput;

// Domains and ranges are sets: their order does not count as a change, nor is it kept.
const comparable = (field: keyof OrgInput, value: unknown): string =>
  JSON.stringify(field === 'domains' || field === 'ipRanges' ? [...(value as string[])].sort() : value);

/** The fields of a (cleaned) patch whose values differ from the organisation's current ones. */
export function changedFields(current: OrgInput, patch: OrgPatch): Array<keyof OrgInput> {
  return ORG_FIELDS.filter((field) => patch[field] !== undefined && comparable(field, patch[field]) !== comparable(field, current[field]));
}

type OrgColumns = Omit<Partial<OrganisationsTable>, 'id' | 'created_at' | 'updated_at'>;

/** The organisations-table columns for the fields of a patch (domains and ranges live in their own tables). */
export function orgColumns(patch: OrgPatch): OrgColumns {
  const columns: OrgColumns = {};
  if (patch.nameJa !== undefined) columns.name_ja = patch.nameJa;
  if (patch.nameEn !== undefined) columns.name_en = patch.nameEn;
  if (patch.aliases !== undefined) columns.aliases = JSON.stringify(patch.aliases);
  if (patch.sector !== undefined) columns.sector = patch.sector;
  if (patch.sizeBand !== undefined) columns.size_band = patch.sizeBand;
  if (patch.prefecture !== undefined) columns.prefecture = patch.prefecture;
  if (patch.status !== undefined) columns.status = patch.status;
  if (patch.contacts !== undefined) columns.contacts = JSON.stringify(patch.contacts);
  return columns;
}

export function newOrgRow(id: string, org: OrgInput, now: string): NewOrganisationRow {
  return {
    id, name_ja: org.nameJa, name_en: org.nameEn, aliases: JSON.stringify(org.aliases), sector: org.sector, size_band: org.sizeBand,
    prefecture: org.prefecture, status: org.status, contacts: JSON.stringify(org.contacts), created_at: now, updated_at: now,
  };
}

const sorted = (values: string[]): string[] => [...values].sort();

export function orgOf(row: OrganisationRow, domains: string[], ipRanges: string[]): Org {
  return {
    id: row.id,
    nameJa: row.name_ja,
    nameEn: row.name_en,
    aliases: JSON.parse(row.aliases) as string[],
    sector: row.sector,
    sizeBand: row.size_band,
    prefecture: row.prefecture,
    status: row.status as OrgStatus,
    domains: sorted(domains),
    ipRanges: sorted(ipRanges),
    contacts: JSON.parse(row.contacts) as Contact[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function summaryOf(row: Pick<OrganisationRow, 'id' | 'name_ja' | 'name_en' | 'sector' | 'size_band' | 'prefecture' | 'status'>): OrgSummary {
  return {
    id: row.id,
    nameJa: row.name_ja,
    nameEn: row.name_en,
    sector: row.sector,
    sizeBand: row.size_band,
    prefecture: row.prefecture,
    status: row.status as OrgStatus,
  };
}
