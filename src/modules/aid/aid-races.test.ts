// Races found by running two processes on one PostgreSQL: each fires many simultaneous requests.
import { beforeAll, expect, it } from 'vitest';
import { as, createOrg, createUser, errorCode, signIn, useTestApp } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';

const REQUESTS = 6;

describeEachDatabase('mutual aid under concurrency', (database) => {
  const ctx = useTestApp(database, { AID_AUTO_OFFER_TOP: '1' });
  let responder: ReturnType<typeof as>;
  let responderId = '';

  beforeAll(async () => {
    const org = await createOrg(ctx, { nameEn: 'Busy Clinic' });
    const member = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: org, role: 'member' }] })));
    const coordinator = as(ctx, await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] })));
    responder = as(ctx, await signIn(ctx, await createUser(ctx, { roles: ['responder'] })));
    const profile = await responder({ method: 'PUT', url: '/api/aid/responders/me', payload: {
      kind: 'individual', displayName: 'Only One', skills: ['recovery'], languages: ['ja'], prefectures: ['13'], onSite: true,
      certifications: [], capacity: 1, available: true, hours: '', serviceType: 'volunteer', priceTerms: '',
    } });
    responderId = profile.json().profile.id;
    expect((await coordinator({ method: 'POST', url: `/api/aid/responders/${responderId}/vetting`, payload: { decision: 'vetted' } })).statusCode).toBe(200);
    for (let i = 0; i < REQUESTS; i++) {
      const res = await member({ method: 'POST', url: '/api/aid/requests', payload: {
        orgId: org, skills: ['recovery'], urgency: 'high', onSite: false, prefecture: '13', language: 'ja', category: 'malware', description: `端末 ${i} が感染しました。`,
      } });
      expect(res.statusCode).toBe(201);
    }
  });

  it('a responder with capacity 1 accepting several offers at the same moment ends with one case', async () => {
    const offers = (await responder({ method: 'GET', url: '/api/aid/responder-home' })).json().offers as Array<{ offerId: string }>;
    expect(offers).toHaveLength(REQUESTS);
    const results = await Promise.all(offers.map((o) => responder({ method: 'POST', url: `/api/aid/offers/${o.offerId}/accept` })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode !== 200).map(errorCode)).toEqual(Array(REQUESTS - 1).fill('aid_responder_unavailable'));
    const cases = await ctx.db.selectFrom('aid_requests').select('id').where('responder_id', '=', responderId).where('status', 'in', ['assigned', 'in_progress']).execute();
    expect(cases).toHaveLength(1);
  });
});
