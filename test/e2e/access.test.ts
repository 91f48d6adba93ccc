// Journey 5: a member who types an administrator's address into the address bar sees no data.
import type { Page, Request } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { describeBrowser, journey, newPage, screenshots, seen, signIn, useE2E } from './helpers.js';

const OWN = { ja: '安心信用金庫', en: 'Anshin Shinkin Bank' };
const OTHER = { ja: '秘密商事株式会社', en: 'Himitsu Trading Co.' };

describeBrowser('e2e: a member cannot reach administration pages by typing their address', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let member: TestUser;
  let stranger: TestUser;
  let otherOrgId = '';
  const apiCalls: string[] = [];

  /** Opens a path as if typed into the address bar; returns the page's text once the page has rendered. */
  async function typeAddress(path: string): Promise<string> {
    apiCalls.length = 0;
    await page.goto(path);
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    return (await page.locator('main').textContent()) ?? '';
  }

  async function expectNoAccess(path: string, api: string): Promise<void> {
    const text = await typeAddress(path);
    await seen(page.getByRole('heading', { name: 'アクセスできません' }));
    expect(text).toContain('このページを表示する権限がありません。');
    expect(await page.locator('main table').count(), `a table on ${path}`).toBe(0);
    expect(await page.content()).not.toContain(stranger.email);
    expect(apiCalls.filter((url) => url.startsWith(api)), `requests to ${api} from ${path}`).toEqual([]);
  }

  beforeAll(async () => {
    const ownId = await createOrg(e2e, { nameJa: OWN.ja, nameEn: OWN.en });
    otherOrgId = await createOrg(e2e, { nameJa: OTHER.ja, nameEn: OTHER.en });
    member = await createUser(e2e, { email: 'kimura@shinkin.example.jp', orgs: [{ orgId: ownId, role: 'member' }] });
    stranger = await createUser(e2e, { email: 'secret.person@himitsu.example.jp', orgs: [{ orgId: otherOrgId, role: 'org_admin' }] });
    await createUser(e2e, { email: 'desk@isac.example.jp', roles: ['administrator'] });
    page = await newPage(e2e);
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) apiCalls.push(url.pathname);
    });
  });

  step('the member signs in; the menu offers no administration', async () => {
    await signIn(page, member);
    await seen(page.getByRole('heading', { name: 'ようこそ、kimura さん' }));
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    for (const name of ['ユーザー', '監査ログ', '送信メール']) expect(await nav.getByRole('link', { name }).count(), name).toBe(0);
  });

  step('/users typed into the address bar shows "no access", not the users', async () => {
    await expectNoAccess('/users', '/api/users');
    await screenshots(page, '23-no-access');
  });

  step('/users/<id> of another person shows "no access"', async () => {
    await expectNoAccess(`/users/${stranger.id}`, '/api/users');
  });

  step('/audit shows "no access", not the audit log', async () => {
    await expectNoAccess('/audit', '/api/audit');
  });

  step('/outbox shows "no access", not the mails', async () => {
    await expectNoAccess('/outbox', '/api/outbox');
  });

  step('another organisation\'s page shows "not found" and none of its data', async () => {
    const text = await typeAddress(`/orgs/${otherOrgId}`);
    expect(await seen(page.getByRole('alert'))).toContain('見つかりません。');
    expect(text).not.toContain(OTHER.ja);
    expect(await page.content()).not.toContain(stranger.email);
    await screenshots(page, '24-other-org-not-found');
  });

  step('/orgs lists only the member\'s own organisation', async () => {
    await typeAddress('/orgs');
    await seen(page.locator('main').getByRole('link', { name: OWN.ja }));
    expect(await page.locator('main').textContent()).not.toContain(OTHER.ja);
  });

  step('the API behind those pages refuses the member\'s session too', async () => {
    for (const path of ['/api/users', `/api/users/${stranger.id}`, '/api/audit', '/api/outbox', `/api/orgs/${otherOrgId}`]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(404);
      expect(await res.text(), path).not.toContain(stranger.email);
    }
  });

  step('an unknown address shows the not-found page', async () => {
    const text = await typeAddress('/no-such-page');
    await seen(page.getByRole('heading', { name: 'ページが見つかりません' }));
    expect(text).toContain('お探しのページは存在しないか、移動した可能性があります。');
    await screenshots(page, '25-not-found');
  });
});
