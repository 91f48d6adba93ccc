// End-to-end journeys: the built web UI (web/dist) in headless Chromium against the real server.
//
//   npx vite build && npx vitest run --config vitest.e2e.config.ts     (npm run build:web && npm run test:e2e)
//
// Each file starts its own server in this process on a fresh SQLite file, listening on 127.0.0.1 and
// a free port that BASE_URL names, so links in mails point at it; cheap argon2 settings as in the
// integration tests. The browser is the system Chromium at /usr/bin/chromium (playwright-core);
// without it the suites are skipped with the reason in their names. The UI is Japanese unless a
// step switches; elements are found by their accessible names (labels, roles), as people and screen
// readers find them. Screenshots of the main pages at phone (390×844) and desktop (1280×800) width
// go to test-artifacts/screenshots/ (git-ignored). Helpers: test/e2e/helpers.ts.
//
// This file is journey 1: from an empty installation to a community with an organisation and a member.
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { ensureSetupLink } from '../../src/auth/links.service.js';
import { describeBrowser, journey, latestMail, linkIn, newPage, screenshots, seen, signOut, useE2E } from './helpers.js';

const ADMIN = { email: 'admin@anshin.example.jp', name: '管理 太郎', password: 'kanri-no-nagai-pasuwaado-2026' };
const MEMBER = { email: 'hanako.sato@kogyo.example.jp', name: '佐藤 花子', password: 'hanako-no-himitsu-no-kotoba' };
const ORG = { ja: '安心工業株式会社', en: 'Anshin Kogyo Co., Ltd.' };

describeBrowser('e2e: first start to a working community', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let setupLink = '';
  let orgPath = '';
  let inviteLink = '';

  beforeAll(async () => {
    page = await newPage(e2e);
  });

  step('a fresh installation offers a one-time setup link on this server', async () => {
    setupLink = (await ensureSetupLink(e2e.db, { config: e2e.config })) ?? '';
    expect(setupLink.startsWith(`${e2e.baseUrl}/setup#token=`)).toBe(true);
    await page.goto(setupLink);
    await seen(page.getByRole('heading', { name: '初期設定' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await screenshots(page, '01-setup');
  });

  step('the setup form creates the first administrator, signed in on the home page', async () => {
    await page.getByLabel('メールアドレス').fill(ADMIN.email);
    await page.getByLabel('表示名').fill(ADMIN.name);
    await page.getByLabel('パスワード', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('確認のためもう一度入力').fill(ADMIN.password);
    expect(await page.getByRole('combobox', { name: '表示言語' }).inputValue()).toBe('ja');
    await page.getByRole('button', { name: '管理者アカウントを作成' }).click();
    await seen(page.getByRole('heading', { name: `ようこそ、${ADMIN.name} さん` }));
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await seen(page.getByRole('region', { name: 'あなたの役割' }))).toContain('管理者');
    expect(await ensureSetupLink(e2e.db, { config: e2e.config })).toBeNull();
    await screenshots(page, '02-home-administrator');
  });

  step('the administrator registers an organisation with domains, IPv4 and IPv6 ranges and a contact', async () => {
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '組織', exact: true }).click();
    await seen(page.getByRole('heading', { name: '組織', exact: true }));
    await page.getByRole('link', { name: '組織を登録' }).click();
    await seen(page.getByRole('heading', { name: '組織の登録' }));
    await page.getByLabel('名称（日本語）').fill(ORG.ja);
    await page.getByLabel('名称（英語）').fill(ORG.en);
    await page.getByRole('combobox', { name: '業種' }).selectOption({ label: '製造業' });
    await page.getByRole('combobox', { name: '従業員規模' }).selectOption({ label: '101〜300 人' });
    await page.getByRole('combobox', { name: '都道府県' }).selectOption({ label: '東京都' });
    await page.getByRole('textbox', { name: 'ドメイン', exact: true }).fill('kogyo.example.jp\nanshin-kogyo.example');
    await page.getByRole('textbox', { name: 'IP アドレス範囲', exact: true }).fill('192.0.2.0/24\n2001:db8::/32');
    await page.getByRole('button', { name: '連絡先を追加' }).click();
    await page.getByRole('combobox', { name: '連絡先 1 の種類' }).selectOption({ label: 'セキュリティ窓口' });
    await page.getByLabel('連絡先 1 の氏名・部署名').fill('情報システム部');
    await page.getByLabel('連絡先 1 のメールアドレス').fill('security@kogyo.example.jp');
    await page.getByLabel('連絡先 1 の電話番号').fill('03-1234-5678');
    await screenshots(page, '03-org-new-form');
    await page.getByRole('button', { name: '登録する' }).click();

    expect(await seen(page.getByRole('status').filter({ hasText: '組織を登録しました。' }))).toBeTruthy();
    await seen(page.getByRole('heading', { name: ORG.ja }));
    orgPath = new URL(page.url()).pathname;
    const profile = page.getByRole('region', { name: '組織の情報' });
    for (const text of ['kogyo.example.jp', 'anshin-kogyo.example', '192.0.2.0/24', '2001:db8::/32']) {
      await seen(profile.getByText(text, { exact: true }));
    }
    const contact = await seen(profile.getByRole('listitem').filter({ hasText: '情報システム部' }));
    for (const text of ['セキュリティ窓口', 'security@kogyo.example.jp', '03-1234-5678']) expect(contact).toContain(text);
    await screenshots(page, '04-org-page');
  });

  step('an invalid CIDR gets a clear Japanese error and nothing is saved', async () => {
    await page.getByRole('button', { name: '編集' }).click();
    const ranges = page.getByRole('textbox', { name: 'IP アドレス範囲', exact: true });
    await ranges.fill('192.0.2.0/24\n2001:db8::/32\n192.0.2.0/33');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const alert = await seen(page.getByRole('alert').filter({ hasText: '入力内容を確認してください。' }));
    expect(alert).toContain('IP アドレス範囲（CIDR 形式、例 192.0.2.0/24）として正しくありません: 192.0.2.0/33');
    await screenshots(page, '05-org-invalid-cidr');

    await page.reload();
    const profile = page.getByRole('region', { name: '組織の情報' });
    await seen(profile.getByText('2001:db8::/32', { exact: true }));
    expect(await profile.getByText('192.0.2.0/33').count()).toBe(0);
    const stored = await e2e.db.selectFrom('org_ip_ranges').select('cidr').orderBy('cidr').execute();
    expect(stored.map((r) => r.cidr)).toEqual(['192.0.2.0/24', '2001:db8::/32']);
  });

  step('the administrator invites a member from the organisation page', async () => {
    const invite = page.getByRole('region', { name: 'ユーザーを招待' });
    await invite.getByLabel('招待するメールアドレス').fill(MEMBER.email);
    expect(await invite.getByRole('combobox', { name: '組織での役割' }).inputValue()).toBe('member');
    await invite.getByRole('button', { name: '招待を送信' }).click();
    expect(await seen(invite.getByRole('status'))).toContain(`${MEMBER.email} に招待を送信しました`);
  });

  step('the invitation mail is in 送信メール (outbox), with a link to this server', async () => {
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '送信メール' }).click();
    await seen(page.getByRole('heading', { name: '送信メール' }));
    const mail = page.getByRole('listitem').filter({ hasText: `宛先: ${MEMBER.email}` });
    expect(await seen(mail.locator('summary'))).toContain('Anshin への招待');
    await mail.locator('summary').click();
    const body = await seen(mail.locator('pre'));
    expect(body, 'the mail names who invited').toContain(ADMIN.name);
    inviteLink = linkIn(body, e2e.baseUrl, 'invite');
    expect((await latestMail(e2e.db, MEMBER.email)).body).toContain(inviteLink);
    await screenshots(page, '06-outbox-invitation');
  });

  step('the administrator signs out', async () => {
    await signOut(page);
    await seen(page.getByRole('heading', { name: 'ログイン' }));
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).count()).toBe(0);
  });

  step('the invitee opens the link from the mail and creates an account', async () => {
    await page.goto(inviteLink);
    await seen(page.getByRole('heading', { name: '招待を受ける' }));
    await seen(page.getByText(`${MEMBER.email} 宛ての招待です。`));
    await screenshots(page, '07-invitation');
    await page.getByLabel('表示名').fill(MEMBER.name);
    await page.getByLabel('パスワード', { exact: true }).fill(MEMBER.password);
    await page.getByLabel('確認のためもう一度入力').fill(MEMBER.password);
    await page.getByRole('button', { name: 'アカウントを作成' }).click();
    await seen(page.getByRole('heading', { name: `ようこそ、${MEMBER.name} さん` }));
  });

  step('the new member sees their organisation on home, and no administration', async () => {
    const orgs = page.getByRole('region', { name: '所属組織' });
    expect(await seen(orgs.getByRole('listitem'))).toContain('メンバー');
    expect(await orgs.getByRole('link', { name: ORG.ja }).getAttribute('href')).toBe(orgPath);
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await seen(nav.getByRole('link', { name: ORG.ja }));
    for (const adminOnly of ['ユーザー', '監査ログ', '送信メール']) {
      expect(await nav.getByRole('link', { name: adminOnly }).count(), adminOnly).toBe(0);
    }
    await screenshots(page, '08-home-member');
  });

  step('switching to English is saved to the account and survives a reload', async () => {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/account') && r.request().method() === 'PATCH');
    await page.getByRole('group', { name: '表示言語' }).getByRole('button', { name: 'English' }).click();
    expect((await saved).status()).toBe(200);
    await seen(page.getByRole('heading', { name: `Welcome, ${MEMBER.name}` }));
    const user = await e2e.db.selectFrom('users').select('locale').where('email', '=', MEMBER.email).executeTakeFirstOrThrow();
    expect(user.locale).toBe('en');

    const reloaded = await page.reload();
    expect(`${reloaded?.status()} ${reloaded?.headers()['content-type']}`, 'reloading the home page (GET /)').toMatch(/^200 text\/html/);
    await seen(page.getByRole('heading', { name: `Welcome, ${MEMBER.name}` }));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await seen(page.getByRole('region', { name: 'Organisations' }).getByRole('link', { name: ORG.en }));
    await screenshots(page, '09-home-member-english');
  });

  step('after signing out and in again the UI is still English', async () => {
    await signOut(page, 'Sign out');
    await page.getByLabel('E-mail address').fill(MEMBER.email);
    await page.getByLabel('Password', { exact: true }).fill(MEMBER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await seen(page.getByRole('heading', { name: `Welcome, ${MEMBER.name}` }));
  });

  step('in a new browser the sign-in page is Japanese, and signing in switches to the saved English', async () => {
    const fresh = await newPage(e2e);
    try {
      await fresh.goto('/login');
      await seen(fresh.getByRole('heading', { name: 'ログイン' }));
      await fresh.getByLabel('メールアドレス').fill(MEMBER.email);
      await fresh.getByLabel('パスワード', { exact: true }).fill(MEMBER.password);
      await fresh.getByRole('button', { name: 'ログイン' }).click();
      await seen(fresh.getByRole('heading', { name: `Welcome, ${MEMBER.name}` }));
      expect(await fresh.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await fresh.context().close();
    }
  });
});
