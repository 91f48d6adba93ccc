import { afterAll, beforeAll, expect, it } from 'vitest';
import pino from 'pino';
import { createOrg, createUser, useTestApp } from '../../test/helpers/app.js';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { emptyAnswers } from '../modules/reports/report-answers.js';
import { startBackgroundJobs, type BackgroundJobs } from './background-jobs.js';

describeEachDatabase('background jobs of anshin serve', (database) => {
  // Intervals far longer than the test: whatever is sent was sent by the run at start.
  const ctx = useTestApp(database, { DEADLINE_REMINDER_HOURS: '720', DEADLINE_REMINDER_INTERVAL_MS: '86400000', AID_ESCALATION_INTERVAL_MS: '3600000' });
  let jobs: BackgroundJobs | undefined;
  const email = 'soumu@reminded.example.jp';

  beforeAll(async () => {
    const orgId = await createOrg(ctx);
    await createUser(ctx, { email, orgs: [{ orgId, role: 'member' }] });
    const at = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const answers = JSON.stringify({ ...emptyAnswers(), personalData: { ...emptyAnswers().personalData, involved: 'yes', unauthorisedAccess: 'yes' } });
    await ctx.db.insertInto('reports').values({
      id: 'report-due', org_id: orgId, created_by: null, state: 'submitted', outcome: null, assignee_id: null, category: 'unauthorised_access',
      draft_text: '', draft_answers: answers, current_version: 1, aware_at: at, created_at: at, updated_at: at,
      submitted_at: at, first_response_at: null, closed_at: null, published_at: null, publication_ref: null,
    }).execute();
    await ctx.db.insertInto('report_versions').values({ report_id: 'report-due', version: 1, kind: 'submission', text: 't', answers, note: '', created_by: null, created_at: at }).execute();
  });
  afterAll(() => jobs?.stop());

  it('checks reporting deadlines once at start, before any interval has passed', async () => {
    const outbox = () => ctx.db.selectFrom('outbox').select('body').where('recipient', '=', email).execute();
    expect(await outbox()).toEqual([]);
    jobs = startBackgroundJobs(ctx.db, ctx.config, pino({ level: 'silent' }));
    await jobs.started;
    const mails = await outbox();
    expect(mails.length).toBeGreaterThan(0);
    expect(mails[0]?.body).toContain('日本時間');
  });
});
