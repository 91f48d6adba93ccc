// What a member sends to its TAXII inbox enters the same review as a written report.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { collectionIds, indicator, ipv4, taxii, taxiiCaller, type TaxiiCaller } from '../../../test/helpers/taxii.js';
import { inboxReportText } from './inbox-intake.js';

describeEachDatabase('TAXII inbox submissions become reports', (database) => {
  const ctx = useTestApp(database);
  let orgA: string;
  let sender: TaxiiCaller;
  let coordinator: Session;
  let outsider: Session;
  let inbox: string;

  beforeAll(async () => {
    orgA = await createOrg(ctx, { nameEn: 'Sender Org' });
    const orgB = await createOrg(ctx);
    sender = await taxiiCaller(ctx, { orgs: [{ orgId: orgA, role: 'member' }] });
    coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
    outsider = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgB, role: 'member' }] }));
    inbox = (await collectionIds(ctx, [orgA])).inbox[orgA] as string;
  });

  const reports = async (session: Session) => (await as(ctx, session)({ method: 'GET', url: '/api/reports' })).json<{ items: Array<{ id: string; orgId: string; state: string }> }>().items;

  it('turns an accepted batch into a submitted report of the sending organisation, for the triage queue', async () => {
    const object = { ...indicator({ tlp: 'amber', name: 'C2 seen on our VPN' }), pattern: "[ipv4-addr:value = '203.0.113.5']" };
    const res = await taxii(ctx, sender)({ method: 'POST', url: `/taxii2/community/collections/${inbox}/objects/`, json: { objects: [object, ipv4('203.0.113.5', 'amber')] } });
    expect(res.statusCode).toBe(202);
    const queue = (await reports(coordinator)).filter((r) => r.orgId === orgA);
    expect(queue).toHaveLength(1);
    expect(queue[0]?.state).toBe('submitted');
    const detail = await as(ctx, coordinator)({ method: 'GET', url: `/api/reports/${queue[0]?.id}` });
    expect(detail.body).toContain("[ipv4-addr:value = '203.0.113.5']");
    expect(detail.body).toContain('C2 seen on our VPN');
    const review = await as(ctx, coordinator)({ method: 'GET', url: `/api/reports/${queue[0]?.id}/redactions` });
    expect(review.json<{ indicators: Array<{ value: string }> }>().indicators.map((i) => i.value)).toContain('203.0.113.5');
    expect((await reports(outsider)).some((r) => r.orgId === orgA)).toBe(false);
  });

  it('makes no report when nothing was accepted', async () => {
    const before = (await reports(coordinator)).length;
    const res = await taxii(ctx, sender)({ method: 'POST', url: `/taxii2/community/collections/${inbox}/objects/`, json: { objects: [{ type: 'indicator', id: 'nonsense' }] } });
    expect(res.statusCode).toBe(202);
    expect((await reports(coordinator)).length).toBe(before);
  });
});

it('lists what arrived and stays within the report limit', () => {
  const many = Array.from({ length: 3000 }, (_, i) => ({ type: 'ipv4-addr', id: `ipv4-addr--${i}`, value: `198.51.100.${i % 250}` }));
  const text = inboxReportText(many, 'status-1');
  expect(text.length).toBeLessThanOrEqual(20_000);
  expect(text).toMatch(/^TAXII inbox submission \(status status-1\), 3000 objects:\n- ipv4-addr: 198\.51\.100\.0/);
  expect(text).toMatch(/… and \d+ more/);
});
