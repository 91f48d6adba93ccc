// Intake: drafts, submission, amendments, reading; and what redaction and publication need later.
import { randomUUID } from 'node:crypto';
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgById, listOrgDomains, listOrgIpRanges } from '../orgs/orgs.repository.js';
import { awareAt, cleanAnswers, cleanText, type AnswersInput, type ReportAnswers } from './report-answers.js';
import { loadReport, lockReport } from './report-access.js';
import { insertEvent } from './report-case.repository.js';
import { parseAnswers, reportView, slaOf } from './report-view.js';
import { findReport, findVersion, insertReport, insertVersion, searchReports, updateReport } from './reports.repository.js';
import { correlateReport } from './report-correlation.js';

export interface ReportInput {
  text?: string | undefined;
  answers?: AnswersInput | undefined;
}

const actorId = (ctx: RequestContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);
const audit = (trx: Database, ctx: RequestContext, action: string, report: { id: string; org_id: string }, details: Record<string, unknown> = {}) =>
  recordAudit(trx, ctx, { action, orgId: report.org_id, targetType: 'report', targetId: report.id, details });

export async function listReports(db: Database, ctx: RequestContext, config: Config, query: { state?: string | undefined; limit: number }, now = new Date()) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'report.read', ids: [] });
  const visible = can(actor, 'report.triage') ? 'all' : [...actor.orgRoles.keys()];
  const rows = await searchReports(db, { visible, state: query.state, limit: query.limit });
  return {
    slaHours: config.reportFirstResponseSlaHours,
    items: rows.map((r) => ({
      id: r.id, orgId: r.org_id, orgName: { ja: r.org_name_ja, en: r.org_name_en }, state: r.state, outcome: r.outcome, category: r.category,
      assignee: r.assignee_id ? { id: r.assignee_id, displayName: r.assignee_name ?? '' } : null,
      createdAt: r.created_at, updatedAt: r.updated_at, submittedAt: r.submitted_at, version: Number(r.current_version),
      sla: slaOf(r, config.reportFirstResponseSlaHours, now),
    })),
  };
}

export async function getReport(db: Database, ctx: RequestContext, config: Config, id: string, now = new Date()) {
  const { actor, report } = await loadReport(db, ctx, id, 'read');
  return reportView(db, actor, report, config, now);
}

export async function createReport(db: Database, ctx: RequestContext, input: ReportInput & { orgId: string }): Promise<{ id: string }> {
  requireAccess({ actor: ctx.actor, permission: 'report.write', ids: [input.orgId] });
  const now = new Date();
  const answers = cleanAnswers(input.answers, now);
  const text = cleanText(input.text, false);
  const id = randomUUID();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (!(await findOrgById(trx, input.orgId))) throw notFound();
    await insertReport(trx, {
      id, org_id: input.orgId, created_by: actorId(ctx), state: 'draft', outcome: null, assignee_id: null, category: answers.category,
      draft_text: text, draft_answers: JSON.stringify(answers), current_version: 0, aware_at: null,
      created_at: at, updated_at: at, submitted_at: null, first_response_at: null, closed_at: null, published_at: null, publication_ref: null,
    });
    await insertEvent(trx, { reportId: id, at, actorUserId: actorId(ctx), kind: 'created', internal: false });
    await audit(trx, ctx, 'report.created', { id, org_id: input.orgId });
  });
  return { id };
}

export async function saveDraft(db: Database, ctx: RequestContext, id: string, input: ReportInput): Promise<void> {
  const now = new Date();
  const answers = cleanAnswers(input.answers, now);
  const text = cleanText(input.text, false);
  await db.transaction().execute(async (trx) => {
    const { report } = await lockReport(trx, ctx, id, 'write');
    if (report.state !== 'draft') throw new AppError('report_not_draft');
    await updateReport(trx, id, { draft_text: text, draft_answers: JSON.stringify(answers), category: answers.category, updated_at: now.toISOString() });
    await audit(trx, ctx, 'report.draft_saved', report);
  });
}

/**
 * What another feature does inside the transaction that submits or amends a report: mutual aid asks for help when the
 * answers say so (app.ts wires it; reports cannot import aid, which builds on reports).
 */
export type ReportSubmittedHook = (trx: Database, ctx: RequestContext, report: { id: string; orgId: string; text: string; answers: ReportAnswers }) => Promise<void>;

/** Submits the draft as version 1: from now on it is only changed by amendments, which are kept. */
export async function submitReport(db: Database, ctx: RequestContext, id: string, onSubmitted?: ReportSubmittedHook): Promise<void> {
  const now = new Date();
  const at = now.toISOString();
  const submitted = await db.transaction().execute(async (trx) => {
    const { report } = await lockReport(trx, ctx, id, 'write');
    if (report.state !== 'draft') throw new AppError('report_not_draft');
    const answers = cleanAnswers(parseAnswers(report.draft_answers), now);
    const text = cleanText(report.draft_text, true);
    await insertVersion(trx, {
      report_id: id, version: 1, kind: 'submission', text, answers: JSON.stringify(answers), note: '', created_by: actorId(ctx), created_at: at,
    });
    await updateReport(trx, id, { state: 'submitted', current_version: 1, submitted_at: at, updated_at: at, aware_at: awareAt(answers, at), draft_text: '' });
    await insertEvent(trx, { reportId: id, at, actorUserId: actorId(ctx), kind: 'submitted', internal: false, details: { version: 1 } });
    await audit(trx, ctx, 'report.submitted', report, { version: 1 });
    await onSubmitted?.(trx, ctx, { id, orgId: report.org_id, text, answers });
    return { orgId: report.org_id, text };
  });
  await correlateReport(db, id, submitted.orgId, { text: submitted.text });
}

/** A new version of a submitted report: text and answers as a whole, with an optional note on what changed. */
export async function amendReport(
  db: Database, ctx: RequestContext, id: string, input: ReportInput & { note?: string | undefined }, onSubmitted?: ReportSubmittedHook,
): Promise<void> {
  const now = new Date();
  const answers = cleanAnswers(input.answers, now);
  const text = cleanText(input.text, true);
  const at = now.toISOString();
  const orgId = await db.transaction().execute(async (trx) => {
    const { report } = await lockReport(trx, ctx, id, 'write');
    if (report.state === 'draft') throw new AppError('report_not_submitted');
    if (report.state === 'closed') throw new AppError('invalid_state_transition', { from: report.state, to: 'amended' });
    const version = Number(report.current_version) + 1;
    await insertVersion(trx, {
      report_id: id, version, kind: 'amendment', text, answers: JSON.stringify(answers), note: (input.note ?? '').trim(), created_by: actorId(ctx), created_at: at,
    });
    await updateReport(trx, id, { current_version: version, category: answers.category, updated_at: at, aware_at: awareAt(answers, report.submitted_at ?? at) });
    await insertEvent(trx, { reportId: id, at, actorUserId: actorId(ctx), kind: 'amended', internal: false, details: { version } });
    await audit(trx, ctx, 'report.amended', report, { version });
    await onSubmitted?.(trx, ctx, { id, orgId: report.org_id, text, answers });
    return report.org_id;
  });
  await correlateReport(db, id, orgId, { text });
}

// ---- For redaction review and publication (built on top of this module) ----

/** The current text and answers of a report with its organisation's profile, for redaction (coordinators). */
export async function getReportForRedaction(db: Database, ctx: RequestContext, id: string) {
  const { report } = await loadReport(db, ctx, id, 'triage');
  const version = await findVersion(db, id, Number(report.current_version));
  const org = await findOrgById(db, report.org_id);
  if (!version || !org) throw notFound();
  return {
    reportId: id,
    state: report.state,
    publishedAt: report.published_at,
    version: version.version,
    text: version.text,
    answers: parseAnswers(version.answers),
    org: {
      id: org.id, nameJa: org.name_ja, nameEn: org.name_en, aliases: JSON.parse(org.aliases) as string[],
      domains: await listOrgDomains(db, org.id), cidrs: await listOrgIpRanges(db, org.id),
      sector: org.sector, sizeBand: org.size_band, prefecture: org.prefecture,
      contacts: JSON.parse(org.contacts) as Array<{ name: string; email?: string }>,
    },
  };
}

/**
 * Records that a report was published, linking the publication (e.g. a STIX report id); call inside the publication
 * transaction. The case keeps its state: deadlines, reminders, case work and closing go on.
 */
export async function markReportPublished(trx: Database, ctx: RequestContext, id: string, publicationRef: string): Promise<void> {
  const { report } = await lockReport(trx, ctx, id, 'triage');
  if (!['triage', 'in_progress'].includes(report.state)) throw new AppError('invalid_state_transition', { from: report.state, to: 'published' });
  const at = new Date().toISOString();
  await updateReport(trx, id, { published_at: at, publication_ref: publicationRef, updated_at: at, first_response_at: report.first_response_at ?? at });
  await insertEvent(trx, { reportId: id, at, actorUserId: actorId(ctx), kind: 'published', internal: false, details: { publicationRef } });
  await audit(trx, ctx, 'report.published', report, { publicationRef });
}

// ---- For mutual aid, which decides access itself (the requesting organisation, or a responder it granted) ----

/** The current version of a submitted report of `orgId`; undefined for drafts, unknown reports or another organisation's. */
export async function reportVersionForAid(db: Database, orgId: string, id: string) {
  const report = await findReport(db, id);
  if (!report || report.org_id !== orgId || Number(report.current_version) < 1) return undefined;
  const version = await findVersion(db, id, Number(report.current_version));
  if (!version) return undefined;
  return { reportId: id, version: version.version, text: version.text, answers: parseAnswers(version.answers) };
}
