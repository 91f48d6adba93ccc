// The report as the API shows it: what the caller may see, with deadlines and the first-response SLA.
import { can } from '../../auth/access.js';
import type { UserActor } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { findOrgById } from '../orgs/orgs.repository.js';
import { deadlinesFor, enabledRegimeIds } from './deadlines.js';
import { awareAt, emptyAnswers, type ReportAnswers } from './report-answers.js';
import { listAttachments, listEvents, listRegimeChoices } from './report-case.repository.js';
import { displayNames, listVersions } from './reports.repository.js';
import type { ReportRow } from './reports.table.js';

export const parseAnswers = (json: string): ReportAnswers => ({ ...emptyAnswers(), ...(JSON.parse(json) as Partial<ReportAnswers>) });

/** First response is due SLA hours after submission; null before submission. */
export function slaOf(report: Pick<ReportRow, 'submitted_at' | 'first_response_at'>, hours: number, now: Date) {
  if (!report.submitted_at) return null;
  const due = Date.parse(report.submitted_at) + hours * 3600_000;
  return {
    dueAt: new Date(due).toISOString(),
    respondedAt: report.first_response_at,
    remainingMs: report.first_response_at ? null : due - now.getTime(),
    overdue: report.first_response_at ? Date.parse(report.first_response_at) > due : now.getTime() > due,
  };
}

export async function enabledRegimesOf(db: Database, orgId: string): Promise<string[]> {
  return enabledRegimeIds(await listRegimeChoices(db, orgId));
}

export async function reportView(db: Database, actor: UserActor, report: ReportRow, config: Config, now: Date) {
  const triage = can(actor, 'report.triage');
  const [org, versions, attachments, events] = await Promise.all([
    findOrgById(db, report.org_id), listVersions(db, report.id), listAttachments(db, report.id), listEvents(db, report.id, triage),
  ]);
  const names = await displayNames(db, [
    ...versions.map((v) => v.created_by), ...events.map((e) => e.actor_user_id), report.assignee_id,
  ].filter((id): id is string => !!id));
  const latest = versions[versions.length - 1];
  const answers = parseAnswers(latest ? latest.answers : report.draft_answers);
  const aware = report.aware_at ?? awareAt(answers, now.toISOString());
  return {
    id: report.id,
    orgId: report.org_id,
    orgName: { ja: org?.name_ja ?? '', en: org?.name_en ?? '' },
    state: report.state,
    outcome: report.outcome,
    category: report.category,
    assignee: report.assignee_id ? { id: report.assignee_id, displayName: names.get(report.assignee_id) ?? '' } : null,
    createdAt: report.created_at,
    updatedAt: report.updated_at,
    submittedAt: report.submitted_at,
    publishedAt: report.published_at,
    awareAt: aware,
    draft: report.state === 'draft' ? { text: report.draft_text, answers: parseAnswers(report.draft_answers) } : null,
    versions: versions.map((v) => ({
      version: v.version, kind: v.kind, note: v.note, text: v.text, answers: parseAnswers(v.answers), createdAt: v.created_at,
      createdBy: v.created_by ? (names.get(v.created_by) ?? '') : '',
    })),
    attachments: attachments.map((a) => ({
      id: a.id, filename: a.filename, kind: a.kind, size: Number(a.size), sha256: a.sha256, sha1: a.sha1, md5: a.md5,
      indicators: JSON.parse(a.indicators) as unknown[], createdAt: a.created_at,
    })),
    timeline: events.map((e) => ({
      id: e.id, at: e.at, kind: e.kind, internal: Number(e.internal) === 1, body: e.body,
      actorName: e.actor_user_id ? (names.get(e.actor_user_id) ?? '') : '', details: JSON.parse(e.details) as Record<string, unknown>,
    })),
    deadlines: deadlinesFor(answers, aware, await enabledRegimesOf(db, report.org_id), now),
    sla: slaOf(report, config.reportFirstResponseSlaHours, now),
    canWrite: actor.orgRoles.has(report.org_id) && can(actor, 'report.write', report.org_id),
    canTriage: triage,
    limits: { attachmentMaxBytes: config.attachmentMaxBytes, reportAttachmentsMaxBytes: config.reportAttachmentsMaxBytes },
  };
}
