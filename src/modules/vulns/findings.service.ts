// An organisation's findings for its members: what affects its assets, most urgent first, in plain fields the UI
// shows as they are, and the "check your version" list apart. Members mark each one patched, mitigated (with what),
// not applicable (with why), accepted risk, or open again.
import type { Locale } from '../../auth/roles.js';
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './findings.repository.js';
import { csafDescriptions } from './knowledge.repository.js';
import { type FindingStatus, NOTE_REQUIRED, type StatusBody } from './findings.schema.js';

export type FindingView = ReturnType<typeof findingView>;

/** Text from CSAF advisories per subject, by language (JVN's are in Japanese). */
export type ExtraText = ReadonlyMap<string, { ja?: string; en?: string }>;

async function csafTexts(db: Database, rows: readonly repo.FindingListRow[]): Promise<ExtraText> {
  const refs = [...new Set(rows.filter((r) => r.kind === 'vuln').map((r) => r.ref))];
  const out = new Map<string, { ja?: string; en?: string }>();
  for (const d of await csafDescriptions(db, refs)) {
    const lang = d.lang?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    const texts = out.get(d.ref) ?? {};
    texts[lang] ??= d.description;
    out.set(d.ref, texts);
  }
  return out;
}

// The reader's language first, from NVD, then a CSAF advisory; else the other language; an OSV summary is English.
function description(row: repo.FindingListRow, locale: Locale, extra: ExtraText): { text: string | null; language: string | null } {
  const csaf = extra.get(row.ref) ?? {};
  const ja: Array<string | null | undefined> = [row.description_ja, csaf.ja];
  const en: Array<string | null | undefined> = [row.description_en, csaf.en, row.osv_summary];
  const order: Array<[Array<string | null | undefined>, string]> = locale === 'ja' ? [[ja, 'ja'], [en, 'en']] : [[en, 'en'], [ja, 'ja']];
  for (const [texts, language] of order) {
    const text = texts.find((t) => typeof t === 'string' && t !== '');
    if (text) return { text, language };
  }
  return { text: null, language: null };
}

function cvssOf(row: repo.FindingListRow) {
  if (row.cvss3_score !== null && row.cvss3_vector !== null) {
    return { score: row.cvss3_score, version: row.cvss3_vector.slice(5, 8), severity: row.cvss3_severity, vector: row.cvss3_vector };
  }
  if (row.cvss4_score !== null && row.cvss4_vector !== null) return { score: row.cvss4_score, version: '4.0', severity: row.cvss4_severity, vector: row.cvss4_vector };
  // A subject NVD does not score: the score the matcher took from a CSAF advisory, without its vector.
  return row.cvss !== null ? { score: row.cvss, version: null, severity: null, vector: null } : null;
}

export function findingView(row: repo.FindingListRow, locale: Locale, extra: ExtraText = new Map()) {
  const [product = '', cycle = ''] = row.kind === 'eol' ? row.ref.split('@') : [];
  const text = description(row, locale, extra);
  return {
    id: row.id, assetId: row.asset_id,
    asset: { category: row.category, vendor: row.vendor, product: row.product, version: row.version, internetFacing: row.internet_facing === 1 },
    kind: row.kind, cveId: row.kind === 'vuln' ? row.ref : null,
    eol: row.kind === 'eol' ? { product, cycle, date: row.eol_date, state: row.detail === 'eol_passed' ? 'passed' : 'soon' } : null,
    description: text.text, descriptionLanguage: text.language, cvss: cvssOf(row),
    kev: row.kev_date_added ? { dateAdded: row.kev_date_added, dueDate: row.kev_due_date, ransomware: row.kev_ransomware === 1, requiredAction: row.kev_required_action ?? '' } : null,
    epss: row.epss_score !== null && row.epss_percentile !== null ? { score: row.epss_score, percentile: row.epss_percentile } : null,
    fixedHint: row.fixed_hint, advisoryUrl: row.advisory_url,
    why: { source: row.source, criterion: row.criterion, range: row.range_text, detail: row.detail },
    priority: row.priority, status: row.status, note: row.status_note, statusAt: row.status_at, firstSeenAt: row.first_seen_at, reopenedAt: row.reopened_at,
  };
}

const openFirst = (a: FindingView, b: FindingView) => Number(b.status === 'open') - Number(a.status === 'open') || b.priority - a.priority;

export async function listFindings(db: Database, ctx: RequestContext, orgId: string, query: { limit?: number | undefined }) {
  requireAccess({ actor: ctx.actor, permission: 'finding.read', ids: [orgId] });
  const rows = await repo.listFindingsOf(db, orgId, { limit: query.limit ?? 500 });
  const extra = await csafTexts(db, rows);
  const views = rows.map((r) => ({ view: findingView(r, ctx.locale, extra), outcome: r.outcome }));
  return {
    findings: views.filter((v) => v.outcome === 'affected').map((v) => v.view).sort(openFirst),
    checkVersion: views.filter((v) => v.outcome === 'version_unknown').map((v) => v.view),
  };
}

/** The top open findings of the caller's organisations (the home page): exploited ones first. */
/** The open findings of these organisations, most urgent first, each with its organisation (for links to its page). */
export async function topOpenFindings(db: Database, orgIds: readonly string[], locale: Locale, limit: number): Promise<Array<FindingView & { orgId: string }>> {
  const perOrg = await Promise.all(orgIds.map((orgId) => repo.listFindingsOf(db, orgId, { limit: 200 })));
  return perOrg.flat().filter((r) => r.outcome === 'affected' && r.status === 'open').map((r) => ({ ...findingView(r, locale), orgId: r.org_id }))
    .sort((a, b) => b.priority - a.priority).slice(0, limit);
}

export async function setFindingStatus(db: Database, ctx: RequestContext, orgId: string, id: string, body: StatusBody): Promise<FindingView> {
  const actor = requireAccess({ actor: ctx.actor, permission: 'finding.write', ids: [orgId] });
  const note = (body.note ?? '').normalize('NFC').trim();
  const status: FindingStatus = body.status;
  if (NOTE_REQUIRED.includes(status) && note === '') throw new AppError('finding_note_required', { status });
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await repo.findFinding(trx, orgId, id);
    // A "check your version" item and a finding no longer found are not findings one can mark.
    if (!before || before.active !== 1 || before.outcome !== 'affected') throw notFound();
    await repo.updateFinding(trx, id, { status, status_note: note, status_by: actor.userId, status_at: at });
    await recordAudit(trx, ctx, { action: 'finding.status', orgId, targetType: 'finding', targetId: id, details: { ref: before.ref, from: before.status, to: status, note } });
  });
  const rows = await repo.listFindingsOf(db, orgId, { limit: 1, findingId: id });
  if (!rows[0]) throw notFound();
  return findingView(rows[0], ctx.locale, await csafTexts(db, rows));
}
