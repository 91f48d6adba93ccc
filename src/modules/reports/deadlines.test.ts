import { beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createUser, useTestApp } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { systemContext } from '../../auth/actor.js';
import { deadlinesFor, enabledRegimeIds } from './deadlines.js';
import { runDeadlineReminders } from './deadlines.service.js';
import { cleanAnswers, emptyAnswers, parseReportDate } from './report-answers.js';
import { upsertRegimeChoice } from './report-case.repository.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const withPersonal = (personalData: Partial<ReturnType<typeof emptyAnswers>['personalData']>) =>
  ({ ...emptyAnswers(), personalData: { ...emptyAnswers().personalData, involved: 'yes' as const, ...personalData } });

describe('deadlines from regime data', () => {
  it('shows no APPI deadline without a trigger', () => {
    expect(deadlinesFor(withPersonal({ count: 1000 }), NOW.toISOString(), ['appi'], NOW)).toEqual([]);
    expect(deadlinesFor({ ...emptyAnswers(), personalData: { ...emptyAnswers().personalData, sensitive: 'yes' } }, NOW.toISOString(), ['appi'], NOW)).toEqual([]);
  });

  it.each([
    ['sensitive data', { sensitive: 'yes' as const }, 30],
    ['financial-damage risk', { financialRisk: 'yes' as const }, 30],
    ['more than 1,000 people', { count: 1001 }, 30],
    ['unauthorised access', { unauthorisedAccess: 'yes' as const }, 60],
  ])('APPI applies for %s: preliminary in 3–5 days, final in %i days', (_label, personal, finalDays) => {
    const deadlines = deadlinesFor(withPersonal(personal), NOW.toISOString(), ['appi'], NOW);
    expect(deadlines.map((d) => [d.key, d.dueAt, d.latestAt])).toEqual([
      ['appi.preliminary', '2026-12-04T00:00:00.000Z', '2026-12-06T00:00:00.000Z'],
      ['appi.final', new Date(NOW.getTime() + finalDays * 86_400_000).toISOString(), null],
    ]);
  });

  it('adds NIS2 and DORA only when enabled; remaining time is negative when overdue', () => {
    const later = new Date('2026-12-02T00:00:00Z');
    const deadlines = deadlinesFor(emptyAnswers(), NOW.toISOString(), enabledRegimeIds([{ regimeId: 'nis2', enabled: true }]), later);
    expect(deadlines.map((d) => [d.key, d.remainingMs])).toEqual([
      ['nis2.early_warning', 0], ['nis2.notification', 48 * 3600_000], ['nis2.final', (792 - 24) * 3600_000],
    ]);
    expect(enabledRegimeIds([])).toEqual(['appi']);
    expect(enabledRegimeIds([{ regimeId: 'appi', enabled: false }, { regimeId: 'dora', enabled: true }])).toEqual(['dora']);
  });

  it('reads dates as Japan days and refuses impossible ones', () => {
    expect(new Date(parseReportDate('2026-11-30') as number).toISOString()).toBe('2026-11-29T15:00:00.000Z');
    expect(parseReportDate('2026-02-29')).toBeNull();
    expect(parseReportDate('2026-11-30T25:00:00Z')).toBeNull();
    expect(() => cleanAnswers({ startedAt: '2026-12-01', noticedAt: '2026-11-30' }, NOW)).toThrow('invalid_report_dates');
    expect(cleanAnswers({ startedAt: null, noticedAt: '2026-11-30' }, NOW).noticedAt).toBe('2026-11-30');
  });
});

describeEachDatabase('deadline reminders', (database) => {
  const ctx = useTestApp(database, { DEADLINE_REMINDER_HOURS: '24' });
  let orgId = '';
  let reportId = '';
  beforeAll(async () => {
    orgId = await createOrg(ctx);
    await createUser(ctx, { email: 'reporter@small.example', orgs: [{ orgId, role: 'member' }], locale: 'en' });
    await upsertRegimeChoice(ctx.db, orgId, 'nis2', true, NOW.toISOString());
    reportId = 'report-reminder-1';
    const answers = JSON.stringify(withPersonal({ unauthorisedAccess: 'yes' }));
    await ctx.db.insertInto('reports').values({
      id: reportId, org_id: orgId, created_by: null, state: 'submitted', outcome: null, assignee_id: null, category: 'ransomware',
      draft_text: '', draft_answers: answers, current_version: 1, aware_at: NOW.toISOString(), created_at: NOW.toISOString(), updated_at: NOW.toISOString(),
      submitted_at: NOW.toISOString(), first_response_at: null, closed_at: null, published_at: null, publication_ref: null,
    }).execute();
    await ctx.db.insertInto('report_versions').values({ report_id: reportId, version: 1, kind: 'submission', text: 't', answers, note: '', created_by: null, created_at: NOW.toISOString() }).execute();
  });
  const deps = () => ({ config: ctx.config, mailer: { flush: async () => {} } });
  const outbox = () => ctx.db.selectFrom('outbox').selectAll().where('recipient', '=', 'reporter@small.example').execute();

  it('reminds once per deadline as each comes within the window, by mail and on the timeline', async () => {
    expect(await runDeadlineReminders(ctx.db, deps(), new Date('2026-12-01T01:00:00Z'))).toBe(1); // NIS2 early warning (24 h)
    expect(await runDeadlineReminders(ctx.db, deps(), new Date('2026-12-01T02:00:00Z'))).toBe(0);
    expect(await runDeadlineReminders(ctx.db, deps(), new Date('2026-12-02T01:00:00Z'))).toBe(0);
    // NIS2 notification (72 h) and APPI preliminary (3 days) are both due on 4 December.
    expect(await runDeadlineReminders(ctx.db, deps(), new Date('2026-12-03T01:00:00Z'))).toBe(2);
    const mails = await outbox();
    expect(mails).toHaveLength(3);
    expect(mails.map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining('Preliminary report (PPC)')]));
    expect(mails[0]?.body).toContain(`/reports/${reportId}`);
    // Times in Japan time, as people in the community read them: the 24-hour early warning of NOW.
    const due = new Date(NOW.getTime() + 24 * 3600_000 + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(mails[0]?.body).toContain(`${due} (Japan time, UTC+9)`);
    const events = await ctx.db.selectFrom('report_events').select(['kind', 'internal']).where('report_id', '=', reportId).execute();
    expect(events).toEqual(Array.from({ length: 3 }, () => ({ kind: 'deadline_reminder', internal: 0 })));
    expect(systemContext().actor.kind).toBe('anonymous');
  });

  it('stops reminding once the case is closed', async () => {
    await ctx.db.updateTable('reports').set({ state: 'closed', outcome: 'resolved' }).where('id', '=', reportId).execute();
    expect(await runDeadlineReminders(ctx.db, deps(), new Date('2027-02-01T00:00:00Z'))).toBe(0);
  });
});
