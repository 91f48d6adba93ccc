// Journey (issue 4): a small company reports ransomware in Japanese with a name, a phone number and an
// internal host in the text → the coordinator reviews the redactions and publishes TLP:GREEN to the
// community (RED is refused) → another member is notified, opens the indicator and confirms a
// sighting → a third member's TAXII client receives the indicator. The victim's name and people
// appear nowhere outside the victim and the coordinators.
// Issue 18: the report holds a chat transcript and a log excerpt, whose speakers, user, host and address are proposed;
// the publish page says what to do with a report not yet in triage; decisions show in the
// highlighted text at once and kept items stay marked; indicators are marked too; the summary draft
// follows the decisions; a leak is named by its field; the organisation's remembered redactions.
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { systemContext } from '../../src/auth/actor.js';
import { issueToken } from '../../src/auth/account.service.js';
import { drainIndex } from '../../src/modules/correlation/indexer.service.js';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { collectionIds, TAXII } from '../helpers/taxii.js';
import { auditPage } from './a11y.js';
import { answered, describeBrowser, journey, newPage, savedItem, screenshots, seen, signIn, signOut, useE2E } from './helpers.js';

const VICTIM = { nameJa: '株式会社みどり精工', nameEn: 'Midori Seiko', alias: 'みどり精工', domain: 'midori-seiko.example.jp' };
// As a member pastes it: prose, a chat transcript (the speakers are people) and a Windows log excerpt (a user, a host,
// an internal address, the profile folder).
const TEXT = `${VICTIM.nameJa}の田中さん（電話 03-1234-5678）が、経理のパソコン pc-keiri01.${VICTIM.domain} のファイルが暗号化されているのを見つけました。画面には LockBit の身代金要求が表示され、通信先は 203.0.113.77 でした。

社内チャット（抜粋）:
[09:12] 田中: 経理のPCの画面が変です、ファイルが開けません
[09:14] 佐々木 浩二: すぐにLANケーブルを抜いて、電源は切らずにそのままにしてください
[09:15] 田中: 抜きました

ログ（抜粋）:
2025-11-04 09:10:22 EventID=4624 TargetUserName=tanaka.k WorkstationName=PC-KEIRI01 IpAddress=10.20.3.15 LogonType=10
2025-11-04 09:11:05 EventID=4688 NewProcessName=C:\\Users\\tanaka.k\\AppData\\Local\\Temp\\lb3.exe`;
const SECRETS = [VICTIM.nameJa, VICTIM.nameEn, VICTIM.alias, VICTIM.domain, '田中', '03-1234-5678', 'pc-keiri01', '佐々木', '浩二', 'tanaka.k', 'PC-KEIRI01', '10.20.3.15'];
const TITLE = '製造業でのランサムウェア被害（LockBit）';
const PHONE = '03-1234-5678';
const MISSED = '経理'; // a department the detector does not propose; the coordinator adds it

describeBrowser('e2e: report, redact, publish, sight, receive over TAXII', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let reporter: TestUser;
  let coordinator: TestUser;
  let reader: TestUser;
  let taxiiAuth = '';
  let reportUrl = '';
  let victimOrg = '';
  const leaked = (text: string) => SECRETS.filter((s) => text.includes(s));

  beforeAll(async () => {
    victimOrg = await createOrg(e2e, { nameJa: VICTIM.nameJa, nameEn: VICTIM.nameEn });
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
    await seen(page.getByRole('heading', { name: '被害・異常を報告する', level: 1 }));
    await page.getByRole('radiogroup', { name: 'どんなことが起きましたか' }).getByLabel('ランサムウェア', { exact: true }).check();
    await page.getByLabel('起きたことを自分の言葉で').fill(TEXT);
    await page.getByRole('radiogroup', { name: '今すぐ助けが必要ですか' }).getByLabel('いいえ、報告だけ').check();
    await page.getByRole('button', { name: '送信する' }).click();
    await seen(page.getByRole('heading', { name: '報告を受け付けました', level: 1 }));
    await page.getByRole('link', { name: '報告を見る' }).click();
    await seen(page.getByRole('heading', { name: /ランサムウェア.*提出済み/, level: 1 }));
    reportUrl = new URL(page.url()).pathname;
    await signOut(page);
  });

  step('the publish page of a submitted report says in words to take it into triage first, and links to the report', async () => {
    await signIn(page, coordinator);
    await seen(page.getByRole('navigation', { name: 'メインメニュー' }));
    await page.goto(`${reportUrl}/publish`);
    const notice = page.locator('#report-state');
    expect(await seen(notice)).toContain('公開する前に、報告のページで状態を「確認中」に変更してください');
    expect(await seen(page.getByText('報告の状態を「確認中」または「対応中」にすると、注意喚起を作成できます。'))).not.toContain('submitted');
    expect(await page.getByRole('region', { name: '2. 注意喚起（アドバイザリ）の作成' }).count()).toBe(0);
    await screenshots(page, 'publication-submitted');
    await notice.getByRole('link', { name: '報告のページを開いて状態を変更する' }).click();
    await seen(page.getByRole('heading', { name: /提出済み/, level: 1 }));
  });

  step('the coordinator triages it and opens the redaction review: name, phone, host and victim are proposed', async () => {
    const panel = page.getByRole('region', { name: '対応（コーディネーター）' });
    await panel.getByLabel('状態を変更').selectOption({ label: '確認中' });
    await panel.getByRole('button', { name: '変更する' }).click();
    await seen(page.getByRole('heading', { name: /確認中/, level: 1 }));
    await page.getByRole('link', { name: '墨消しを確認して公開する' }).click();
    const review = page.getByRole('region', { name: '1. 墨消しの確認' });
    await seen(review.getByRole('table'));
    const rows = await review.getByRole('table').textContent();
    for (const s of ['田中', PHONE, `pc-keiri01.${VICTIM.domain}`, VICTIM.nameJa, '佐々木 浩二', 'tanaka.k', 'PC-KEIRI01', '10.20.3.15']) expect(rows).toContain(s);
    expect(rows).not.toContain('203.0.113.77'); // an indicator: kept, never proposed
    expect(await page.locator('#report-state').count(), 'no state notice for a report in triage').toBe(0);
    await screenshots(page, 'publication-review');
  });

  step('the highlighted text marks indicators, and a decision shows in it at once, before saving', async () => {
    const review = page.getByRole('region', { name: '1. 墨消しの確認' });
    const text = review.getByRole('region', { name: '墨消し箇所を強調した本文' });
    expect(await seen(text.locator('mark', { hasText: '203.0.113.77' }))).toContain('[指標・IP アドレス]');
    expect(await text.locator('mark', { hasText: PHONE }).textContent()).toContain('[電話番号・未確認]');
    await review.getByRole('row').filter({ hasText: PHONE }).getByLabel('残す').check();
    expect(await seen(text.locator('mark', { hasText: '電話番号・残す（未保存）' }))).toContain(PHONE);
    expect(await seen(review.getByText(/未保存の判断: 1 件/))).toContain('判断を保存');
    await auditPage(page, 'publication-review-decisions');
  });

  step('a missed value is added, remembered for the organisation by default', async () => {
    const review = page.getByRole('region', { name: '1. 墨消しの確認' });
    const at = TEXT.indexOf(MISSED);
    await review.getByLabel('本文（墨消ししたい部分を選択してください）').focus();
    await page.evaluate(`document.getElementById('redaction-source').setSelectionRange(${at}, ${at + MISSED.length - 1})`);
    await page.keyboard.press('Shift+ArrowRight'); // the keyboard way to extend a selection
    await seen(review.getByText(`選択中: 「${MISSED}」`));
    await review.getByLabel('種類', { exact: true }).selectOption({ label: 'アカウント・各種番号' });
    const remember = review.getByLabel('この組織の今後の報告でも自動で伏せる');
    expect(await remember.isChecked(), 'remembering is the default').toBe(true);
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/redactions'));
    await review.getByRole('button', { name: '選択部分を墨消しに追加' }).click();
    expect((await sent).postDataJSON()).toMatchObject({ additions: [{ start: at, end: at + MISSED.length, label: 'ACCOUNT', remember: true }] });
    expect(await seen(review.getByRole('status').filter({ hasText: '伏せ字の記憶' }))).toContain(`「${MISSED}」を墨消しに追加し`);
    const text = review.getByRole('region', { name: '墨消し箇所を強調した本文' });
    const marks = await text.locator('mark', { hasText: MISSED }).all();
    expect(marks.length, 'every occurrence of a remembered value is redacted').toBe(2);
    for (const mark of marks) expect(await mark.textContent()).toContain('[アカウント・各種番号・墨消し]');
    expect(await text.locator('mark', { hasText: PHONE }).textContent(), 'the unsaved decision is still there').toContain('残す（未保存）');
  });

  step('accepts the rest; after saving, the kept phone number stays marked as kept', async () => {
    const review = page.getByRole('region', { name: '1. 墨消しの確認' });
    await review.getByRole('button', { name: '未確認をすべて墨消しする' }).click();
    await review.getByRole('button', { name: '判断を保存' }).click();
    expect(await seen(review.getByRole('status').filter({ hasText: '判断を保存しました' }))).toContain('台帳');
    expect(await review.getByRole('status').first().textContent()).toContain('すべての候補を確認しました');
    const text = review.getByRole('region', { name: '墨消し箇所を強調した本文' });
    const phone = await text.locator('mark', { hasText: PHONE }).textContent();
    expect(phone).toContain('[電話番号・残す]');
    expect(phone).not.toContain('未保存');
    for (const mark of await text.locator('mark', { hasText: '田中' }).all()) expect(await mark.textContent()).toContain('[人名・墨消し]');
    expect(await text.locator('mark', { hasText: '佐々木 浩二' }).textContent(), 'a chat speaker').toContain('[人名・墨消し]');
    expect(await text.locator('mark', { hasText: '10.20.3.15' }).textContent(), 'from the log excerpt').toContain('墨消し]');
    await screenshots(page, 'publication-review-saved');
  });

  step('the summary draft follows a changed decision', async () => {
    const review = page.getByRole('region', { name: '1. 墨消しの確認' });
    const form = page.getByRole('region', { name: '2. 注意喚起（アドバイザリ）の作成' });
    await seen(form.getByLabel('概要（日本語）'));
    expect(await form.getByLabel('概要（日本語）').inputValue(), 'the kept number is in the draft').toContain(PHONE);
    await review.getByRole('row').filter({ hasText: PHONE }).getByLabel('墨消しする').check();
    expect(await seen(review.getByRole('region', { name: '墨消し箇所を強調した本文' }).locator('mark', { hasText: PHONE }))).toContain('[電話番号・墨消し（未保存）]');
    await review.getByRole('button', { name: '判断を保存' }).click();
    expect(await seen(form.getByRole('status').filter({ hasText: '作り直しました' }))).toContain('最新の判断');
    expect(await form.getByLabel('概要（日本語）').inputValue()).not.toContain(PHONE);
  });

  step('composes the advisory from the redacted text; RED is refused, and a leak is named by its field in Japanese', async () => {
    const form = page.getByRole('region', { name: '2. 注意喚起（アドバイザリ）の作成' });
    const summary = form.getByLabel('概要（日本語）');
    const drafted = await summary.inputValue();
    expect(drafted).toContain('[PERSON-1]');
    expect(leaked(drafted)).toEqual([]);
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
    await summary.fill(`${VICTIM.nameJa}でランサムウェアの被害がありました。`);
    await form.getByRole('button', { name: '公開する' }).click();
    const leak = await seen(form.getByRole('alert').filter({ hasText: '伏せるべき情報' }));
    expect(leak).toContain('被害組織名');
    expect(leak).toContain('次の欄を直してから公開してください: 概要（日本語）');
    expect(leak).not.toMatch(/\[0\]|description/);
    expect(await summary.getAttribute('aria-invalid')).toBe('true');
    await screenshots(page, 'publication-leak');
    await summary.fill(drafted);
    await screenshots(page, 'publication-compose');
    await answered(page, 'POST', /\/advisory$/, () => form.getByRole('button', { name: '公開する' }).click());
    expect(await seen(form.getByRole('status').filter({ hasText: '公開しました' }))).toMatch(/6 組織に通知しました/);
    await drainIndex(e2e.db); // the server's background indexer runs under `anshin serve`, not here
    await signOut(page);
  });

  step('another member is notified and reads the advisory in plain words; one action confirms every indicator; nothing names the victim', async () => {
    await signIn(page, reader);
    const notes = page.getByRole('region', { name: 'あなたの組織宛ての新しいアドバイザリ' });
    await notes.getByRole('link', { name: TITLE }).click();
    await seen(page.getByRole('heading', { name: TITLE, level: 1 }));
    const main = page.locator('main');
    await seen(main.getByRole('region', { name: '今すぐやること' }));
    const items = main.getByRole('region', { name: '確認すべき項目（攻撃に使われたアドレスなど）' });
    expect(await seen(items.getByRole('listitem').filter({ hasText: '203.0.113.77' }))).toContain('IP アドレス');
    expect(await main.innerText()).not.toMatch(/indicator--|course-of-action--|spec_version/); // no raw STIX for members
    await items.getByRole('button', { name: 'すべて自組織でも確認した' }).click();
    await seen(items.getByText('自組織で確認済み').first());
    expect(await items.getByRole('button', { name: /^自組織でも確認した（/ }).count()).toBe(0);
    expect(leaked(await main.innerText())).toEqual([]);
    await auditPage(page, 'advisory-reader');
    // A technical word is explained in place: its link opens the glossary at that entry.
    await main.getByRole('link', { name: '「TLP（共有の範囲）」とは?' }).click();
    await seen(page.getByRole('heading', { name: '用語の説明', level: 1 }));
    await expect.poll(() => page.evaluate<string>('document.activeElement && document.activeElement.id')).toBe('tlp');
    await page.goBack();
    await seen(page.getByRole('heading', { name: TITLE, level: 1 }));
    // The STIX view stays one link away for analysts.
    await main.getByRole('link', { name: '技術的な詳細（STIX 形式、分析担当者向け）' }).click();
    await seen(page.getByRole('heading', { name: TITLE, level: 1 }));
    expect(page.url()).toContain('/intel/objects/report--');
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

  step('the organisation\'s remembered redactions list the value added in the review; the coordinator adds one, then deletes it after confirming', async () => {
    await signIn(page, coordinator);
    await seen(page.getByRole('navigation', { name: 'メインメニュー' }));
    await page.goto(`/orgs/${victimOrg}`);
    const section = page.getByRole('region', { name: '伏せ字の記憶' });
    expect(await seen(savedItem(section.getByRole('list'), MISSED)), 'remembered from the review').toContain('アカウント・各種番号');
    await section.getByLabel('伏せる値（2 文字以上）').fill('みどり丸');
    await section.getByLabel('種類').selectOption({ label: '被害組織名' });
    await section.getByRole('button', { name: '記憶に追加' }).click();
    const item = savedItem(section.getByRole('list'), 'みどり丸');
    expect(await seen(item)).toContain('被害組織名');
    expect(await item.textContent()).toMatch(/登録した人: .+ \/ 登録日時: /);
    await auditPage(page, 'organisation-remembered-redactions');
    await item.getByRole('button', { name: '「みどり丸」を削除' }).click();
    await section.getByRole('button', { name: '削除する（確定）' }).click();
    expect(await seen(section.getByRole('status').filter({ hasText: '記憶から削除しました' }))).toContain('みどり丸');
    expect(await savedItem(section.getByRole('list'), 'みどり丸').count()).toBe(0);
  });
});
