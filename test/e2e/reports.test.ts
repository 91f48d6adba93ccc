// Journey: a member of a small company files a ransomware report in Japanese with an e-mail
// attached; a coordinator triages it and comments, once for the reporter and once internally; the
// member sees the visible comment and never the internal one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { describeBrowser, journey, newPage, PHONE, savedItem, screenshots, seen, signIn, signOut, useE2E } from './helpers.js';

const EML = [
  'Received: from mail.evil-mailer.example (mail.evil-mailer.example [203.0.113.45]) by mx.example.jp',
  'From: "請求書" <billing@evil-mailer.example>',
  'Message-ID: <abc@evil-mailer.example>',
  'Subject: =?UTF-8?B?6KuL5rGC5pu4?=',
  '',
  'https://phish.example/invoice を開いてください',
  '',
].join('\r\n');
const INTERNAL = '内部メモ: LockBit の亜種と思われる';
const VISIBLE = 'バックアップの状況を教えてください。';

describeBrowser('e2e: incident report and triage', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let member: TestUser;
  let coordinator: TestUser;
  let dir = '';
  let emlPath = '';
  let reportUrl = '';

  beforeAll(async () => {
    const orgId = await createOrg(e2e, { nameJa: '小さな製作所', nameEn: 'Small Works' });
    member = await createUser(e2e, { email: 'staff@small.example.jp', orgs: [{ orgId, role: 'member' }] });
    coordinator = await createUser(e2e, { email: 'desk@isac.example.jp', roles: ['coordinator'] });
    dir = mkdtempSync(join(tmpdir(), 'anshin-report-'));
    emlPath = join(dir, '不審なメール.eml');
    writeFileSync(emlPath, EML);
    page = await newPage(e2e, PHONE);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const main = () => page.locator('main');
  const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  const yesterday = new Date(Date.now() + 9 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

  step('a member opens インシデント報告 from the menu on a phone and starts a report', async () => {
    await signIn(page, member);
    await page.getByRole('button', { name: 'メニュー' }).click();
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'インシデント報告' }).click();
    await seen(page.getByRole('heading', { name: 'インシデント報告', level: 1 }));
    await main().getByRole('link', { name: '新しく報告する' }).click();
    await seen(page.getByRole('heading', { name: '被害・異常を報告する', level: 1 }));
  });

  step('sends the short first screen, then adds the details in the guided form, "unknown" where not known', async () => {
    await main().getByRole('radiogroup', { name: 'どんなことが起きましたか' }).getByLabel('ランサムウェア', { exact: true }).check();
    await main().getByLabel('起きたことを自分の言葉で').fill('朝、経理のパソコンのファイルが開けなくなり、画面に身代金を要求するメッセージが出ました。');
    await main().getByRole('radiogroup', { name: '今すぐ助けが必要ですか' }).getByLabel('はい、電話やオンラインで').check();
    // The connection drops while typing: the form says the draft is not saved and keeps what was typed; once the
    // connection is back it saves by itself.
    await page.context().setOffline(true);
    await main().getByLabel('どんな助けが必要ですか（任意）').fill('復旧の手順を相談したい');
    expect(await seen(main().getByRole('alert'))).toContain('下書きをサーバーに保存できませんでした');
    expect(await main().getByLabel('どんな助けが必要ですか（任意）').inputValue()).toBe('復旧の手順を相談したい');
    await page.context().setOffline(false);
    await seen(main().getByRole('status').filter({ hasText: '下書きを保存しました' }));
    await main().getByRole('button', { name: '送信する' }).click();
    await seen(page.getByRole('heading', { name: '報告を受け付けました', level: 1 }));
    // Everything else is optional and added later, in the guided form.
    await main().getByRole('link', { name: '日時や影響などを追記する（任意）' }).click();
    await seen(page.getByRole('heading', { name: '報告を追記・訂正する', level: 1 }));
    expect(await main().getByRole('group', { name: '種類' }).getByLabel('ランサムウェア（ファイルが暗号化された、身代金の要求）').isChecked()).toBe(true);
    const noticed = main().getByRole('group', { name: '気づいた日' });
    expect(await noticed.getByLabel('わからない').isChecked()).toBe(true);
    await noticed.getByLabel('わからない').uncheck();
    await noticed.getByLabel('気づいた日').fill(yesterday);
    await main().getByRole('group', { name: 'どうやって気づきましたか' }).getByLabel('自社の社員').check();
    await main().getByRole('group', { name: 'システムや業務が使えない（可用性）' }).getByLabel('大きい').check();
    await main().getByRole('group', { name: /個人情報（お客様/ }).getByLabel('はい').check();
    await main().getByRole('group', { name: /不正アクセスなど/ }).getByLabel('はい').check();
    await main().getByRole('group', { name: '身代金（金銭）を要求されましたか' }).getByLabel('はい').check();
    expect(await main().getByRole('group', { name: '支援が必要ですか' }).getByLabel('はい').isChecked()).toBe(true);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshots(page, 'report-form', 'phone');
    await main().getByRole('button', { name: '追記・訂正を送る' }).click();
    await seen(page.getByRole('heading', { name: /ランサムウェア.*提出済み/, level: 1 }));
    reportUrl = new URL(page.url()).pathname;
    expect(reportUrl).toMatch(/^\/reports\/[0-9a-f-]{36}$/);
  });

  step('the report shows the PPC deadlines with countdowns (unauthorised access: final in 60 days)', async () => {
    const deadlines = page.getByRole('region', { name: '報告期限' });
    expect(await seen(deadlines.getByText('速報（個人情報保護委員会）'))).toBeTruthy();
    expect(await deadlines.textContent()).toContain('確報（個人情報保護委員会）');
    expect(await deadlines.textContent()).toMatch(/あと \d+ 日/);
  });

  step('attaches the suspicious e-mail; hashes and the clues in its headers appear', async () => {
    const attachments = page.getByRole('region', { name: '添付ファイル' });
    await attachments.getByLabel('ファイル', { exact: true }).setInputFiles(emlPath);
    await attachments.getByRole('button', { name: '添付する' }).click();
    expect(await seen(attachments.getByRole('status'))).toContain('添付しました: 不審なメール.eml');
    await attachments.getByText(/メールから見つかった手がかり/).click();
    expect(await seen(attachments.getByText('203.0.113.45'))).toBeTruthy();
    expect(await attachments.textContent()).toContain('billing@evil-mailer.example');
    expect(await attachments.textContent()).toMatch(/SHA-256 [0-9a-f]{64}/);
    expect(await attachments.getByRole('link', { name: '不審なメール.eml' }).getAttribute('href')).toMatch(/^\/api\/reports\/.+\/attachments\/.+/);
    await screenshots(page, 'report-member');
    await page.getByRole('button', { name: 'メニュー' }).click(); // on a phone, sign-out sits in the menu
    await signOut(page);
  });

  step('the coordinator finds it in the triage queue with the first-response timer running', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, coordinator);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '受付キュー' }).click();
    await seen(page.getByRole('heading', { name: '受付キュー', level: 1 }));
    const row = main().getByRole('row', { name: /小さな製作所/ });
    expect(await seen(row)).toMatch(/残り \d+ 時間/);
    await row.getByRole('link', { name: 'ランサムウェア' }).click();
    await page.waitForURL((url) => url.pathname === reportUrl);
  });

  step('triages, comments for the reporter, and adds an internal note', async () => {
    const panel = page.getByRole('region', { name: '対応（コーディネーター）' });
    await panel.getByLabel('状態を変更').selectOption({ label: '確認中' });
    await panel.getByRole('button', { name: '変更する' }).click();
    await seen(page.getByRole('heading', { name: /確認中/, level: 1 }));
    const timeline = page.getByRole('region', { name: '経過' });
    await timeline.getByLabel('コメント', { exact: true }).fill(VISIBLE);
    await timeline.getByRole('button', { name: 'コメントを送る' }).click();
    await seen(savedItem(timeline, VISIBLE));
    await timeline.getByLabel('コメント', { exact: true }).fill(INTERNAL);
    await timeline.getByLabel('内部メモにする（コーディネーターだけが見られます）').check();
    await timeline.getByRole('button', { name: 'コメントを送る' }).click();
    expect(await seen(savedItem(timeline, INTERNAL))).toContain('内部メモ（報告組織には見えません）');
    await screenshots(page, 'report-case');
    await signOut(page);
  });

  step('the member sees the visible comment and the new state, never the internal note', async () => {
    await signIn(page, member);
    await seen(page.getByRole('heading', { name: /ようこそ/ }));
    await page.goto(reportUrl);
    const timeline = page.getByRole('region', { name: '経過' });
    await seen(savedItem(timeline, VISIBLE));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('確認中');
    expect(await page.content()).not.toContain('LockBit');
    const api = await page.evaluate<string>(`fetch(${JSON.stringify(`/api${reportUrl}`)}).then((r) => r.text())`);
    expect(api).toContain(VISIBLE);
    expect(api).not.toContain('LockBit');
  });
});
