// A report that wants help asks for it when it is submitted (or amended): one request, prefilled from the
// organisation's profile, the member's language and the answers, offered at once, and never twice while one is open.
import { beforeAll, expect, it } from 'vitest';
import { as, createOrg, createUser, signIn, useTestApp } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';

type Caller = ReturnType<typeof as>;
interface Summary { id: string; status: string; urgency: string; category: string; skills: string[]; onSite: boolean; prefecture: string; language: string; hasReport: boolean; reportId: string | null }

describeEachDatabase('asking for help from a report', (database) => {
  const ctx = useTestApp(database, { AID_AUTO_OFFER_TOP: '1' });
  let member: Caller;
  let outsider: Caller;
  let responder: Caller;
  let orgA = '';

  const requestsOf = async (caller: Caller): Promise<Summary[]> => (await caller({ method: 'GET', url: '/api/aid/requests' })).json().items;
  const draft = async (answers: Record<string, unknown>, text = '朝からファイルが開けず、身代金を要求する画面が出ています。') => {
    const res = await member({ method: 'POST', url: '/api/reports', payload: { orgId: orgA, text, answers } });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    orgA = await createOrg(ctx);
    await ctx.db.updateTable('organisations').set({ prefecture: '23' }).where('id', '=', orgA).execute(); // 愛知県
    member = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }] })));
    outsider = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: await createOrg(ctx), role: 'member' }] })));
    responder = as(ctx, await signIn(ctx, await createUser(ctx, { roles: ['responder'] })));
    const coordinator = as(ctx, await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] })));
    const profile = await responder({ method: 'PUT', url: '/api/aid/responders/me', payload: {
      kind: 'individual', displayName: 'R', skills: ['triage', 'recovery'], languages: ['ja'], prefectures: ['23'], onSite: true, certifications: [],
      capacity: 3, available: true, hours: '', serviceType: 'volunteer', priceTerms: '',
    } });
    expect((await coordinator({ method: 'POST', url: `/api/aid/responders/${profile.json().profile.id}/vetting`, payload: { decision: 'vetted' } })).statusCode).toBe(200);
  });

  it('submitting a ransomware report that needs help on site now creates the request, prefilled and offered', async () => {
    const id = await draft({ category: 'ransomware', ongoing: 'yes', help: { wanted: 'yes', onSite: 'yes' } });
    expect(await requestsOf(member)).toEqual([]); // a draft asks for nothing
    expect((await member({ method: 'POST', url: `/api/reports/${id}/submit` })).statusCode).toBe(204);

    const [request] = await requestsOf(member);
    expect(request).toMatchObject({
      status: 'offered', urgency: 'critical', category: 'ransomware', onSite: true, prefecture: '23', language: 'ja', hasReport: true, reportId: id,
    });
    expect(request?.skills).toEqual(['triage', 'recovery', 'forensics']);
    const detail = (await member({ method: 'GET', url: `/api/aid/requests/${request?.id}` })).json();
    // The description is made from the answers, never the report's text (responders read it before they know who asked).
    expect(JSON.stringify(detail)).toContain('報告からの支援依頼: ランサムウェア。被害は今も続いています。現地での支援を希望します。');
    expect(JSON.stringify(detail)).not.toContain('身代金を要求する画面');
    expect(detail.tasks.length).toBeGreaterThan(0); // the first-aid checklist is there at once
    // …and the member can work it before anyone accepts; a responder only offered the request cannot tick it.
    const task = `/api/aid/requests/${request?.id}/tasks/${detail.tasks[0].id}`;
    expect((await member({ method: 'PUT', url: task, payload: { done: true } })).statusCode).toBe(204);
    expect((await responder({ method: 'PUT', url: task, payload: { done: false } })).statusCode).toBe(403); // it may see the request, not work it
    expect((await member({ method: 'GET', url: `/api/aid/requests/${request?.id}` })).json().tasks[0].doneAt).toEqual(expect.any(String));

    const home = (await responder({ method: 'GET', url: '/api/aid/responder-home' })).json();
    const offered = home.offers.find((o: { request: { id: string } }) => o.request.id === request?.id);
    expect(offered.request).toMatchObject({ orgId: null, orgName: null, reportId: null }); // who asked stays hidden until accepted
    expect(await requestsOf(outsider)).toEqual([]);
  });

  it("shows the member, on the home page, each open case's help and what is new, until the case is closed", async () => {
    const home = async () => (await member({ method: 'GET', url: '/api/dashboards/member' })).json();
    const before = await home();
    const [report] = before.openReports.filter((r: { help: unknown }) => r.help !== null);
    expect(report.help).toMatchObject({ status: 'offered', unread: 0 });
    const offerId = (await responder({ method: 'GET', url: '/api/aid/responder-home' })).json().offers[0].offerId as string;
    expect((await responder({ method: 'POST', url: `/api/aid/offers/${offerId}/accept` })).statusCode).toBe(200);
    const after = await home();
    const same = after.openReports.find((r: { id: string }) => r.id === report.id);
    expect(same.help.status).toBe('assigned');
    expect(same.help.unread).toBeGreaterThan(0); // 「引き受けました」 is waiting for the member
    const section = after.sections.find((s: { id: string }) => s.id === 'aid-requests');
    expect(section.items[0].detail).toMatch(/新着 \d+ 件/);
  });

  it('uses what the member wrote under "what help", in English for an English session, and asks only once', async () => {
    const id = await draft({ category: 'phishing', ongoing: 'no', help: { wanted: 'yes', what: 'Please help us reset the mail accounts' } });
    expect((await member({ method: 'POST', url: `/api/reports/${id}/submit`, headers: { 'accept-language': 'en' } })).statusCode).toBe(204);
    const mine = (await requestsOf(member)).filter((r) => r.category === 'phishing');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ urgency: 'normal', onSite: false, language: 'en', skills: ['triage', 'identity'] });
    expect(JSON.stringify((await member({ method: 'GET', url: `/api/aid/requests/${mine[0]?.id}` })).json())).toContain('Please help us reset the mail accounts');

    // An amendment that still wants help does not ask again while the request is open.
    const amend = await member({ method: 'POST', url: `/api/reports/${id}/amendments`, payload: { text: 'More details.', answers: { category: 'phishing', help: { wanted: 'yes' } } } });
    expect(amend.statusCode).toBe(204);
    expect((await requestsOf(member)).filter((r) => r.category === 'phishing')).toHaveLength(1);
  });

  it('a report without help wanted asks for nothing, until an amendment says help is wanted', async () => {
    const id = await draft({ category: 'dos', help: { wanted: 'no' } });
    expect((await member({ method: 'POST', url: `/api/reports/${id}/submit` })).statusCode).toBe(204);
    expect((await requestsOf(member)).filter((r) => r.category === 'dos')).toHaveLength(0);
    const amend = await member({ method: 'POST', url: `/api/reports/${id}/amendments`, payload: { text: 'まだ続いています。', answers: { category: 'dos', ongoing: 'unknown', help: { wanted: 'yes' } } } });
    expect(amend.statusCode).toBe(204);
    expect((await requestsOf(member)).filter((r) => r.category === 'dos')).toMatchObject([{ urgency: 'high' }]);
  });

  it("refuses another organisation's submission as not found, and asks for no help there", async () => {
    const id = await draft({ category: 'malware', help: { wanted: 'yes' } });
    expect((await outsider({ method: 'POST', url: `/api/reports/${id}/submit` })).statusCode).toBe(404);
    expect((await requestsOf(member)).filter((r) => r.category === 'malware')).toHaveLength(0);
  });

  it('refuses an unknown answer value with a validation error and keeps the draft as it was', async () => {
    const id = await draft({ category: 'fraud' });
    const bad = await member({ method: 'PUT', url: `/api/reports/${id}/draft`, payload: { answers: { ongoing: 'maybe' } } });
    expect(bad.statusCode).toBe(400);
    const report = (await member({ method: 'GET', url: `/api/reports/${id}` })).json();
    expect(JSON.stringify(report)).toContain('fraud');
  });
});
