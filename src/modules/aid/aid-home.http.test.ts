// Mutual aid on the role home pages and in the community picture: each caller sees their own requests, offers and
// cases; coordinators the requests at risk; the community's response times only behind at least k organisations.
import { beforeAll, expect, it } from 'vitest';
import { as, createOrg, createUser, signIn, useTestApp } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';

type Caller = ReturnType<typeof as>;
interface Section { id: string; count?: number; items: Array<{ label: string; href?: string; detail?: string }> }
const section = (body: { sections: Section[] }, id: string) => body.sections.find((s) => s.id === id);

const request = (orgId: string, prefecture = '13') => ({
  orgId, skills: ['recovery'], urgency: 'critical', onSite: false, prefecture, language: 'ja', category: 'ransomware', description: '暗号化されました',
});

describeEachDatabase('mutual aid on the home pages and the community picture', (database) => {
  const ctx = useTestApp(database, { AID_AUTO_OFFER_TOP: '1', ANONYMITY_K: '2' });
  let member: Caller;
  let outsider: Caller;
  let coordinator: Caller;
  let responder: Caller;
  let orgA = '';
  let orgB = '';
  let first = '';

  beforeAll(async () => {
    orgA = await createOrg(ctx);
    orgB = await createOrg(ctx);
    member = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }] })));
    outsider = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgB, role: 'member' }] })));
    coordinator = as(ctx, await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] })));
    responder = as(ctx, await signIn(ctx, await createUser(ctx, { roles: ['responder'] })));
  });

  it('asks a responder without a profile to register one', async () => {
    const home = (await responder({ method: 'GET', url: '/api/dashboards/responder' })).json();
    expect(section(home, 'aid-profile')?.items[0]?.href).toBe('/aid/profile');
  });

  it("shows the member their organisation's request, the offered responder the offer, and nobody else either", async () => {
    const profile = await responder({ method: 'PUT', url: '/api/aid/responders/me', payload: {
      kind: 'individual', displayName: 'R', skills: ['recovery'], languages: ['ja'], prefectures: ['13'], onSite: false, certifications: [],
      capacity: 1, available: true, hours: '', serviceType: 'volunteer', priceTerms: '',
    } });
    expect((await coordinator({ method: 'POST', url: `/api/aid/responders/${profile.json().profile.id}/vetting`, payload: { decision: 'vetted' } })).statusCode).toBe(200);
    first = (await member({ method: 'POST', url: '/api/aid/requests', payload: request(orgA) })).json().id;

    const mine = section((await member({ method: 'GET', url: '/api/dashboards/member' })).json(), 'aid-requests');
    expect(mine?.count).toBe(1);
    expect(mine?.items[0]).toMatchObject({ label: 'ランサムウェア（緊急）', href: `/aid/requests/${first}`, detail: '支援者に打診中' });
    expect(section((await outsider({ method: 'GET', url: '/api/dashboards/member' })).json(), 'aid-requests')?.count).toBe(0);

    const home = (await responder({ method: 'GET', url: '/api/dashboards/responder' })).json();
    expect(section(home, 'aid-offers')?.items.map((i) => i.href)).toEqual([`/aid/requests/${first}`]);
    expect(section(home, 'aid-cases')?.count).toBe(0);
  });

  it('gives the community the median time to a responder only when k organisations stand behind it', async () => {
    const offerId = (await responder({ method: 'GET', url: '/api/aid/responder-home' })).json().offers[0].offerId as string;
    expect((await responder({ method: 'POST', url: `/api/aid/offers/${offerId}/accept` })).statusCode).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    const picture = async () => (await member({ method: 'GET', url: '/api/dashboards/community?months=1' })).json().aidResponse.find((r: { month: string }) => r.month === month);
    // One organisation's assigned request: below k = 2, so no number.
    expect((await picture()).assign).toEqual({ medianHours: null, lessThanK: true });
    expect(section((await responder({ method: 'GET', url: '/api/dashboards/responder' })).json(), 'aid-cases')?.count).toBe(1);
  });

  it('lists for coordinators a request no responder can take (the only one is at capacity), escalated at once', async () => {
    const lost = (await outsider({ method: 'POST', url: '/api/aid/requests', payload: request(orgB, '47') })).json().id;
    const atRisk = section((await coordinator({ method: 'GET', url: '/api/dashboards/coordinator' })).json(), 'aid-at-risk');
    const item = atRisk?.items.find((i) => i.href === `/aid/requests/${lost}`);
    expect(item?.detail).toMatch(/エスカレーション済み|目標時間超過/);
  });
});
