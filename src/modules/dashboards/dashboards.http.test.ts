// Dashboards over HTTP on both databases: each role's home, the community picture under the k rule,
// the monthly report as PDF and the public page.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../auth/actor.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { addReport } from '../../../test/helpers/reports.js';
import { collectionIds, indicator } from '../../../test/helpers/taxii.js';
import { addObjects } from '../taxii/store.service.js';
import type { CommunityPicture } from './dashboards.schema.js';

const K = 3;
const thisMonth = new Date().toISOString().slice(0, 7);

/** The document information's Title: an indirect string object, as pdfkit writes it. */
function pdfTitle(pdf: string): string | undefined {
  const ref = /\/Title (\d+) 0 R/.exec(pdf)?.[1];
  return ref ? new RegExp(`\\n${ref} 0 obj\\n\\((.*)\\)\\nendobj`).exec(pdf)?.[1] : undefined;
}

describeEachDatabase('dashboards', (database) => {
  const ctx = useTestApp(database, { ANONYMITY_K: String(K), PUBLIC_PAGE: 'true' });
  const s = {} as Record<'memberA' | 'memberB' | 'coordinator' | 'responder' | 'auditor', Session>;
  const orgs: string[] = [];
  const reports: Record<string, string> = {};
  const get = (who: keyof typeof s | null, url: string) => as(ctx, who ? s[who] : null)({ method: 'GET', url });

  beforeAll(async () => {
    for (let i = 0; i < 6; i++) orgs.push(await createOrg(ctx, { nameEn: `Org ${i}` }));
    const [a, b] = orgs as [string, string];
    s.memberA = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: a, role: 'member' }] }));
    s.memberB = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: b, role: 'member' }] }));
    s.coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
    s.responder = await signIn(ctx, await createUser(ctx, { roles: ['responder'] }));
    s.auditor = await signIn(ctx, await createUser(ctx, { roles: ['auditor'] }));
    // phishing from three organisations (shown), ransomware from one (merged), a draft of A (not counted).
    reports.a = await addReport(ctx, a, { category: 'phishing', firstResponseAt: new Date().toISOString() });
    reports.b = await addReport(ctx, b, { category: 'phishing' });
    await addReport(ctx, orgs[2] as string, { category: 'phishing' });
    await addReport(ctx, orgs[2] as string, { category: 'phishing' });
    reports.ransom = await addReport(ctx, orgs[3] as string, { category: 'ransomware' });
    reports.draftA = await addReport(ctx, a, { category: 'malware', state: 'draft' });
    await addReport(ctx, orgs[4] as string, { category: 'dos', state: 'triage' });
    await addReport(ctx, orgs[5] as string, { category: 'malware' });
    const now = new Date().toISOString();
    await ctx.db.insertInto('org_notifications').values({ id: randomUUID(), org_id: a, kind: 'advisory_published', ref_id: 'x', stix_id: `report--${randomUUID()}`, title_ja: 'A 向け', title_en: 'For A', created_at: new Date(Date.now() - 2 * 3600_000).toISOString() }).execute();
    const ids = await collectionIds(ctx, orgs);
    const shared = indicator({ tlp: 'green', name: 'Seen by many' });
    await addObjects(ctx.db, { request: systemContext('en'), defaultTlp: 'amber' }, ids.community, [shared]);
    const sightings = orgs.slice(0, K).map((orgId) => ({ indicator_id: shared.id, org_id: orgId, sighting_id: `sighting--${randomUUID()}`, first_seen: null, last_seen: null, count: 1, created_at: now, updated_at: now }));
    await ctx.db.insertInto('correlation_sightings').values(sightings).execute();
  });

  it('shows a member its own open reports and drafts, never another organisation\'s', async () => {
    const res = await get('memberA', '/api/dashboards/member');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ openReports: Array<{ id: string; deadlines: unknown[]; sla: unknown }>; drafts: Array<{ id: string }>; sightings: Array<{ name: string }> }>();
    expect(body.openReports.map((r) => r.id)).toEqual([reports.a]);
    expect(body.drafts.map((d) => d.id)).toEqual([reports.draftA]);
    expect(body.sightings.map((x) => x.name)).toEqual(['Seen by many']);
    expect(res.body).not.toContain(reports.b as string);
    expect((await get('memberB', '/api/dashboards/member')).body).not.toContain(reports.a as string);
  });

  it('marks advisories new since the last visit and keeps them new while the visit lasts', async () => {
    type Home = { since: string | null; advisories: { newCount: number; items: Array<{ titleEn: string; isNew: boolean }> } };
    const home = async () => (await get('memberA', '/api/dashboards/member')).json<Home>();
    expect((await get('memberB', '/api/dashboards/member')).json<Home>().advisories.newCount).toBe(0);
    const first = await home();
    expect(first.advisories.items).toMatchObject([{ titleEn: 'For A', isNew: true }]);
    expect((await home()).advisories.newCount).toBe(1); // a reload within the visit
    // The visit ended an hour ago, after the advisory arrived: now it is no longer new.
    const user = await ctx.db.selectFrom('memberships').select('user_id').where('org_id', '=', orgs[0] as string).executeTakeFirstOrThrow();
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    await ctx.db.updateTable('dashboard_visits').set({ last_visit_at: hourAgo }).where('user_id', '=', user.user_id).execute();
    const next = await home();
    expect(next.since).toBe(hourAgo);
    expect(next.advisories).toMatchObject({ newCount: 0, items: [{ titleEn: 'For A', isNew: false }] });
  });

  it('gives each home only to its role', async () => {
    expect(errorCode(await get('coordinator', '/api/dashboards/member'))).toBe('not_found');
    expect(errorCode(await get('memberA', '/api/dashboards/coordinator'))).toBe('not_found');
    expect(errorCode(await get('memberA', '/api/dashboards/responder'))).toBe('not_found');
    expect((await get(null, '/api/dashboards/community')).statusCode).toBe(401);
  });

  it('shows the coordinator the triage queue with its SLA status and the reviews waiting', async () => {
    const body = (await get('coordinator', '/api/dashboards/coordinator')).json<{ triage: { count: number; overdue: number; items: Array<{ sla: { overdue: boolean } }> }; reviews: { count: number } }>();
    expect(body.triage.count).toBe(6);
    expect(body.triage.overdue).toBe(0);
    expect(body.reviews.count).toBe(1);
    expect((await get('responder', '/api/dashboards/responder')).statusCode).toBe(200);
  });

  it('returns the community picture with no number from fewer than k organisations', async () => {
    const res = await get('memberA', '/api/dashboards/community?months=2');
    expect(res.statusCode).toBe(200);
    const body = res.json<CommunityPicture>();
    const month = body.incidents.byCategory.groups.find((g) => g.group === thisMonth);
    // phishing: 4 reports from 3 organisations; ransomware, dos and malware, one organisation each, merge into other.
    expect(month).toMatchObject({ lessThanK: false, cells: [{ key: 'phishing', count: 4 }, { key: 'other', count: 3 }], total: 7 });
    expect(body.incidents.byCategory.total).toEqual({ count: 7, partial: false });
    for (const series of [body.incidents.byCategory, body.incidents.bySector, body.incidents.bySizeBand]) {
      for (const g of series.groups) for (const c of g.cells ?? []) expect(c.count).toBeGreaterThanOrEqual(K);
    }
    expect(body.topSighted).toMatchObject([{ name: 'Seen by many', orgs: K }]);
    expect(body.k).toBe(K);
    expect(errorCode(await get('memberA', '/api/dashboards/community?months=99'))).toBe('validation_failed');
  });

  it('renders the monthly report as a PDF with its title, in English on request', async () => {
    const res = await get('memberA', `/api/dashboards/monthly-report.pdf?month=${thisMonth}&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="anshin-${thisMonth}-en.pdf"`); // one name per language
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(2); // the community, then organisation A
    expect(pdfTitle(pdf)).toBe(`Monthly report ${thisMonth}`);
    const coordinator = await get('coordinator', `/api/dashboards/monthly-report.pdf?month=${thisMonth}`);
    expect(coordinator.statusCode).toBe(200);
    expect(coordinator.headers['content-disposition']).toBe(`attachment; filename="anshin-${thisMonth}-ja.pdf"`);
    expect(coordinator.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(errorCode(await get('memberA', '/api/dashboards/monthly-report.pdf?month=2026-13'))).toBe('validation_failed');
    expect(errorCode(await get('auditor', `/api/dashboards/monthly-report.pdf?month=${thisMonth}`))).toBe('not_found');
  });

  it('serves the public page without sign-in, in Japanese by default and English on request', async () => {
    const ja = await get(null, '/public');
    expect(ja.statusCode).toBe(200);
    expect(ja.headers['content-type']).toContain('text/html');
    expect(ja.body).toContain('<html lang="ja">');
    expect(ja.body).toContain('href="/public/directory"');
    expect(ja.body).not.toMatch(/<script/i);
    const en = await get(null, '/public?lang=en');
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Incident reports received: 7');
    expect((await get(null, '/public/style.css')).statusCode).toBe(200);
  });
});

describe('defaults: the public page off; a missing PDF font', () => {
  describeEachDatabase('public page off', (database) => {
    const ctx = useTestApp(database, { PDF_FONT_PATH: '/nonexistent/font.ttc' });
    it('does not serve the public page', async () => {
      expect((await ctx.app.inject({ method: 'GET', url: '/public' })).statusCode).toBe(404);
      expect((await ctx.app.inject({ method: 'GET', url: '/public/style.css' })).statusCode).toBe(404);
    });

    it('answers the monthly PDF with a clear error naming the font path', async () => {
      const coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
      const res = await as(ctx, coordinator)({ method: 'GET', url: `/api/dashboards/monthly-report.pdf?month=${thisMonth}&lang=en`, headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: { code: 'pdf_font_missing' } });
      expect(res.json<{ error: { message: string } }>().error.message).toContain('/nonexistent/font.ttc');
    });
  });
});
