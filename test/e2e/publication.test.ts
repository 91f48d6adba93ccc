// Journey (issue 4): a small company reports ransomware in Japanese with a name, a phone number and an
// internal host in the text → the coordinator reviews the redactions and publishes TLP:GREEN to the
// community (RED is refused) → another member is notified, opens the indicator and confirms a
// sighting → a third member's TAXII client receives the indicator. The victim's name and people
// appear nowhere outside the victim and the coordinators.
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { systemContext } from '../../src/auth/actor.js';
import { issueToken } from '../../src/auth/account.service.js';
import { drainIndex } from '../../src/modules/correlation/indexer.service.js';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { collectionIds, TAXII } from '../helpers/taxii.js';
import { describeBrowser, journey, newPage, screenshots, seen, signIn, signOut, useE2E } from './helpers.js';

const VICTIM = { nameJa: '株式会社みどり精工', nameEn: 'Midori Seiko', alias: 'みどり精工', domain: 'midori-seiko.example.jp' };
const TEXT = `${VICTIM.nameJa}の田中さん（電話 03-1234-5678）が、経理のパソコン pc-keiri01.${VICTIM.domain} のファイルが暗号化されているのを見つけました。画面には LockBit の身代金要求が表示され、通信先は 203.0.113.77 でした。`;
const SECRETS = [VICTIM.nameJa, VICTIM.nameEn, VICTIM.alias, VICTIM.domain, '田中', '03-1234-5678', 'pc-keiri01'];
const TITLE = '製造業でのランサムウェア被害（LockBit）';

describeBrowser('e2e: report, redact, publish, sight, receive over TAXII', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let reporter: TestUser;
  let coordinator: TestUser;
  let reader: TestUser;
  let taxiiAuth = '';
  let reportUrl = '';
  const leaked = (text: string) => SECRETS.filter((s) => text.includes(s));

  beforeAll(async () => {
    const victimOrg = await createOrg(e2e, { nameJa: VICTIM.nameJa, nameEn: VICTIM.nameEn });
    await e2e.db.updateTable('organisations').set({ aliases: JSON.stringify([VICTIM.alias]) }).where('id', '=', victimOrg).execute();
    await e2e.db.insertInto('org_domains').values({ org_id: victimOrg, domain: VICTIM.domain }).execute();
    const readerOrg = await createOrg(e2e, { nameJa: '北浜市役所', nameEn: 'Kitahama City' });
    const clientOrg = await createOrg(e2e, { nameJa: 'さくら総合病院', nameEn: 'Sakura Hospital' });
    for (let i = 0; i < 3; i++) await createOrg(e2e);
    reporter = await createUser(e2e, { email: 'staff@midori-seiko.example.jp', orgs: [{ orgId: victimOrg, role: 'member' }] });
    coordinator = await createUser(e2e, { email: 'desk@isac.example.jp', roles: ['coordinator'] });
    reader = await createUser(e2e, { email: 'soc@city.kitahama.example.jp', orgs: [{ orgId: readerOrg, role: 'member' }] });
    const client = await createUser(e2e, { email: 'siem@sakura-hp.example.jp', orgs: [{ orgId: clientOrg, role: 'member' }] });
    const { token } = await issueToken(e2e.db, systemContext(), client.id, { name: 'SIEM', scopes: ['read'], expiresInDays: 1 });
    taxiiAuth = `Basic ${Buffer.from(`${client.email}:${token}`).toString('base64')}`;
    page = await newPage(e2e);
  });

  step('the member reports a ransomware incident in Japanese', async () => {
    await signIn(page, reporter);
    await seen(page.getByRole('navigation', { name: 'メインメニュー' }));
    await page.goto('/reports/new');
    await seen(page.getByRole('heading', { name: 'インシデントを報告する', level: 1 }));
    await page.getByLabel('起きたこと（自由記述）').fill(TEXT);
    await page.getByRole('group', { name: '種類' }).getByLabel('ランサムウェア（ファイルが暗号化された、身代金の要求）').check();
    await page.getByRole('button', { name: '提出する' }).click();
    await seen(page.getByRole('heading', { name: /ランサムウェア.*提出済み/, level: 1 }));
    reportUrl = new URL(page.url()).pathname;
    await signOut(page);
  });

  step('the coordinator triages it and opens the redaction review: name, phone, host and victim are proposed', async () => {
    await signIn(page, coordinator);
    await seen(page.getByRole('navigation', { name: 'メインメニュー' }));
    await page.goto(reportUrl);
    const panel = page.getByRole('region', { name: '対応（コーディネーター）' });
    await panel.getByLabel('状態を変更').selectOption({ label: '確認中' });
    await panel.getByRole('button', { name: '変更する' }).click();
    await seen(page.getByRole('heading', { name: /確認中/, level: 1 }));
    await page.getByRole('link', { name: '墨消しを確認して公開する' }).click();
    const review = page.getByRole('region', { name: '1. 墨消しの確認' });
    await seen(review.getByRole('table'));
    const rows = await review.getByRole('table').textContent();
    for (const s of ['田中', '03-1234-5678', `pc-keiri01.${VICTIM.domain}`, VICTIM.nameJa]) expect(rows).toContain(s);
    expect(rows).not.toContain('203.0.113.77'); // an indicator: kept, never proposed
    await screenshots(page, 'publication-review');
  });

  step('accepts every proposal; the decisions are saved', async () => {
    const review = page.getByRole('region', { name: '1. 墨消しの確認' });
    await review.getByRole('button', { name: '未確認をすべて墨消しする' }).click();
    await review.getByRole('button', { name: '判断を保存' }).click();
    expect(await seen(review.getByRole('status').filter({ hasText: '台帳' }))).toContain('保存しました');
    expect(await review.getByRole('status').first().textContent()).toContain('すべての候補を確認しました');
  });

  step('composes the advisory from the redacted text; RED is refused with a clear message', async () => {
    const form = page.getByRole('region', { name: '2. 注意喚起（アドバイザリ）の作成' });
    await seen(form.getByLabel('概要（日本語）'));
    expect(await form.getByLabel('概要（日本語）').inputValue()).toContain('[PERSON-1]');
    expect(leaked(await form.getByLabel('概要（日本語）').inputValue())).toEqual([]);
    await form.getByLabel('件名（日本語）').fill(TITLE);
    await form.getByLabel('件名（英語）').fill('Ransomware at a manufacturer (LockBit)');
    await form.getByLabel('概要（英語）').fill('A member manufacturer was hit by LockBit ransomware. Block 203.0.113.77.');
    expect(await form.getByLabel(/IPv4 アドレス: 203\.0\.113\.77/).isChecked()).toBe(true);
    expect(await form.getByText(/同じ組み合わせの会員組織: \d+（しきい値 5）/).count()).toBe(1);
    await form.getByLabel('TLP（共有範囲の制限）').selectOption('red');
    await form.getByRole('button', { name: '公開する' }).click();
    expect(await seen(form.getByRole('alert'))).toContain('TLP:RED');
    await form.getByLabel('TLP（共有範囲の制限）').selectOption('green');
    await form.getByLabel('公開先').selectOption('community');
    await screenshots(page, 'publication-compose');
    await form.getByRole('button', { name: '公開する' }).click();
    expect(await seen(form.getByRole('status').filter({ hasText: '公開しました' }))).toMatch(/6 組織に通知しました/);
    await drainIndex(e2e.db); // the server's background indexer runs under `anshin serve`, not here
    await signOut(page);
  });

  step('another member is notified, reads the advisory and confirms a sighting; nothing names the victim', async () => {
    await signIn(page, reader);
    const notes = page.getByRole('region', { name: 'あなたの組織宛ての新しいアドバイザリ' });
    await notes.getByRole('link', { name: TITLE }).click();
    await seen(page.getByRole('heading', { name: TITLE, level: 1 }));
    expect(leaked(await page.locator('main').innerText())).toEqual([]);
    await page.goto(`/intel?q=${encodeURIComponent('203.0.113.77')}`);
    await page.getByRole('link', { name: /ipv4-addr 203\.0\.113\.77/ }).first().click();
    const card = page.getByRole('region', { name: '照合と目撃情報' });
    await card.getByRole('button', { name: '自組織でも確認した' }).click();
    expect(await seen(card.getByRole('status'))).toContain('報告しました');
    expect(leaked(await page.locator('main').innerText())).toEqual([]);
    await screenshots(page, 'publication-reader');
    await signOut(page);
  });

  step('a third member\'s TAXII client receives the indicator, and nothing that names the victim', async () => {
    const { community } = await collectionIds(e2e);
    const res = await fetch(`${e2e.baseUrl}/taxii2/community/collections/${community}/objects/?match[type]=indicator,report`, { headers: { accept: TAXII, authorization: taxiiAuth } });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("[ipv4-addr:value = '203.0.113.77']");
    expect(body).toContain(TITLE);
    expect(leaked(body)).toEqual([]);
  });
});
