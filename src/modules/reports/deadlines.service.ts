// Reporting-deadline regimes per organisation, and the periodic reminder check (server loop and tests,
// with the clock passed in).
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Locale } from '../../auth/roles.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { japanTime, renderMail } from '../../i18n/mail-templates.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Mailer } from '../mail/mail.service.js';
import { queueMail } from '../mail/mail.service.js';
import { deadlinesFor, REGIMES, type Deadline } from './deadlines.js';
import { claimReminder, insertEvent, upsertRegimeChoice } from './report-case.repository.js';
import { enabledRegimesOf, parseAnswers } from './report-view.js';
import { findReportForUpdate, listOpenSubmitted, orgMemberEmails } from './reports.repository.js';

export async function listRegimes(db: Database, ctx: RequestContext, orgId: string) {
  requireAccess({ actor: ctx.actor, permission: 'report.regimes.read', ids: [orgId] });
  const enabled = await enabledRegimesOf(db, orgId);
  return {
    items: REGIMES.map((r) => ({
      id: r.id, name: r.name, note: r.note, default: r.default, enabled: enabled.includes(r.id),
      deadlines: r.deadlines.map((d) => ({ key: d.key, label: d.label, hours: d.hours, upToHours: d.upToHours ?? null, hoursWhen: d.hoursWhen ?? {} })),
    })),
  };
}

export async function setRegime(db: Database, ctx: RequestContext, orgId: string, regimeId: string, enabled: boolean) {
  requireAccess({ actor: ctx.actor, permission: 'report.regimes.manage', ids: [orgId] });
  if (!REGIMES.some((r) => r.id === regimeId)) throw new AppError('unknown_regime', { id: regimeId });
  await db.transaction().execute(async (trx) => {
    await upsertRegimeChoice(trx, orgId, regimeId, enabled, new Date().toISOString());
    await recordAudit(trx, ctx, { action: 'report.regime_changed', orgId, targetType: 'organisation', targetId: orgId, details: { regimeId, enabled } });
  });
  return listRegimes(db, ctx, orgId);
}

/**
 * Sends one reminder per report and deadline once the deadline is closer than DEADLINE_REMINDER_HOURS
 * (or already past): a mail to each active member of the reporting organisation through the outbox,
 * and a timeline entry on the report. Returns how many reminders went out.
 */
export async function runDeadlineReminders(db: Database, deps: { config: Config; mailer: Mailer }, now: Date = new Date()): Promise<number> {
  const windowMs = deps.config.deadlineReminderHours * 3600_000;
  let sent = 0;
  const regimesByOrg = new Map<string, string[]>();
  for (const report of await listOpenSubmitted(db)) {
    if (!regimesByOrg.has(report.org_id)) regimesByOrg.set(report.org_id, await enabledRegimesOf(db, report.org_id));
    const aware = report.aware_at ?? report.submitted_at ?? now.toISOString();
    const due = deadlinesFor(parseAnswers(report.answers), aware, regimesByOrg.get(report.org_id) ?? [], now).filter((d) => d.remainingMs <= windowMs);
    for (const deadline of due) {
      if (await remind(db, deps.config, report, deadline, now)) sent += 1;
    }
  }
  if (sent > 0) await deps.mailer.flush(db);
  return sent;
}

async function remind(db: Database, config: Config, report: { id: string; org_id: string }, deadline: Deadline, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    await findReportForUpdate(trx, report.id); // the timeline's order is kept under the report's lock
    if (!(await claimReminder(trx, report.id, deadline.key, at))) return false;
    for (const member of await orgMemberEmails(trx, report.org_id)) {
      const locale: Locale = member.locale === 'en' ? 'en' : 'ja';
      const mail = renderMail('deadlineReminder', locale, {
        regime: deadline.regimeName[locale], deadline: deadline.label[locale], due: japanTime(deadline.dueAt), link: `${config.baseUrl}/reports/${report.id}`,
      });
      await queueMail(trx, { to: member.email, ...mail });
    }
    await insertEvent(trx, { reportId: report.id, at, actorUserId: null, kind: 'deadline_reminder', internal: false, details: { key: deadline.key, dueAt: deadline.dueAt } });
    return true;
  });
}
