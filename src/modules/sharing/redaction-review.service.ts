// The coordinator's redaction review of a report: the detector's proposals for the current version,
// each accepted or rejected, plus redactions the coordinator adds. Every decision goes to the ledger
// with a keyed hash of the original text, never the text itself.
import { createHmac, randomUUID } from 'node:crypto';
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { lockForWrite } from '../../db/write-lock.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendLedgerEvents } from '../ledger/ledger.service.js';
import { applyRedactions, detectSensitive, extractIndicators, occurrencesOf, SENSITIVE_LABELS } from '../redaction/index.js';
import { rememberWithin } from './redaction-memory.service.js';
import { detectorProfile, loadReport, type ReportForSharing } from './sharing-sources.js';
import { insertRedactions, listRedactions, setRedactionDecision } from './sharing.repository.js';
import type { ReportRedactionRow, ReportRedactionsTable } from './sharing.table.js';

export interface DecisionInput {
  version: number;
  decisions?: Array<{ id: string; decision: 'accepted' | 'rejected' }> | undefined;
  additions?: Array<{ start: number; end: number; label: string; remember?: boolean | undefined }> | undefined;
}

const itemOf = (text: string) => (row: ReportRedactionRow) => ({
  id: row.id, start: row.start_offset, end: row.end_offset, label: row.label, reason: row.reason, origin: row.origin,
  decision: row.decision, text: text.slice(row.start_offset, row.end_offset),
});

/**
 * The ledger's "salted hash" of a redacted text: an HMAC keyed with the installation's secret, so a
 * short name cannot be guessed from the ledger by hashing candidates, while the operator can still
 * prove later which text a decision covered.
 */
export function redactionHash(secretKey: Buffer, reportId: string, original: string): string {
  return createHmac('sha256', secretKey).update(`anshin.redaction\u0000${reportId}\u0000${original}`).digest('hex');
}

export const acceptedOf = (rows: readonly ReportRedactionRow[]) =>
  rows.filter((r) => r.decision === 'accepted').map((r) => ({ start: r.start_offset, end: r.end_offset, label: r.label }));

// The detector runs once per report version; later reads see the stored proposals and their decisions.
export async function proposalsOf(db: Database, report: ReportForSharing): Promise<ReportRedactionRow[]> {
  const stored = await listRedactions(db, report.id, report.version);
  if (stored.length > 0) return stored;
  // Detected before the transaction: the first call in a process waits for the analyser's dictionary.
  const proposals = await detectSensitive(report.text, detectorProfile(report));
  return db.transaction().execute(async (trx) => {
    await lockForWrite(trx, `anshin.redaction.${report.id}`);
    const again = await listRedactions(trx, report.id, report.version);
    if (again.length > 0) return again;
    const now = new Date().toISOString();
    const rows: ReportRedactionsTable[] = proposals.map((p) => ({
      id: randomUUID(), report_id: report.id, report_version: report.version, start_offset: p.start, end_offset: p.end, label: p.label,
      reason: p.reason, origin: 'detector', decision: null, decided_by: null, decided_at: null, created_at: now,
    }));
    await insertRedactions(trx, rows);
    return listRedactions(trx, report.id, report.version);
  });
}

export async function getRedactionReview(db: Database, ctx: RequestContext, reportId: string) {
  requireAccess({ actor: ctx.actor, permission: 'sharing.review' });
  const report = await loadReport(db, ctx, reportId);
  const rows = await proposalsOf(db, report);
  return {
    reportId: report.id,
    version: report.version,
    text: report.text,
    redactions: rows.map(itemOf(report.text)),
    indicators: (await extractIndicators(report.text, detectorProfile(report))).map((i) => ({ start: i.start, end: i.end, label: i.label, value: i.value })),
    redactedText: applyRedactions(report.text, acceptedOf(rows)).text,
    undecided: rows.filter((r) => r.decision === null).length,
  };
}

function checkAddition(text: string, a: { start: number; end: number; label: string }): void {
  if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end > text.length || a.start >= a.end) {
    throw new AppError('validation_failed', { detail: `additions: ${a.start}–${a.end} is not a range of the text (0–${text.length})` });
  }
  if (!(SENSITIVE_LABELS as readonly string[]).includes(a.label)) throw new AppError('validation_failed', { detail: `additions: unknown label "${a.label.slice(0, 30)}"` });
}

/**
 * The additions, and for those to remember, every other place the same text appears in the report that no proposal or
 * addition covers yet: a value taught for later reports is redacted throughout this one too.
 */
function withOtherOccurrences(
  text: string, current: readonly ReportRedactionRow[], additions: NonNullable<DecisionInput['additions']>,
): Array<{ start: number; end: number; label: string }> {
  const out = additions.map(({ start, end, label }) => ({ start, end, label }));
  const covered = (s: number, e: number) =>
    current.some((r) => r.decision !== 'rejected' && r.start_offset <= s && e <= r.end_offset) || out.some((a) => a.start < e && s < a.end);
  for (const a of additions.filter((x) => x.remember === true)) {
    for (const o of occurrencesOf(text, text.slice(a.start, a.end))) if (!covered(o.start, o.end)) out.push({ ...o, label: a.label });
  }
  return out;
}

export async function decideRedactions(db: Database, deps: Pick<AppDeps, 'secretKey'>, ctx: RequestContext, reportId: string, input: DecisionInput) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'sharing.review' });
  const report = await loadReport(db, ctx, reportId);
  if (input.version !== report.version) throw new AppError('conflict');
  if (report.publishedAt) throw new AppError('already_published');
  const current = await proposalsOf(db, report);
  for (const a of input.additions ?? []) checkAddition(report.text, a);
  const byId = new Map(current.map((r) => [r.id, r]));
  if ((input.decisions ?? []).some((d) => !byId.has(d.id))) throw new AppError('not_found');
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const added: ReportRedactionsTable[] = withOtherOccurrences(report.text, current, input.additions ?? []).map((a) => ({
      id: randomUUID(), report_id: report.id, report_version: report.version, start_offset: a.start, end_offset: a.end, label: a.label,
      reason: 'coordinator_added', origin: 'coordinator', decision: 'accepted', decided_by: actor.userId, decided_at: now, created_at: now,
    }));
    await insertRedactions(trx, added);
    // "Remember": the same text is proposed in the organisation's later reports (redaction-memory.service.ts).
    const remembered = (input.additions ?? []).filter((a) => a.remember === true).map((a) => ({ value: report.text.slice(a.start, a.end), label: a.label }));
    if (remembered.length > 0) await rememberWithin(trx, ctx, report.orgId, remembered);
    for (const d of input.decisions ?? []) await setRedactionDecision(trx, d.id, d.decision, actor.userId, now);
    const decided = [
      ...(input.decisions ?? []).map((d) => ({ row: byId.get(d.id) as ReportRedactionRow, decision: d.decision })),
      ...added.map((row) => ({ row, decision: 'accepted' as const })),
    ];
    await appendLedgerEvents(trx, decided.map(({ row, decision }) => ({
      type: 'redaction_decision' as const, actor: actor.userId, org: report.orgId, report: report.id, label: row.label, start: row.start_offset,
      end: row.end_offset, decision: decision === 'accepted' ? 'redact' as const : 'keep' as const,
      salted_hash: redactionHash(deps.secretKey, report.id, report.text.slice(row.start_offset, row.end_offset)),
    })), now);
    await recordAudit(trx, ctx, {
      action: 'report.redactions_decided', orgId: report.orgId, targetType: 'report', targetId: report.id,
      details: { version: report.version, decided: decided.length, added: added.length },
    });
  });
  return getRedactionReview(db, ctx, reportId);
}

/**
 * The redacted text of a report version whose review is complete (every proposal decided), for mutual
 * aid's default view; null when no finished review exists, so that nothing unreviewed is shown.
 */
export async function reviewedRedactedText(db: Database, report: { id: string; version: number; text: string }): Promise<string | null> {
  const rows = await listRedactions(db, report.id, report.version);
  if (rows.length === 0 || rows.some((r) => r.decision === null)) return null;
  return applyRedactions(report.text, acceptedOf(rows)).text;
}
