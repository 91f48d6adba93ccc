// Correlation and sightings in the UI: a member opens an indicator, sees the object that shares its value
// and "fewer than k" organisations, reports "we saw this too"; a coordinator looks up a defanged value and
// sees the campaign candidate.
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { systemContext } from '../../src/auth/actor.js';
import { drainIndex } from '../../src/modules/correlation/indexer.service.js';
import { addObjects } from '../../src/modules/taxii/store.service.js';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { collectionIds, indicator } from '../helpers/taxii.js';
import { describeBrowser, DESKTOP, journey, newPage, PHONE, screenshots, seen, signIn, signOut, useE2E } from './helpers.js';

const FIRST = { ...indicator({ tlp: 'green', name: '不正ログイン元の IP アドレス' }), pattern: "[ipv4-addr:value = '203.0.113.77']" };
const SECOND = { ...indicator({ tlp: 'green', name: 'フィッシングサイトのサーバー' }), pattern: "[ipv4-addr:value = '203.0.113.77'] AND [domain-name:value = 'login-check.example']" };

describeBrowser('e2e: correlation and sightings in the UI', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let member: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    const orgId = await createOrg(e2e, { nameJa: '安心工業', nameEn: 'Anshin Kogyo' });
    member = await createUser(e2e, { email: 'staff@kogyo.example.jp', orgs: [{ orgId, role: 'member' }] });
    coordinator = await createUser(e2e, { email: 'desk@isac.example.jp', roles: ['coordinator'] });
    const { community } = await collectionIds(e2e);
    await addObjects(e2e.db, { request: systemContext('ja'), defaultTlp: 'amber' }, community, [FIRST, SECOND]);
    await drainIndex(e2e.db); // the server's background indexer is started by `anshin serve`, not here
    page = await newPage(e2e);
  });

  const card = () => page.getByRole('region', { name: '照合と目撃情報' });

  step('a member sees on the indicator the object sharing its value and "fewer than 5 organisations"', async () => {
    await signIn(page, member);
    await seen(page.getByRole('navigation', { name: 'メインメニュー' }));
    await page.goto(`/intel/objects/${FIRST.id}`);
    await seen(page.getByRole('heading', { name: FIRST.name, level: 1 }));
    // The card loads after the page's heading: the related object's link proves its data is in.
    await seen(card().getByRole('link', { name: SECOND.name }));
    expect(await card().textContent()).toContain('5 組織未満');
    expect(await card().textContent()).toContain('203.0.113.77');
    expect(await card().textContent()).toContain('信頼度');
  });

  step('"we saw this too" with a count is recorded and shown as the organisation\'s own report', async () => {
    await card().getByLabel('確認した回数（任意）').fill('2');
    await card().getByRole('button', { name: '自組織でも確認した' }).click();
    expect(await seen(card().getByRole('status'))).toContain('報告しました');
    await seen(card().getByText('自組織の報告: 2 回'));
    expect(await card().textContent()).toContain('5 組織未満');
    await seen(card().getByRole('button', { name: '自組織の報告を更新' }));
    await screenshots(page, '40-correlation-object');
    await page.setViewportSize(PHONE);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    await page.setViewportSize(DESKTOP);
    await signOut(page);
  });

  step('a coordinator looks up a defanged value and sees the campaign candidate', async () => {
    await signIn(page, coordinator);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '照合' }).click();
    await seen(page.getByRole('heading', { name: '照合', level: 1 }));
    const lookup = page.getByRole('region', { name: '値を照合する' });
    await lookup.getByLabel('IP アドレス、ドメイン、URL、メールアドレス、ハッシュ').fill('203[.]0[.]113[.]77');
    await lookup.getByRole('button', { name: '検索' }).click();
    expect(await seen(lookup.getByText('正規化した値'))).toContain('203.0.113.77');
    expect(await lookup.getByRole('link').count()).toBe(2);
    const campaigns = page.getByRole('region', { name: 'キャンペーン候補' });
    expect(await seen(campaigns.getByRole('heading', { level: 3 }))).toContain('2 件の情報');
    expect(await campaigns.getByRole('link', { name: FIRST.name }).count()).toBe(1);
    await seen(page.getByRole('region', { name: '照合しすぎている値' }).getByText('該当する値はありません。'));
    await screenshots(page, '41-correlation-page');
  });
});
