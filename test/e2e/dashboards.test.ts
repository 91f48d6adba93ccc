// Dashboards in the browser: a member's home shows its open report; a coordinator opens the community
// picture, switches a chart to its data table and downloads the CSV; the public page is readable with
// JavaScript turned off.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { systemContext } from '../../src/auth/actor.js';
import { addObjects } from '../../src/modules/taxii/store.service.js';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { addReport } from '../helpers/reports.js';
import { collectionIds, TLP } from '../helpers/taxii.js';
import { describeBrowser, journey, newPage, PHONE, screenshots, seen, signIn, signOut, useE2E } from './helpers.js';

const ADVISORY = {
  type: 'report', spec_version: '2.1', id: `report--${randomUUID()}`, created: '2026-11-20T00:00:00.000Z', modified: '2026-11-20T00:00:00.000Z',
  name: '公開の注意喚起: 偽の宅配通知メール', description: '宅配業者を装ったフィッシングメールが増えています。', published: '2026-11-20T00:00:00.000Z',
  report_types: ['threat-report'], object_refs: [`indicator--${randomUUID()}`], object_marking_refs: [TLP.clear],
};

describeBrowser('e2e: dashboards, the community picture and the public page', () => {
  const e2e = useE2E({ ANONYMITY_K: '2', PUBLIC_PAGE: 'true' });
  let page: Page;
  const step = journey(() => page);
  let member: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    const orgA = await createOrg(e2e, { nameJa: '安心工業', nameEn: 'Anshin Kogyo' });
    const orgB = await createOrg(e2e, { nameJa: '北斗商事', nameEn: 'Hokuto Trading' });
    member = await createUser(e2e, { email: 'staff@kogyo.example.jp', orgs: [{ orgId: orgA, role: 'member' }] });
    coordinator = await createUser(e2e, { email: 'desk@isac.example.jp', roles: ['coordinator'] });
    const orgC = await createOrg(e2e, { nameJa: 'みなと病院', nameEn: 'Minato Hospital' });
    const orgD = await createOrg(e2e, { nameJa: 'さくら市', nameEn: 'Sakura City' });
    await addReport(e2e, orgA, { category: 'ransomware' });
    await addReport(e2e, orgB, { category: 'ransomware' });
    await addReport(e2e, orgB, { category: 'ransomware' });
    await addReport(e2e, orgC, { category: 'phishing' });
    await addReport(e2e, orgD, { category: 'phishing' });
    await addReport(e2e, orgD, { category: 'dos' }); // one organisation: merged into other, never shown alone
    const { public: publicCollection } = await collectionIds(e2e);
    await addObjects(e2e.db, { request: systemContext('ja'), defaultTlp: 'amber' }, publicCollection, [ADVISORY]);
    page = await newPage(e2e);
  });

  step('a member\'s home shows the organisation\'s open report', async () => {
    await signIn(page, member);
    const open = page.getByRole('region', { name: '対応中の報告' });
    await seen(open.getByRole('link', { name: 'ランサムウェア', exact: true }));
    expect(await open.getByRole('listitem').count()).toBe(1);
    await seen(page.getByRole('region', { name: 'あなたの組織宛ての新しいアドバイザリ' }));
    await screenshots(page, '70-home-member-dashboard');
    await signOut(page);
  });

  step('a coordinator sees the community picture, shows a chart as a table and downloads its CSV', async () => {
    await signIn(page, coordinator);
    await seen(page.getByRole('region', { name: 'トリアージ待ち' }));
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'コミュニティの状況' }).click();
    await seen(page.getByRole('heading', { name: 'コミュニティの状況', level: 1 }));
    const figure = page.getByRole('figure', { name: 'インシデント報告（月別・種類別）' });
    const chart = figure.getByRole('img');
    expect(await chart.getAttribute('aria-label')).toContain('最も多いのは ランサムウェア（3 件）');
    await figure.getByRole('button', { name: '表で表示' }).click();
    const table = figure.getByRole('table', { name: 'インシデント報告（月別・種類別）' });
    await seen(table);
    const month = new Date().toISOString().slice(0, 7);
    const row = table.getByRole('row', { name: new RegExp(month) });
    // k = 2: ransomware (3) and phishing (2) come from two organisations each; dos (one) joins other with phishing.
    const cells = await row.getByRole('cell').allTextContents();
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['月', 'ランサムウェア', 'その他', '合計']);
    expect(cells).toEqual(['3', '3', '6']);
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'CSV をダウンロード' }).click()]);
    expect(download.suggestedFilename()).toBe('incidents-by-category.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF月,')).toBe(true);
    expect(csv).toContain(`${month},`);
    await screenshots(page, '71-community-picture');
    await figure.getByRole('button', { name: 'グラフで表示' }).click();
    await seen(figure.getByRole('img'));
    expect(await figure.getByRole('table').count()).toBe(0);
    await signOut(page);
  });

  step('a visitor at / is offered the public pages beside sign-in, and reaches the public page', async () => {
    await page.goto('/');
    await seen(page.getByRole('heading', { name: 'ログイン', level: 1 }));
    const open = page.getByRole('navigation', { name: '公開ページ' });
    await open.getByRole('link', { name: 'コミュニティの状況' }).click();
    await seen(page.getByRole('heading', { name: 'コミュニティの状況', level: 1 }));
    expect(new URL(page.url()).pathname).toBe('/public');
  });

  step('the public page is readable without JavaScript, in Japanese and in English', async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false, baseURL: e2e.baseUrl, viewport: PHONE, locale: 'ja-JP' });
    const plain = await context.newPage();
    await plain.goto('/public');
    await seen(plain.getByRole('heading', { name: 'コミュニティの状況', level: 1 }));
    await seen(plain.getByRole('heading', { name: ADVISORY.name }));
    expect(await plain.getByRole('link', { name: '相談・通報先' }).getAttribute('href')).toBe('/public/directory');
    expect(await plain.locator('html').getAttribute('lang')).toBe('ja');
    await screenshots(plain, '72-public-page', 'phone');
    await plain.getByRole('link', { name: 'English' }).click();
    expect(await plain.locator('html').getAttribute('lang')).toBe('en');
    await seen(plain.getByRole('heading', { name: 'The community picture', level: 1 }));
    await context.close();
  });
});
