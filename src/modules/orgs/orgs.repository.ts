import type { Database } from '../../db/database.js';
import { ilikeContains } from '../../db/like.js';
import type { NewOrganisationRow, OrganisationRow, OrganisationsTable } from './orgs.table.js';

// Which organisations a caller may see: all of them, or only those with the given ids.
export type OrgVisibility = 'all' | readonly string[];

export interface OrgSearch {
  visible: OrgVisibility;
  // Matched (case-insensitively, as a substring) against names, aliases and registered domains.
  q?: string | undefined;
  // The same text in IDNA form ("日本" → "xn--wgv71a"), matched against registered domains too.
  qDomain?: string | undefined;
  status?: string | undefined;
  sector?: string | undefined;
  prefecture?: string | undefined;
}

const SUMMARY_COLUMNS = ['id', 'name_ja', 'name_en', 'sector', 'size_band', 'prefecture', 'status'] as const;
export type OrgSummaryRow = Pick<OrganisationRow, (typeof SUMMARY_COLUMNS)[number]>;

export async function searchOrgs(db: Database, search: OrgSearch): Promise<OrgSummaryRow[]> {
  if (search.visible !== 'all' && search.visible.length === 0) return [];
  let query = db.selectFrom('organisations').select(SUMMARY_COLUMNS);
  if (search.visible !== 'all') query = query.where('organisations.id', 'in', search.visible);
  if (search.status) query = query.where('organisations.status', '=', search.status);
  if (search.sector) query = query.where('organisations.sector', '=', search.sector);
  if (search.prefecture) query = query.where('organisations.prefecture', '=', search.prefecture);
  const { q, qDomain } = search;
  if (q) {
    const domainTerms = qDomain && qDomain !== q ? [q, qDomain] : [q];
    query = query.where((eb) =>
      eb.or([
        ilikeContains('organisations.name_ja', q),
        ilikeContains('organisations.name_en', q),
        // JSON text of the aliases: a substring match is what we want here.
        ilikeContains('organisations.aliases', q),
        eb.exists(
          eb.selectFrom('org_domains')
            .select('org_domains.org_id')
            .whereRef('org_domains.org_id', '=', 'organisations.id')
            .where((inner) => inner.or(domainTerms.map((term) => ilikeContains('org_domains.domain', term)))),
        ),
      ]),
    );
  }
  return query.orderBy('organisations.name_en').orderBy('organisations.id').execute();
}

export async function findOrgById(db: Database, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOrgDomains(db: Database, orgId: string): Promise<string[]> {
  const rows = await db.selectFrom('org_domains').select('domain').where('org_id', '=', orgId).execute();
  return rows.map((row) => row.domain);
}

export async function listOrgIpRanges(db: Database, orgId: string): Promise<string[]> {
  const rows = await db.selectFrom('org_ip_ranges').select('cidr').where('org_id', '=', orgId).execute();
  return rows.map((row) => row.cidr);
}

export async function insertOrg(db: Database, row: NewOrganisationRow): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

export async function updateOrgColumns(db: Database, id: string, changes: Partial<Omit<OrganisationsTable, 'id'>>): Promise<void> {
  await db.updateTable('organisations').set(changes).where('id', '=', id).execute();
}

export async function replaceOrgDomains(db: Database, orgId: string, domains: readonly string[]): Promise<void> {
  await db.deleteFrom('org_domains').where('org_id', '=', orgId).execute();
  if (domains.length > 0) await db.insertInto('org_domains').values(domains.map((domain) => ({ org_id: orgId, domain }))).execute();
}

export async function replaceOrgIpRanges(db: Database, orgId: string, cidrs: readonly string[]): Promise<void> {
  await db.deleteFrom('org_ip_ranges').where('org_id', '=', orgId).execute();
  if (cidrs.length > 0) await db.insertInto('org_ip_ranges').values(cidrs.map((cidr) => ({ org_id: orgId, cidr }))).execute();
}
