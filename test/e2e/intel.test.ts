// Journey 6: a coordinator imports a STIX bundle in the UI, searches it, opens an indicator and its
// relationship graph (drawn and as a table), follows the graph with the keyboard, and switches to English.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createUser, type TestUser } from '../helpers/app.js';
import { describeBrowser, journey, newPage, PHONE, screenshots, seen, signIn, useE2E } from './helpers.js';

const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const DESK = 'identity--7a1f3c52-9d2e-4b8a-8c61-2f0e5d4b3a19';
const at = '2026-10-01T09:00:00.000Z';
const common = { spec_version: '2.1', created: at, modified: at, created_by_ref: DESK, object_marking_refs: [GREEN] };
const INDICATOR = {
  ...common, type: 'indicator', id: 'indicator--0b7f6f3e-3c1a-4d8e-9a44-8f1c2b7d5e60', name: 'ランサムウェアの C2 サーバー',
  pattern: "[ipv4-addr:value = '203.0.113.66']", pattern_type: 'stix', valid_from: at, indicator_types: ['malicious-activity'], labels: ['ransomware'],
};
const MALWARE = { ...common, type: 'malware', id: 'malware--5d2c8b1a-7e4f-4a3b-9c6d-1e2f3a4b5c6d', name: 'LockBit 系ランサムウェア', is_family: true };
const BUNDLE = {
  type: 'bundle',
  id: 'bundle--3e9d7c1b-2a4f-4e6d-8b5c-9a1f2e3d4c5b',
  objects: [
    { type: 'identity', spec_version: '2.1', id: DESK, created: at, modified: at, name: 'Anshin ISAC 事務局', identity_class: 'organization', object_marking_refs: [GREEN] },
    INDICATOR,
    MALWARE,
    { ...common, type: 'relationship', id: 'relationship--9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f', relationship_type: 'indicates', source_ref: INDICATOR.id, target_ref: MALWARE.id },
    { ...common, type: 'sighting', id: 'sighting--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', sighting_of_ref: INDICATOR.id, count: 4 },
    // Invalid: an indicator needs a pattern. The import stores the others and says why not this one.
    { ...common, type: 'indicator', id: 'indicator--2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', name: 'パターンのない指標', pattern_type: 'stix', valid_from: at },
  ],
};

describeBrowser('e2e: threat intelligence in the UI', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let coordinator: TestUser;
  let dir = '';
  let bundlePath = '';

  beforeAll(async () => {
    coordinator = await createUser(e2e, { email: 'desk@isac.example.jp', roles: ['coordinator'] });
    dir = mkdtempSync(join(tmpdir(), 'anshin-intel-'));
    bundlePath = join(dir, 'weekly-bundle.json');
    writeFileSync(bundlePath, JSON.stringify(BUNDLE, null, 2));
    page = await newPage(e2e);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const main = () => page.locator('main');
  const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

  step('a signed-in coordinator finds 脅威情報 in the navigation and the collections with who reads them', async () => {
    await signIn(page, coordinator);
    await seen(page.getByRole('heading', { name: 'ようこそ、desk さん' }));
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '脅威情報' }).click();
    await seen(page.getByRole('heading', { name: '脅威情報', level: 1 }));
    await page.getByRole('navigation', { name: '脅威情報のページ' }).getByRole('link', { name: 'コレクション' }).click();
    await seen(page.getByRole('heading', { name: 'コレクション', level: 1 }));
    const community = main().getByRole('row', { name: /^コミュニティ/ });
    expect(await seen(community)).toContain('コミュニティ全体（全会員組織）');
    expect(await community.textContent()).toContain('0 件');
    expect(await main().getByRole('row', { name: /^公開/ }).textContent()).toContain('サインインした全員');
  });

  step('importing a bundle file stores the valid objects and lists the one that failed, with the reason', async () => {
    const form = page.getByRole('region', { name: 'STIX バンドルの取り込み' });
    await form.getByLabel('取り込み先のコレクション').selectOption({ label: 'コミュニティ' });
    await form.getByLabel('STIX バンドルファイル（.json）').setInputFiles(bundlePath);
    await form.getByRole('button', { name: '取り込む' }).click();
    const result = form.getByRole('status');
    expect(await seen(result.locator('.import-result'))).toContain('コミュニティへの取り込み: 6 件中 5 件を保存しました。保存できなかったもの: 1 件。');
    expect(await result.textContent()).toContain('indicator--2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f');
    expect(await result.textContent()).toMatch(/pattern/);
    await seen(main().getByRole('row', { name: /^コミュニティ/ }).getByRole('cell', { name: '5 件' }));
    const link = main().getByRole('link', { name: 'コミュニティ を STIX バンドルとしてエクスポート' });
    expect(await link.getAttribute('href')).toMatch(/^\/api\/intel\/collections\/[0-9a-f-]{36}\/export$/);
    await screenshots(page, '30-intel-collections-import');
  });

  step('searching by part of the value finds the indicator, with its TLP in words', async () => {
    await page.getByRole('navigation', { name: '脅威情報のページ' }).getByRole('link', { name: 'オブジェクト検索' }).click();
    const search = page.getByRole('search', { name: '脅威情報の検索' });
    await search.getByLabel('名前・値・パターン').fill('203.0.113');
    await search.getByLabel('種類').selectOption('indicator');
    await search.getByRole('button', { name: '検索' }).click();
    await page.waitForURL((url) => url.search.includes('q=203.0.113'));
    // The list shows only the results of the search it names (never the previous list while loading).
    const rows = main().getByRole('table').getByRole('row');
    await seen(rows.filter({ hasText: INDICATOR.name }));
    expect(await rows.count()).toBe(2);
    const row = rows.nth(1);
    expect(await row.textContent()).toContain('指標（インディケーター）');
    expect(await row.getByText('TLP:GREEN').isVisible()).toBe(true);
    expect(await row.textContent()).toContain('ransomware');
    await screenshots(page, '31-intel-search');
  });

  step('the indicator\'s page shows its properties, versions, and the graph with the same relationships as a table', async () => {
    await main().getByRole('link', { name: INDICATOR.name }).click();
    await seen(page.getByRole('heading', { name: INDICATOR.name, level: 1 }));
    const properties = page.getByRole('region', { name: 'プロパティ' });
    expect(await seen(properties)).toContain("[ipv4-addr:value = '203.0.113.66']");
    expect(await properties.getByRole('link', { name: DESK }).count()).toBe(1);
    const related = page.getByRole('region', { name: '関係' });
    await seen(related.locator('figure svg'));
    expect(await related.locator('figcaption').textContent()).toContain('関係図（2 件）');
    const table = related.getByRole('table', { name: '関係の一覧（関係図と同じ内容）' });
    const indicates = table.getByRole('row', { name: /indicates/ });
    expect(await indicates.getByRole('link', { name: `マルウェア: ${MALWARE.name}` }).count()).toBe(1);
    expect(await table.getByRole('row', { name: /sighting-of/ }).count()).toBe(1);
    expect(await page.getByRole('region', { name: '版' }).getByRole('row').count()).toBe(2);
    await page.getByText('JSON（STIX 形式の元データ）').click();
    expect(await seen(page.locator('details pre'))).toContain('"pattern_type": "stix"');
    await screenshots(page, '32-intel-object');
  });

  step('on a phone the object page fits the width', async () => {
    await page.setViewportSize(PHONE);
    expect(await overflow(), 'horizontal overflow on the object page').toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  step('a related object in the graph is reached with Tab and opened with Enter', async () => {
    const node = page.locator('figure svg a').filter({ hasText: 'LockBit' });
    await node.focus();
    const focused = await page.evaluate<string | null>('document.activeElement && document.activeElement.getAttribute("aria-label")');
    expect(focused).toBe(`マルウェア: ${MALWARE.name}`);
    await page.keyboard.press('Enter');
    await seen(page.getByRole('heading', { name: MALWARE.name, level: 1 }));
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/intel/objects/${MALWARE.id}`);
    await page.goBack();
    await seen(page.getByRole('heading', { name: INDICATOR.name, level: 1 }));
  });

  step('switching to English translates the section, TLP stays in words', async () => {
    await page.getByRole('group', { name: '表示言語' }).getByRole('button', { name: 'English' }).click();
    await seen(page.getByRole('region', { name: 'Relationships' }));
    expect(await page.getByRole('table', { name: 'Relationships (the same as in the graph)' }).getByRole('row', { name: /indicates/ }).count()).toBe(1);
    await seen(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Threat intel' }));
    expect(await main().getByText('TLP:GREEN').first().isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Properties' }).textContent()).toContain('Valid from');
    await screenshots(page, '33-intel-object-english');
    await page.getByRole('navigation', { name: 'Threat intelligence pages' }).getByRole('link', { name: 'Collections' }).click();
    expect(await seen(main().getByRole('row', { name: /^Community/ }))).toContain('The whole community (every member organisation)');
    await screenshots(page, '34-intel-collections-english');
  });
});
