import { beforeAll, describe, expect, it } from 'vitest';
import { as, createUser, errorCode, signIn, useTestApp, type TestContext } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';

const orgInput = (nameEn: string, overrides: Record<string, unknown> = {}) => ({
  nameJa: `${nameEn} 株式会社`,
  nameEn,
  aliases: [],
  sector: 'jsic-e',
  sizeBand: '21-100',
  prefecture: '13',
  status: 'active',
  domains: [],
  ipRanges: [],
  contacts: [],
  ...overrides,
});

// Row counts of everything an organisation change writes.
async function counts(ctx: TestContext) {
  const count = async (table: 'organisations' | 'org_domains' | 'org_ip_ranges' | 'audit_events') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { orgs: await count('organisations'), domains: await count('org_domains'), ranges: await count('org_ip_ranges'), audit: await count('audit_events') };
}

describeEachDatabase('organisations: input and search', (database) => {
  const ctx = useTestApp(database);
  let admin: ReturnType<typeof as>;
  let orgId = '';
  beforeAll(async () => {
    admin = as(ctx, await signIn(ctx, await createUser(ctx, { roles: ['administrator'] })));
    const res = await admin({
      method: 'POST',
      url: '/api/orgs',
      payload: orgInput('Kept Intact', { domains: ['kept.example'], ipRanges: ['198.51.100.0/24'], contacts: [{ kind: 'security', name: 'CSIRT', email: 'csirt@kept.example' }] }),
    });
    orgId = res.json().id;
  });

  describe('creating with bad input changes nothing', () => {
    it.each([
      ['an invalid CIDR', orgInput('Bad', { ipRanges: ['192.0.2.0/24', '10.0.0.0/33'] }), 'invalid_cidr'],
      ['a short IPv4 CIDR', orgInput('Bad', { ipRanges: ['1.2.3/24'] }), 'invalid_cidr'],
      ['an invalid domain', orgInput('Bad', { domains: ['ok.example', 'example..com'] }), 'invalid_domain'],
      ['a wildcard domain', orgInput('Bad', { domains: ['*.example.com'] }), 'invalid_domain'],
      ['an unknown sector', orgInput('Bad', { sector: 'jsic-z' }), 'validation_failed'],
      ['an unknown prefecture', orgInput('Bad', { prefecture: '48' }), 'validation_failed'],
      ['an unknown status', orgInput('Bad', { status: 'deleted' }), 'validation_failed'],
      ['an unknown contact kind', orgInput('Bad', { contacts: [{ kind: 'sales', name: 'X' }] }), 'validation_failed'],
      ['a contact e-mail that is not one', orgInput('Bad', { contacts: [{ kind: 'security', name: 'X', email: 'nope' }] }), 'validation_failed'],
      ['a missing field', (({ nameEn: _omitted, ...rest }) => rest)(orgInput('Bad')), 'validation_failed'],
      ['a blank name', orgInput('   '), 'validation_failed'],
      ['a name of 201 characters', orgInput('x'.repeat(201)), 'validation_failed'],
      ['51 aliases', orgInput('Bad', { aliases: Array.from({ length: 51 }, (_, i) => `alias ${i}`) }), 'validation_failed'],
      ['201 domains', orgInput('Bad', { domains: Array.from({ length: 201 }, (_, i) => `d${i}.example`) }), 'validation_failed'],
      ['201 IP ranges', orgInput('Bad', { ipRanges: Array.from({ length: 201 }, (_, i) => `10.0.${i}.0/24`) }), 'validation_failed'],
      ['21 contacts', orgInput('Bad', { contacts: Array.from({ length: 21 }, () => ({ kind: 'general', name: 'X' })) }), 'validation_failed'],
      ['an unknown field', orgInput('Bad', { id: 'chosen-by-me' }), 'validation_failed'],
    ])('%s', async (_label, payload, code) => {
      const before = await counts(ctx);
      const res = await admin({ method: 'POST', url: '/api/orgs', payload });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe(code);
      expect(await counts(ctx)).toEqual(before);
    });

    it('malformed JSON', async () => {
      const before = await counts(ctx);
      const res = await admin({ method: 'POST', url: '/api/orgs', headers: { 'content-type': 'application/json' }, payload: '{"nameJa": "壊れた",' });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('invalid_json');
      expect(await counts(ctx)).toEqual(before);
    });

    it('names the bad value in the caller\'s language', async () => {
      const res = await admin({ method: 'POST', url: '/api/orgs', headers: { 'accept-language': 'en' }, payload: orgInput('Bad', { ipRanges: ['10.0.0.0/33'] }) });
      expect(res.json().error.message).toBe('Not a valid IP range (CIDR): 10.0.0.0/33');
    });
  });

  describe('updating with bad input changes nothing', () => {
    it.each([
      ['an invalid CIDR', { nameEn: 'Changed', ipRanges: ['2001:db8::/129'] }, 'invalid_cidr'],
      ['an invalid domain', { nameEn: 'Changed', domains: ['-a.com'] }, 'invalid_domain'],
      ['an unknown size band', { nameEn: 'Changed', sizeBand: 'huge' }, 'validation_failed'],
      ['an oversized array', { nameEn: 'Changed', aliases: Array.from({ length: 51 }, (_, i) => `a${i}`) }, 'validation_failed'],
      ['a wrong type', { nameEn: 'Changed', domains: 'kept.example' }, 'validation_failed'],
      ['an unknown field', { nameEn: 'Changed', createdAt: '2000-01-01T00:00:00.000Z' }, 'validation_failed'],
    ])('%s', async (_label, payload, code) => {
      const before = (await admin({ method: 'GET', url: `/api/orgs/${orgId}` })).json();
      const rows = await counts(ctx);
      const res = await admin({ method: 'PATCH', url: `/api/orgs/${orgId}`, payload });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe(code);
      expect((await admin({ method: 'GET', url: `/api/orgs/${orgId}` })).json()).toEqual(before);
      expect(await counts(ctx)).toEqual(rows);
    });
  });

  it('replaces domains, ranges and contacts as whole sets, normalised and without duplicates', async () => {
    const created = await admin({ method: 'POST', url: '/api/orgs', payload: orgInput('Replaced', { domains: ['old.example'], ipRanges: ['10.0.0.0/8'] }) });
    const id = created.json().id;
    const res = await admin({
      method: 'PATCH',
      url: `/api/orgs/${id}`,
      payload: { domains: ['日本.jp', 'New.Example', 'new.example'], ipRanges: ['2001:DB8:0:0::1/64', '192.0.2.9/24', '192.0.2.0/24'], contacts: [{ kind: 'incident', name: ' 当番 ', phone: '03-0000-0000' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      domains: ['new.example', 'xn--wgv71a.jp'],
      ipRanges: ['192.0.2.0/24', '2001:db8::/64'],
      contacts: [{ kind: 'incident', name: '当番', phone: '03-0000-0000' }],
    });
    const stored = await ctx.db.selectFrom('org_domains').select('domain').where('org_id', '=', id).orderBy('domain').execute();
    expect(stored.map((row) => row.domain)).toEqual(['new.example', 'xn--wgv71a.jp']);
    const audit = await ctx.db.selectFrom('audit_events').select(['action', 'details']).where('org_id', '=', id).orderBy('id').execute();
    expect(audit.map((row) => [row.action, JSON.parse(row.details)])).toEqual([
      ['org.created', expect.anything()],
      ['org.updated', { fields: ['domains', 'ipRanges', 'contacts'] }],
    ]);
  });

  it('writes nothing when the patch changes nothing', async () => {
    const before = (await admin({ method: 'GET', url: `/api/orgs/${orgId}` })).json();
    const rows = await counts(ctx);
    const res = await admin({ method: 'PATCH', url: `/api/orgs/${orgId}`, payload: { nameEn: before.nameEn, domains: ['KEPT.example'] } });
    expect(res.json()).toEqual(before);
    expect(await counts(ctx)).toEqual(rows);
  });

  describe('search', () => {
    let ids: Record<string, string> = {};
    beforeAll(async () => {
      const make = async (nameEn: string, overrides: Record<string, unknown>) =>
        (await admin({ method: 'POST', url: '/api/orgs', payload: orgInput(nameEn, overrides) })).json().id as string;
      ids = {
        zeta: await make('Zeta Hospital 100%', { nameJa: 'ゼータ病院', sector: 'ci-medical', prefecture: '27', aliases: ['ZH Group'] }),
        alpha: await make('alpha_works', { domains: ['安心.jp'], status: 'pending' }),
        beta: await make('Beta Water', { sector: 'ci-water', domains: ['beta-water.example'] }),
      };
    });
    const search = async (query: string) =>
      (await admin({ method: 'GET', url: `/api/orgs?${query}` })).json().items.map((item: { id: string }) => item.id);

    it('matches names, aliases and domains case-insensitively, with % and _ taken literally', async () => {
      expect(await search('q=zeta')).toEqual([ids.zeta]);
      expect(await search(`q=${encodeURIComponent('ゼータ')}`)).toEqual([ids.zeta]);
      expect(await search('q=zh%20group')).toEqual([ids.zeta]);
      expect(await search('q=BETA-WATER.EX')).toEqual([ids.beta]);
      expect(await search(`q=${encodeURIComponent('安心')}`)).toEqual([ids.alpha]);
      expect(await search('q=xn--49s41h')).toEqual([ids.alpha]);
      expect(await search(`q=${encodeURIComponent('100%')}`)).toEqual([ids.zeta]);
      expect(await search('q=a_w')).toEqual([ids.alpha]);
      expect(await search('q=a_b')).toEqual([]);
    });

    it('filters by status, sector and prefecture, and sorts by English name', async () => {
      expect(await search('status=pending')).toEqual([ids.alpha]);
      expect(await search('sector=ci-water')).toEqual([ids.beta]);
      expect(await search('prefecture=27&sector=ci-medical')).toEqual([ids.zeta]);
      const all = (await admin({ method: 'GET', url: '/api/orgs' })).json().items.map((item: { nameEn: string }) => item.nameEn);
      expect(all).toEqual([...all].sort());
      expect(all.indexOf('Beta Water')).toBeLessThan(all.indexOf('Zeta Hospital 100%'));
    });

    it('rejects unknown filter values', async () => {
      const res = await admin({ method: 'GET', url: '/api/orgs?status=deleted' });
      expect(errorCode(res)).toBe('validation_failed');
      expect(errorCode(await admin({ method: 'GET', url: '/api/orgs?colour=red' }))).toBe('validation_failed');
    });
  });
});
