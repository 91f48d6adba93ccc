// The contact directory in a real browser: an anonymous visitor finds where to report a ransomware attack in
// Kanagawa, in Japanese, without signing in; a coordinator adds a desk and it appears; the plain page works
// with JavaScript turned off.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { createUser, type TestUser } from '../helpers/app.js';
import { auditPage } from './a11y.js';
import { describeBrowser, journey, newPage, PHONE, screenshots, seen, signIn, signOut, useE2E } from './helpers.js';

describeBrowser('e2e: the public contact directory', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let coordinator: TestUser;

  beforeAll(async () => {
    coordinator = await createUser(e2e, { email: 'desk@isac.example.jp', roles: ['coordinator'] });
    page = await newPage(e2e);
  });

  const results = () => page.getByRole('region', { name: /件見つかりました/ });

  step('an anonymous visitor searches by prefecture and problem in Japanese', async () => {
    await page.goto('/login');
    await page.getByRole('navigation', { name: '公開ページ' }).getByRole('link', { name: '相談・通報先' }).click();
    await seen(page.getByRole('heading', { name: '相談・通報先の一覧', level: 1 }));
    expect(await seen(page.getByRole('navigation', { name: '公開ページ' }))).toContain('相談・通報先');
    expect(await seen(results())).toContain('4 件見つかりました');
    await page.getByLabel('都道府県').selectOption({ label: '神奈川県' });
    await page.getByLabel('困っていること').selectOption({ label: '情報の漏えい・紛失' });
    await page.getByRole('button', { name: '検索' }).click();
    await page.waitForURL((url) => url.searchParams.get('prefecture') === '14');
    await seen(results().getByText('2 件見つかりました'));
    const text = await results().textContent();
    expect(text).toContain('個人情報保護委員会');
    expect(text).toContain('https://www.ppc.go.jp/');
    expect(text).not.toContain('IPA 情報セキュリティ安心相談窓口');
    await auditPage(page, 'directory-search');
    await screenshots(page, '60-directory-search');
  });

  step('a coordinator adds a desk for Kanagawa; an invalid address is refused in Japanese', async () => {
    await signIn(page, coordinator);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '相談・通報先' }).click();
    await page.getByRole('link', { name: '連絡先の管理（事務局）' }).click();
    await seen(page.getByRole('heading', { name: '相談・通報先の管理', level: 1 }));
    await page.getByRole('button', { name: '窓口を追加' }).click();
    const form = page.getByRole('form', { name: '窓口を追加' });
    await form.getByLabel('名称（日本語）').fill('横浜市中小企業サイバー相談窓口');
    await form.getByLabel('ランサムウェア').check();
    await form.getByLabel('全国').uncheck();
    await form.getByLabel('神奈川県').check();
    await form.getByLabel('ウェブサイト（https://）').fill('http://example.jp/yokohama');
    await form.getByRole('button', { name: '保存' }).click();
    expect(await seen(form.getByRole('alert'))).toContain('https:// で始まる正しいアドレスにしてください');
    await form.getByLabel('ウェブサイト（https://）').fill('https://example.jp/yokohama');
    await form.getByRole('button', { name: '保存' }).click();
    expect(await seen(page.getByRole('status').filter({ hasText: '追加しました' }))).toContain('窓口を追加しました。');
    await auditPage(page, 'directory-manage');
    await screenshots(page, '61-directory-manage');
  });

  step('the coordinator imports a CSV: a bad row is named and nothing is stored, then the corrected file goes in', async () => {
    const header = 'id,name_ja,name_en,helps_with,prefectures,phone,web_url,hours_ja,hours_en,languages,cost,notes_ja,notes_en';
    const good = ',デモ: 地域セキュリティ相談会,Demo: local clinic,phishing,14,,https://example.jp/clinic,,,ja,free,,';
    const card = page.getByRole('region', { name: 'CSV / JSON の取り込み' });
    const upload = (rows: string[]) => card.getByLabel('取り込むファイル（.csv または .json）').setInputFiles({
      name: 'directory.csv', mimeType: 'text/csv', buffer: Buffer.from(`${[header, ...rows].join('\r\n')}\r\n`),
    });
    await upload([good, ',悪い行,Bad,hacking,14,,https://example.jp/bad,,,ja,free,,']);
    await card.getByRole('button', { name: '取り込む', exact: true }).click();
    expect(await seen(card.getByRole('alert'))).toContain('3 行目 — 相談できること: 知らない相談の種類があります');
    expect(await page.getByRole('heading', { name: 'デモ: 地域セキュリティ相談会' }).count()).toBe(0);
    await upload([good]);
    await card.getByRole('button', { name: '取り込む', exact: true }).click();
    expect(await seen(card.getByRole('status'))).toContain('追加 1 件、更新 0 件');
    await seen(page.getByRole('heading', { name: 'デモ: 地域セキュリティ相談会' }));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV で書き出す（Excel 用）' }).click()]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    expect(csv).toContain('デモ: 地域セキュリティ相談会');
    await signOut(page);
  });

  step('what the coordinator added appears in the public search, only where it serves', async () => {
    await page.goto('/directory?prefecture=14&problem=ransomware');
    expect(await seen(results().getByRole('heading', { name: '横浜市中小企業サイバー相談窓口' }))).toBeTruthy();
    await page.goto('/directory?prefecture=13&problem=ransomware');
    await seen(results());
    expect(await results().textContent()).not.toContain('横浜市中小企業サイバー相談窓口');
  });

  step('the plain /public/directory page works with JavaScript disabled, on a phone', async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'ja-JP', baseURL: e2e.baseUrl });
    const plain = await context.newPage();
    await plain.goto('/public/directory');
    expect(await plain.getAttribute('html', 'lang')).toBe('ja');
    await plain.getByLabel('都道府県').selectOption({ label: '神奈川県' });
    await plain.getByLabel('困っていること').selectOption({ label: 'ランサムウェア' });
    await plain.getByRole('button', { name: '検索する' }).click();
    await plain.waitForURL((url) => url.searchParams.get('prefecture') === '14');
    const text = (await plain.locator('main').textContent()) ?? '';
    expect(text).toContain('横浜市中小企業サイバー相談窓口');
    expect(text).toContain('JPCERT/CC インシデント対応依頼');
    expect(text).not.toContain('個人情報保護委員会');
    expect(await plain.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    await plain.getByRole('link', { name: 'English' }).click();
    expect(await plain.getAttribute('html', 'lang')).toBe('en');
    expect(await plain.locator('main').textContent()).toContain('Where to report or ask for help');
    await plain.screenshot({ path: 'test-artifacts/screenshots/62-public-directory-nojs.phone.png', fullPage: true });
    await context.close();
  });
});
