import { beforeAll, expect, it } from 'vitest';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';

export const fortigate = {
  category: 'vpn_utm_firewall', vendor: 'Fortinet', product: 'FortiOS', version: '7.2.4', cpe: 'cpe:2.3:o:fortinet:fortios:7.2.4:*:*:*:*:*:*:*',
  internetFacing: true, exposedAddress: 'vpn.example.jp', owner: '情報システム担当 佐藤', notes: '本社の SSL-VPN', shareWithDesk: true,
};

describeEachDatabase('assets API', (database) => {
  const ctx = useTestApp(database);
  let orgA = '';
  let orgB = '';
  const s = {} as Record<'member' | 'admin' | 'coordinator' | 'responder' | 'auditor' | 'other', Session>;
  const url = (org = orgA) => `/api/orgs/${org}/assets`;

  beforeAll(async () => {
    orgA = await createOrg(ctx, { nameEn: 'Org A' });
    orgB = await createOrg(ctx, { nameEn: 'Org B' });
    await ctx.db.insertInto('org_domains').values({ org_id: orgA, domain: 'example.jp' }).execute();
    await ctx.db.insertInto('org_ip_ranges').values({ org_id: orgA, cidr: '203.0.113.0/24' }).execute();
    s.member = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }] }));
    s.admin = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgA, role: 'org_admin' }] }));
    s.other = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgB, role: 'member' }] }));
    for (const role of ['coordinator', 'responder', 'auditor'] as const) s[role] = await signIn(ctx, await createUser(ctx, { roles: [role] }));
  });

  it('lets a member add, list, change and remove an asset, each change in the audit trail', async () => {
    const created = await as(ctx, s.member)({ method: 'POST', url: url(), payload: fortigate });
    expect(created.statusCode).toBe(201);
    const asset = created.json<{ id: string; exposedAddress: string; internetFacing: boolean }>();
    expect(asset).toMatchObject({ vendor: 'Fortinet', exposedAddress: 'vpn.example.jp', internetFacing: true, shareWithDesk: true });
    const list = await as(ctx, s.admin)({ method: 'GET', url: url() });
    expect(list.json<{ items: Array<{ id: string }> }>().items.map((a) => a.id)).toEqual([asset.id]);
    const put = await as(ctx, s.admin)({ method: 'PUT', url: `${url()}/${asset.id}`, payload: { ...fortigate, version: '7.2.7', exposedAddress: '203.0.113.10' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ version: '7.2.7', exposedAddress: '203.0.113.10' });
    const removed = await as(ctx, s.member)({ method: 'DELETE', url: `${url()}/${asset.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await as(ctx, s.member)({ method: 'DELETE', url: `${url()}/${asset.id}` })).statusCode).toBe(404);
    const audit = await ctx.db.selectFrom('audit_events').select(['action', 'details']).where('target_id', '=', asset.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['asset.create', 'asset.update', 'asset.delete']);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({ changed: ['version', 'exposed_address'] });
  });

  it('names every wrong field, in the caller\'s language, and stores nothing', async () => {
    const res = await as(ctx, s.member)({
      method: 'POST', url: url(), headers: { 'accept-language': 'en' },
      payload: { ...fortigate, category: 'toaster', vendor: ' ', cpe: 'cpe:2.3:o:fortinet', purl: 'not a purl', internetFacing: false },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string; details: Array<{ field: string; problem: string }> } }>();
    expect(body.error.code).toBe('asset_invalid');
    expect(body.error.details).toEqual([
      { field: 'category', problem: 'unknown_code' }, { field: 'vendor', problem: 'required' }, { field: 'cpe', problem: 'invalid' },
      { field: 'purl', problem: 'invalid' }, { field: 'exposedAddress', problem: 'not_internet_facing' },
    ]);
    expect(body.error.message).toBe('Some fields of the asset are not valid (category, vendor, cpe, purl, exposedAddress). Nothing was stored.');
    const ja = await as(ctx, s.member)({ method: 'POST', url: url(), payload: { ...fortigate, exposedAddress: 'vpn.example.com' } });
    expect(ja.statusCode).toBe(400);
    expect(ja.json<{ error: { code: string; message: string } }>().error).toEqual({
      code: 'asset_address_unregistered', message: '「vpn.example.com」は組織に登録されたドメインや IP アドレス範囲ではありません。先に組織の登録情報に追加してください。',
    });
    expect(errorCode(await as(ctx, s.member)({ method: 'POST', url: url(), payload: { ...fortigate, exposedAddress: '198.51.100.1' } }))).toBe('asset_address_unregistered');
    expect(errorCode(await as(ctx, s.member)({ method: 'POST', url: url(), payload: { ...fortigate, notes: 'x'.repeat(5000) } }))).toBe('validation_failed');
    expect(errorCode(await as(ctx, s.member)({ method: 'POST', url: url(), payload: { ...fortigate, extra: 1 } }))).toBe('validation_failed');
    expect((await as(ctx, s.member)({ method: 'GET', url: url() })).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('shows the desk only the assets shared with it, and nothing (not found) where none is', async () => {
    const shared = (await as(ctx, s.member)({ method: 'POST', url: url(), payload: fortigate })).json<{ id: string }>();
    await as(ctx, s.member)({ method: 'POST', url: url(), payload: { ...fortigate, product: 'FortiOS (lab)', shareWithDesk: false, internetFacing: false, exposedAddress: null } });
    const desk = await as(ctx, s.coordinator)({ method: 'GET', url: url() });
    expect(desk.json<{ items: Array<{ id: string }> }>().items.map((a) => a.id)).toEqual([shared.id]);
    await as(ctx, s.other)({ method: 'POST', url: url(orgB), payload: { ...fortigate, shareWithDesk: false, internetFacing: false, exposedAddress: null } });
    expect(errorCode(await as(ctx, s.coordinator)({ method: 'GET', url: url(orgB) }))).toBe('not_found');
    expect(errorCode(await as(ctx, s.coordinator)({ method: 'PUT', url: `${url()}/${shared.id}`, payload: fortigate }))).toBe('not_found');
    for (const who of ['responder', 'auditor', 'other'] as const) {
      expect(errorCode(await as(ctx, s[who])({ method: 'GET', url: url() }))).toBe('not_found');
      expect(errorCode(await as(ctx, s[who])({ method: 'DELETE', url: `${url()}/${shared.id}` }))).toBe('not_found');
    }
    // An asset of organisation A cannot be reached through organisation B's path.
    expect(errorCode(await as(ctx, s.other)({ method: 'PUT', url: `${url(orgB)}/${shared.id}`, payload: fortigate }))).toBe('not_found');
  });
});
