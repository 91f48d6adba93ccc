// The activity generator on both databases: what it says it wrote is there, and the dashboards read it.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { as, signIn, useTestApp } from '../../test/helpers/app.js';
import { seedDemoActivity } from './demo-activity.js';
import { seedDemo } from './demo.js';

const count = async (ctx: ReturnType<typeof useTestApp>, table: 'reports' | 'report_versions' | 'advisories' | 'org_notifications' | 'correlation_sightings') =>
  Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describeEachDatabase('demo activity', (database) => {
  const ctx = useTestApp(database, { ANONYMITY_K: '2', PUBLIC_PAGE: 'true' });

  it('writes months of reports, advisories with notifications and sightings that the dashboards show', async () => {
    const demo = await seedDemo(ctx.db, ctx, { orgCount: 40, seed: 3 });
    const now = new Date();
    const demoSightings = await count(ctx, 'correlation_sightings'); // the small demo's own, through the service
    const counts = await seedDemoActivity(ctx.db, ctx.config, { months: 3, seed: 3, now, indicators: 20, advisoriesPerMonth: 2 });
    expect(counts.reports).toBeGreaterThan(40);
    expect(await count(ctx, 'reports')).toBe(counts.reports);
    expect(await count(ctx, 'report_versions')).toBe(counts.reports);
    expect(await count(ctx, 'advisories')).toBe(6);
    expect(await count(ctx, 'org_notifications')).toBe(counts.notifications);
    expect(await count(ctx, 'correlation_sightings')).toBe(demoSightings + counts.sightings);
    const reports = await ctx.db.selectFrom('reports').select(['submitted_at']).execute();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)).toISOString();
    expect(reports.every((r) => (r.submitted_at as string) >= from && (r.submitted_at as string) <= now.toISOString())).toBe(true);

    const coordinator = demo!.credentials.find((c) => c.role.includes('coordinator'))!;
    const picture = (await as(ctx, await signIn(ctx, coordinator))({ method: 'GET', url: '/api/dashboards/community?months=3' }))
      .json<{ incidents: { byCategory: { total: { count: number } } }; topSighted: unknown[] }>();
    expect(picture.incidents.byCategory.total.count).toBe(counts.reports);
    expect(picture.topSighted.length).toBeGreaterThan(0);
    expect((await ctx.app.inject({ method: 'GET', url: '/public' })).body).toContain('TLP:CLEAR');
  });
});
