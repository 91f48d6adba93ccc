import { beforeAll, expect, it } from 'vitest';
import { as, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import type { DirectoryEntry } from './directory-model.js';

const HEADER = 'id,name_ja,name_en,helps_with,prefectures,phone,web_url,hours_ja,hours_en,languages,cost,notes_ja,notes_en';
const entry = {
  nameJa: 'デモ: 横浜セキュリティ相談会', nameEn: 'Demo: Yokohama security clinic', helpsWith: ['ransomware', 'phishing'], prefectures: ['14'],
  phone: '045-000-0000', webUrl: 'https://example.jp/yokohama', hoursJa: '平日 9:00–17:00', hoursEn: 'Weekdays 9:00–17:00', languages: ['ja', 'en'], cost: 'free',
};

describeEachDatabase('contact directory over HTTP', (database) => {
  const ctx = useTestApp(database);
  let coordinator: Session;
  let administrator: Session;
  const anonymous = () => as(ctx, null);

  beforeAll(async () => {
    coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
    administrator = await signIn(ctx, await createUser(ctx, { roles: ['administrator'] }));
  });

  it('ships the four national bodies with official web addresses and no phone numbers', async () => {
    const res = await anonymous()({ method: 'GET', url: '/api/directory' });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json<{ items: DirectoryEntry[]; total: number }>();
    expect(total).toBe(4);
    expect(items.map((e) => e.webUrl).sort()).toEqual([
      'https://www.ipa.go.jp/security/anshin/', 'https://www.jpcert.or.jp/form/', 'https://www.npa.go.jp/bureau/cyber/soudan.html', 'https://www.ppc.go.jp/',
    ]);
    expect(items.every((e) => e.phone === null && e.prefectures[0] === 'all')).toBe(true);
  });

  it('lets a coordinator add an entry that anyone then finds by prefecture and problem', async () => {
    const created = await as(ctx, coordinator)({ method: 'POST', url: '/api/directory', payload: entry });
    expect(created.statusCode).toBe(201);
    const id = created.json<DirectoryEntry>().id;
    const kanagawa = (await anonymous()({ method: 'GET', url: '/api/directory?prefecture=14&problem=ransomware' })).json<{ items: DirectoryEntry[] }>();
    expect(kanagawa.items.map((e) => e.id)).toContain(id);
    // Nationwide bodies serve Kanagawa too; the PPC does not help with ransomware.
    expect(kanagawa.items.some((e) => e.webUrl === 'https://www.ppc.go.jp/')).toBe(false);
    expect(kanagawa.items.some((e) => e.webUrl === 'https://www.jpcert.or.jp/form/')).toBe(true);
    const tokyo = (await anonymous()({ method: 'GET', url: '/api/directory?prefecture=13&problem=ransomware' })).json<{ items: DirectoryEntry[] }>();
    expect(tokyo.items.map((e) => e.id)).not.toContain(id);
    const text = (await anonymous()({ method: 'GET', url: `/api/directory?q=${encodeURIComponent('横浜')}` })).json<{ items: DirectoryEntry[] }>();
    expect(text.items.map((e) => e.id)).toEqual([id]);
    const one = await anonymous()({ method: 'GET', url: `/api/directory/${id}` });
    expect(one.json<DirectoryEntry>()).toMatchObject({ ...entry, version: 1 });
    const audit = await ctx.db.selectFrom('audit_events').select('action').where('target_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['directory.created']);
  });

  it('refuses bad search parameters with a clear code', async () => {
    for (const query of ['problem=hacking', 'prefecture=48', 'limit=1000', 'offset=-1', 'unknown=1', `q=${'x'.repeat(101)}`]) {
      const res = await anonymous()({ method: 'GET', url: `/api/directory?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(errorCode(res), query).toBe('validation_failed');
    }
    const page = (await anonymous()({ method: 'GET', url: '/api/directory?limit=2&offset=1' })).json<{ items: unknown[]; total: number }>();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(4);
  });

  it('refuses a bad entry field by field and stores nothing', async () => {
    const before = (await anonymous()({ method: 'GET', url: '/api/directory' })).json<{ total: number }>().total;
    const res = await as(ctx, coordinator)({ method: 'POST', url: '/api/directory', payload: { ...entry, webUrl: 'http://example.jp', helpsWith: ['hacking'], prefectures: ['99'] } });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details: Array<{ field: string; code: string }> } }>();
    expect(body.error.code).toBe('directory_invalid_entry');
    expect(body.error.details).toEqual(expect.arrayContaining([
      { field: 'webUrl', code: 'invalid_url' }, { field: 'helpsWith', code: 'unknown_problem' }, { field: 'prefectures', code: 'invalid_prefecture' },
    ]));
    expect((await anonymous()({ method: 'GET', url: '/api/directory' })).json<{ total: number }>().total).toBe(before);
  });

  it('updates with the version read, answers 409 to a stale one and 404 to an unknown id', async () => {
    const id = (await as(ctx, coordinator)({ method: 'POST', url: '/api/directory', payload: entry })).json<DirectoryEntry>().id;
    const first = await as(ctx, coordinator)({ method: 'PUT', url: `/api/directory/${id}`, payload: { ...entry, phone: null, version: 1 } });
    expect(first.statusCode).toBe(200);
    expect(first.json<DirectoryEntry>()).toMatchObject({ phone: null, version: 2 });
    const stale = await as(ctx, coordinator)({ method: 'PUT', url: `/api/directory/${id}`, payload: { ...entry, nameJa: '上書き', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('directory_version_conflict');
    expect((await anonymous()({ method: 'GET', url: `/api/directory/${id}` })).json<DirectoryEntry>().nameJa).toBe(entry.nameJa);
    for (const method of ['PUT', 'DELETE'] as const) {
      const res = await as(ctx, coordinator)({ method, url: '/api/directory/no-such-entry', ...(method === 'PUT' ? { payload: { ...entry, version: 1 } } : {}) });
      expect(res.statusCode, method).toBe(404);
    }
    expect((await anonymous()({ method: 'GET', url: '/api/directory/no-such-entry' })).statusCode).toBe(404);
    expect((await as(ctx, coordinator)({ method: 'DELETE', url: `/api/directory/${id}` })).statusCode).toBe(204);
    expect((await anonymous()({ method: 'GET', url: `/api/directory/${id}` })).statusCode).toBe(404);
    const audit = await ctx.db.selectFrom('audit_events').select('action').where('target_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['directory.created', 'directory.updated', 'directory.deleted']);
  });

  it('keeps the desk\'s work to coordinators: administrators may not curate', async () => {
    const res = await as(ctx, administrator)({ method: 'POST', url: '/api/directory', payload: entry });
    expect(res.statusCode).toBe(404);
  });

  it('imports CSV all or nothing, with every problem by row, field and code', async () => {
    const before = (await anonymous()({ method: 'GET', url: '/api/directory' })).json<{ total: number }>().total;
    const csv = `${HEADER}\n,良い窓口,Good desk,fraud,13,,https://example.jp/good,,,ja,free,,\n,悪い窓口,Bad desk,hacking,48,,http://example.jp,,,ja,free,,\n`;
    const bad = await as(ctx, coordinator)({ method: 'POST', url: '/api/directory/import', payload: csv, headers: { 'content-type': 'text/csv' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { code: 'directory_import_invalid', details: [
      { row: 3, field: 'prefectures', code: 'invalid_prefecture' }, { row: 3, field: 'helpsWith', code: 'unknown_problem' }, { row: 3, field: 'webUrl', code: 'invalid_url' },
    ] } });
    expect((await anonymous()({ method: 'GET', url: '/api/directory' })).json<{ total: number }>().total).toBe(before);

    const wrongHeader = await as(ctx, coordinator)({ method: 'POST', url: '/api/directory/import', payload: 'name,url\nx,https://example.jp\n', headers: { 'content-type': 'text/csv' } });
    expect(wrongHeader.statusCode).toBe(422);
    expect(wrongHeader.json<{ error: { details: Array<{ row: number; code: string }> } }>().error.details).toEqual(expect.arrayContaining([
      { row: 1, field: 'name', code: 'unknown_column' }, { row: 1, field: 'name_ja', code: 'missing_column' },
    ]));

    const good = await as(ctx, coordinator)({ method: 'POST', url: '/api/directory/import', payload: csv.split('\n').slice(0, 2).join('\n'), headers: { 'content-type': 'text/csv' } });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ created: 1, updated: 0 });
    expect((await anonymous()({ method: 'GET', url: '/api/directory' })).json<{ total: number }>().total).toBe(before + 1);
  });

  it('refuses an oversized import', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `,窓口${i},,fraud,13,,https://example.jp/${i},,,ja,free,,`);
    const tooMany = await as(ctx, coordinator)({ method: 'POST', url: '/api/directory/import', payload: `${HEADER}\n${rows.join('\n')}\n`, headers: { 'content-type': 'text/csv' } });
    expect(tooMany.statusCode).toBe(413);
    expect(errorCode(tooMany)).toBe('directory_import_too_large');
    const tooBig = await as(ctx, coordinator)({ method: 'POST', url: '/api/directory/import', payload: `${HEADER}\n${'x'.repeat(600 * 1024)}\n`, headers: { 'content-type': 'text/csv' } });
    expect(tooBig.statusCode).toBe(413);
    expect(errorCode(tooBig)).toBe('payload_too_large');
  });

  it('exports CSV for Excel (BOM, escaped formulas) and JSON that imports back unchanged', async () => {
    const id = (await as(ctx, coordinator)({ method: 'POST', url: '/api/directory', payload: { ...entry, nameJa: '=HYPERLINK("x")', phone: '+81-45-000-0000' } })).json<DirectoryEntry>().id;
    const csv = await as(ctx, coordinator)({ method: 'GET', url: '/api/directory/export?format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="anshin-directory-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csv.body.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(csv.body).toContain(`${id},"'=HYPERLINK(""x"")"`);
    expect(csv.body).toContain("'+81-45-000-0000");

    const json = await as(ctx, coordinator)({ method: 'GET', url: '/api/directory/export?format=json' });
    const exported = json.json<{ entries: DirectoryEntry[] }>();
    const back = await as(ctx, coordinator)({ method: 'POST', url: '/api/directory/import', payload: exported });
    expect(back.json()).toEqual({ created: 0, updated: exported.entries.length });
    const after = (await anonymous()({ method: 'GET', url: `/api/directory/${id}` })).json<DirectoryEntry>();
    expect(after).toMatchObject({ nameJa: '=HYPERLINK("x")', phone: '+81-45-000-0000', version: 2 });
    const reimported = await as(ctx, coordinator)({ method: 'POST', url: '/api/directory/import', payload: csv.body, headers: { 'content-type': 'text/csv' } });
    expect(reimported.json<{ updated: number }>().updated).toBe(exported.entries.length);
    expect((await anonymous()({ method: 'GET', url: `/api/directory/${id}` })).json<DirectoryEntry>()).toMatchObject({ nameJa: '=HYPERLINK("x")', phone: '+81-45-000-0000' });
    expect((await as(ctx, coordinator)({ method: 'GET', url: '/api/directory/export?format=xml' })).statusCode).toBe(400);
  });

  it('serves the plain HTML page with its search, in Japanese or English', async () => {
    const ja = await anonymous()({ method: 'GET', url: '/public/directory?prefecture=13&problem=data_leak' });
    expect(ja.statusCode).toBe(200);
    expect(ja.headers['content-type']).toContain('text/html');
    expect(ja.body).toContain('<html lang="ja">');
    expect(ja.body).toContain('個人情報保護委員会');
    expect(ja.body).not.toContain('IPA 情報セキュリティ安心相談窓口');
    const en = await anonymous()({ method: 'GET', url: '/public/directory?lang=en&problem=nonsense&prefecture=99' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('IPA Information Security Consultation Desk');
    const css = await anonymous()({ method: 'GET', url: '/public/directory.css' });
    expect(css.headers['content-type']).toContain('text/css');
  });
});
