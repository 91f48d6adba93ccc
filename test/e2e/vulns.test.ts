// Journey (issue 20): a member of a small company, on a phone, in Japanese, registers the office's VPN appliance
// (a FortiGate on FortiOS 7.2.6, reachable from the internet). The operator imports the bundled feed files (NVD, CISA
// KEV, EPSS, endoflife.date), as `anshin feeds import` does. The member's home shows the exploited vulnerability first;
// the notices page explains it in plain words; "ask for help with this" opens the report form filled in from the
// notice and sends it with help wanted; back on the notices page the member marks it patched and it leaves the open
// list. A coordinator sees the community's summary under k.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { createMailer } from '../../src/modules/mail/mail.service.js';
import { importFeedFileAsOperator } from '../../src/modules/vulns/feeds-import.service.js';
import { matchAllAsOperator } from '../../src/modules/vulns/matcher.service.js';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { auditPage } from './a11y.js';
import { answered, describeBrowser, journey, newPage, PHONE, savedItem, seen, signIn, useE2E } from './helpers.js';

const FEEDS = ['nvd-sample.json', 'kev-sample.json', 'epss-sample.csv.gz', 'fortios.json']
  .map((name) => fileURLToPath(new URL(`../../src/modules/vulns/testdata/${name}`, import.meta.url)));
const KEV_CVE = 'CVE-2024-21762'; // FortiOS 7.2.0 to before 7.2.7, in CISA's KEV sample

describeBrowser('e2e: a VPN appliance, a KEV notice, help from it, then patched', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let member: TestUser;
  let coordinator: TestUser;
  let orgId = '';
  const main = () => page.locator('main');
  const openList = () => main().getByRole('region', { name: /対応が必要なもの/ });
  const kevCard = () => openList().getByRole('article').filter({ hasText: KEV_CVE });

  beforeAll(async () => {
    orgId = await createOrg(e2e, { nameJa: '三河精機株式会社', nameEn: 'Mikawa Seiki' });
    await e2e.db.insertInto('org_domains').values({ org_id: orgId, domain: 'mikawa-seiki.example.jp' }).execute();
    member = await createUser(e2e, { email: 'jimu@mikawa-seiki.example.jp', orgs: [{ orgId, role: 'member' }] });
    coordinator = await createUser(e2e, { email: 'desk@isac.example.jp', roles: ['coordinator'] });
    page = await newPage(e2e, PHONE);
  });

  step('the member opens 機器・ソフトウェア from the menu and adds the VPN appliance; problems are shown at their fields', async () => {
    await signIn(page, member);
    await seen(page.getByRole('heading', { level: 1 }));
    await page.getByRole('button', { name: 'メニュー' }).click();
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '機器・ソフトウェア', exact: true }).click();
    await seen(page.getByRole('heading', { name: '機器・ソフトウェア', level: 1 }));
    await main().getByRole('button', { name: '機器・ソフトウェアを追加' }).click();
    const form = main().getByRole('form', { name: '機器・ソフトウェアを追加' });
    await seen(form);
    // Saving an empty form: the list of problems is announced and the first field with a problem has the focus.
    await form.getByRole('button', { name: '保存する' }).click();
    expect(await seen(form.getByRole('alert'))).toContain('メーカー・開発元を入力してください。');
    await expect.poll(() => page.evaluate<string>('document.activeElement?.getAttribute("type") ?? ""')).toBe('radio');
    expect(await form.getByLabel('メーカー・開発元').getAttribute('aria-invalid')).toBe('true');
    await auditPage(page, 'vulns-asset-form-errors');

    await form.getByRole('radiogroup', { name: '種類' }).getByLabel('VPN 装置・UTM・ファイアウォール').check();
    expect(await seen(form.getByText(/ファームウェア/).first())).toContain('FortiGate');
    await form.getByLabel('メーカー・開発元').fill('Fortinet');
    await form.getByLabel('製品名').fill('FortiOS');
    await form.getByLabel('バージョン').fill('7.2.6');
    await form.getByRole('radiogroup', { name: 'インターネットから直接つながりますか' }).getByLabel('はい（社外からつながる）').check();
    // An address outside the organisation's registrations is refused at its field, in Japanese.
    const address = form.getByLabel('インターネット上のアドレス（任意）');
    await address.fill('vpn.other.example.com');
    await form.getByLabel('担当者・連絡先（任意）').fill('総務部 山田（内線 123）');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/assets'));
    await form.getByRole('button', { name: '保存する' }).click();
    expect((await refused).status()).toBe(400);
    expect(await seen(form.getByRole('alert'))).toContain('登録されたドメイン');
    await expect.poll(() => page.evaluate<string>('document.activeElement?.getAttribute("name") ?? ""')).toBe('exposedAddress');
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await address.fill('vpn.mikawa-seiki.example.jp');
    await auditPage(page, 'vulns-asset-form');
    await answered(page, 'POST', /\/assets$/, () => form.getByRole('button', { name: '保存する' }).click());
    const list = main().getByRole('region', { name: /登録済みの機器・ソフトウェア/ });
    const card = savedItem(list, 'Fortinet FortiOS');
    expect(await seen(card)).toContain('7.2.6');
    expect(await card.textContent()).toContain('インターネットに公開');
    expect(await card.textContent()).toContain('vpn.mikawa-seiki.example.jp');
    await auditPage(page, 'vulns-assets');
  });

  step('the feed files are imported as `anshin feeds import` does, and the matching finds the exploited vulnerability', async () => {
    for (const file of FEEDS) {
      const result = await importFeedFileAsOperator(e2e.db, file);
      expect(result.outcome, `${file}: ${JSON.stringify(result)}`).not.toBe('rejected');
    }
    const mailer = createMailer(e2e.config.smtpUrl, e2e.config.mailFrom, { warn: () => undefined });
    const run = await matchAllAsOperator(e2e.db, { config: e2e.config, mailer });
    expect(run.newKev).toBeGreaterThanOrEqual(1);
  });

  step('the home page shows the KEV notice, and its link opens the notices page at it', async () => {
    await page.goto('/');
    const section = main().getByRole('region', { name: /機器・ソフトウェアの脆弱性とサポート終了/ });
    const item = section.getByRole('link', { name: new RegExp(`攻撃に悪用されています.*${KEV_CVE}`) });
    await seen(item);
    await item.click();
    await seen(page.getByRole('heading', { name: '脆弱性・サポート終了のお知らせ', level: 1 }));
    await page.waitForURL((url) => url.pathname === `/orgs/${orgId}/findings` && url.hash.startsWith('#finding-'));
  });

  step('the notices page shows it first, in plain words: used in real attacks, severity, what to do, why', async () => {
    const first = openList().getByRole('article').first();
    const text = await seen(first);
    expect(text).toContain(KEV_CVE);
    expect(text).toContain('実際の攻撃に使われています');
    expect(text).toMatch(/深刻度: (緊急|重要)（\d+\.\d）/);
    expect(text).toContain('7.2.7 以降のバージョンに更新してください。');
    expect(text).toContain('7.2.7 未満');
    expect(text).toContain('インターネットに公開されている機器です');
    await auditPage(page, 'vulns-findings');
  });

  step('「この件で助けを求める」 opens the report form filled in from the notice, and it is sent with help wanted', async () => {
    await kevCard().getByRole('link', { name: 'この件で助けを求める' }).click();
    await seen(page.getByRole('heading', { name: '被害・異常を報告する', level: 1 }));
    expect(await seen(main().getByText(/の内容を入れてあります/))).toContain(KEV_CVE);
    const form = main();
    const text = await form.getByLabel('起きたことを自分の言葉で').inputValue();
    expect(text).toContain(KEV_CVE);
    expect(text).toContain('Fortinet FortiOS 7.2.6');
    expect(text).toContain('実際の攻撃に使われている脆弱性です');
    expect(await form.getByRole('radiogroup', { name: 'どんなことが起きましたか' }).getByLabel('その他', { exact: true }).isChecked()).toBe(true);
    expect(await form.getByRole('radiogroup', { name: '今すぐ助けが必要ですか' }).getByLabel('はい、電話やオンラインで').isChecked()).toBe(true);
    await form.getByRole('button', { name: '送信する' }).click();
    await seen(page.getByRole('heading', { name: '報告を受け付けました', level: 1 }));
    const reportId = /\/reports\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
    const report = await e2e.db.selectFrom('reports').select(['org_id', 'state', 'category']).where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ org_id: orgId, state: 'submitted', category: 'other' });
    const help = await e2e.db.selectFrom('aid_requests').select(['category']).where('report_id', '=', reportId).executeTakeFirstOrThrow();
    expect(help.category).toBe('other');
  });

  step('back on the notices page the member marks it 対応済み, and it leaves the open list', async () => {
    await page.goto(`/orgs/${orgId}/findings`);
    const card = kevCard();
    await seen(card);
    await answered(page, 'PUT', /\/findings\/[^/]+$/, () => card.getByRole('button', { name: '対応済み（更新した）' }).click());
    await seen(main().getByRole('status').filter({ hasText: '「対応済み」として記録しました。' }));
    await expect.poll(() => kevCard().count()).toBe(0);
    const closed = main().getByRole('region', { name: /対応済み・対応不要にしたもの/ });
    expect(await seen(closed.getByRole('article').filter({ hasText: KEV_CVE }))).toContain('状況: 対応済み');
    const row = await e2e.db.selectFrom('vuln_findings').select('status').where('org_id', '=', orgId).where('ref', '=', KEV_CVE).executeTakeFirstOrThrow();
    expect(row.status).toBe('patched');
  });

  step('deleting a device asks first, in place; 「やめる」 keeps it', async () => {
    await page.goto(`/orgs/${orgId}/assets`);
    const card = savedItem(main().getByRole('region', { name: /登録済みの機器・ソフトウェア/ }), 'Fortinet FortiOS');
    await card.getByRole('button', { name: '「Fortinet FortiOS 7.2.6」を削除' }).click();
    const confirm = card.getByRole('group', { name: '「Fortinet FortiOS 7.2.6」を削除' });
    expect(await seen(confirm)).toContain('削除しますか');
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('削除する');
    await confirm.getByRole('button', { name: 'やめる' }).click();
    await seen(card.getByRole('button', { name: '「Fortinet FortiOS 7.2.6」を編集' }));
    expect(await e2e.db.selectFrom('assets').select('id').where('org_id', '=', orgId).execute()).toHaveLength(1);
  });

  step('a coordinator sees the community summary under k, exploited vulnerabilities first', async () => {
    const context = page.context();
    await context.clearCookies();
    await signIn(page, coordinator);
    await seen(page.getByRole('heading', { level: 1 }));
    await page.goto('/vulns');
    await seen(page.getByRole('heading', { name: '脆弱性の状況', level: 1 }));
    const cves = main().getByRole('region', { name: /^脆弱性（/ });
    const first = cves.getByRole('article').first();
    const text = await seen(first);
    expect(text).toContain(KEV_CVE);
    expect(text).toContain('実際の攻撃に使われています');
    expect(text).toMatch(/該当する組織: (\d+|\d+ 組織未満)/);
    await auditPage(page, 'vulns-summary');
  });
});
