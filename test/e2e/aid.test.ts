// Journey: a small clinic hit by ransomware asks for on-site help in Japanese; the system ranks the
// community's responders and offers the request; the desk sees the ranking with its reasons; one
// responder accepts; responder and clinic work the checklist through messages; the clinic closes the
// request with its feedback.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { auditPage } from './a11y.js';
import { answered, describeBrowser, journey, newPage, PHONE, savedItem, screenshots, seen, signIn, signOut, useE2E } from './helpers.js';

const FIRST_STEP = 'LANケーブルを抜いて、電源は入れたままにしてください。脅迫文の画面を写真に撮っておいてください。';
const REPLY = 'ケーブルを抜きました。写真も撮りました。';

describeBrowser('e2e: mutual aid from request to closure', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let member: TestUser;
  let coordinator: TestUser;
  let nearResponder: TestUser;
  let requestUrl = '';

  async function responder(name: string, onSite: boolean, prefectures: string[]): Promise<TestUser> {
    const user = await createUser(e2e, { roles: ['responder'], email: `${randomUUID().slice(0, 6)}@responders.example.jp` });
    const now = new Date().toISOString();
    await e2e.db.insertInto('aid_responders').values({
      id: randomUUID(), user_id: user.id, kind: 'individual', org_id: null, display_name: name, skills: JSON.stringify(['recovery', 'forensics']),
      languages: '["ja"]', prefectures: JSON.stringify(prefectures), on_site: onSite ? 1 : 0, certifications: '["情報処理安全確保支援士"]', capacity: 2,
      available: 1, hours: '24時間', service_type: 'volunteer', price_terms: '', vetting: 'vetted', vetted_by: null, vetted_at: now, created_at: now, updated_at: now,
    }).execute();
    return user;
  }

  beforeAll(async () => {
    const orgId = await createOrg(e2e, { nameJa: '小さな診療所', nameEn: 'Small Clinic' });
    member = await createUser(e2e, { email: 'staff@clinic.example.jp', orgs: [{ orgId, role: 'member' }] });
    coordinator = await createUser(e2e, { email: 'desk@isac.example.jp', roles: ['coordinator'] });
    nearResponder = await responder('東京駆けつけ隊', true, ['13', '14']);
    await responder('大阪リモート支援', false, ['27']);
    page = await newPage(e2e, PHONE);
  });

  const main = () => page.locator('main');

  step('a member asks for on-site help with ransomware, in Japanese on a phone, through the report path', async () => {
    await signIn(page, member);
    await main().getByRole('link', { name: '被害・異常を報告する／助けを求める', exact: true }).click();
    await seen(page.getByRole('heading', { name: '被害・異常を報告する', level: 1 }));
    await main().getByRole('radiogroup', { name: 'どんなことが起きましたか' }).getByLabel('ランサムウェア', { exact: true }).check();
    await main().getByLabel('起きたことを自分の言葉で').fill('受付のパソコンとファイルサーバーが暗号化され、身代金を要求されています。');
    await main().getByRole('radiogroup', { name: '今も続いていますか' }).getByLabel('はい').check();
    await main().getByRole('radiogroup', { name: '今すぐ助けが必要ですか' }).getByLabel('はい、来てほしい').check();
    await main().getByLabel('どんな助けが必要ですか（任意）').fill('来て手伝ってください。復旧と原因の調査をお願いしたいです。');
    await auditPage(page, 'aid-journey-form');
    await main().getByRole('button', { name: '送信する' }).click();
    await seen(page.getByRole('heading', { name: '報告を受け付けました', level: 1 }));
    await main().getByRole('link', { name: /支援依頼を見る/ }).click();
    await seen(page.getByRole('heading', { name: '支援依頼: ランサムウェア', level: 1 }));
    requestUrl = new URL(page.url()).pathname;
    expect(await seen(main().getByText('支援者に打診中'))).toBeTruthy();
    expect(await main().getByRole('region', { name: 'チェックリスト' }).textContent()).toContain('電源は切らない');
    // Made from the report and the organisation's profile: nothing typed twice.
    const stored = await e2e.db.selectFrom('aid_requests').select(['urgency', 'on_site', 'prefecture', 'category', 'description', 'report_id']).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ urgency: 'critical', on_site: 1, prefecture: '13', category: 'ransomware', description: '来て手伝ってください。復旧と原因の調査をお願いしたいです。' });
    expect(stored.report_id).not.toBeNull();
    await page.getByRole('button', { name: 'メニュー' }).click();
    await signOut(page);
  });

  step('the desk sees the responders ranked, with the reasons, and both offered', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, coordinator);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '支援デスク' }).click();
    await seen(page.getByRole('heading', { name: '支援デスク', level: 1 }));
    await main().getByRole('region', { name: 'すべての依頼' }).getByRole('link', { name: 'ランサムウェア' }).click();
    await page.waitForURL((url) => url.pathname === requestUrl);
    const matches = main().getByRole('region', { name: '候補の支援者（適合度順）' });
    const items = matches.getByRole('listitem').filter({ has: page.locator('strong') });
    await seen(items.first());
    expect(await items.first().textContent()).toContain('東京駆けつけ隊');
    expect(await items.first().textContent()).toContain('現地対応可（対応地域内）');
    expect(await items.nth(1).textContent()).toContain('大阪リモート支援');
    expect(await items.nth(1).textContent()).toContain('リモート対応のみ');
    expect(await matches.textContent()).toContain('打診の状態: 回答待ち');
    await auditPage(page, 'aid-journey-desk');
    await screenshots(page, 'aid-request-desk');
    await signOut(page);
  });

  step('the near responder accepts from the responder home and sees the clinic now', async () => {
    await signIn(page, nearResponder);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '支援者ホーム' }).click();
    const offers = main().getByRole('region', { name: '回答待ちの打診' });
    await offers.getByRole('link', { name: /ランサムウェア/ }).click();
    await page.waitForURL((url) => url.pathname === requestUrl);
    expect(await main().textContent()).not.toContain('小さな診療所');
    await main().getByRole('region', { name: 'この依頼の打診が届いています' }).getByRole('button', { name: '引き受ける' }).click();
    expect(await seen(main().getByText('支援者が決まりました'))).toBeTruthy();
    expect(await seen(main().getByText('小さな診療所'))).toBeTruthy();
  });

  step('works the checklist with the clinic through messages', async () => {
    const messages = main().getByRole('region', { name: /メッセージ/ });
    await messages.getByLabel('メッセージ', { exact: true }).fill(FIRST_STEP);
    await messages.getByRole('button', { name: '送信する' }).click();
    await seen(savedItem(messages, FIRST_STEP));
    // The responder's first message starts the work: the summary, reloaded with the thread, says so.
    await seen(main().getByRole('region', { name: '依頼の内容' }).getByText('対応中', { exact: true }));
    const tasks = main().getByRole('region', { name: 'チェックリスト' });
    // The box follows the click at once; the server's answer is what proves the tick was stored.
    await answered(page, 'PUT', /\/tasks\/[^/]+$/, () => tasks.getByLabel(/^感染した端末をネットワークから切り離す/).check());
    await seen(tasks.getByText('1 / 6 件完了'));
    await signOut(page);

    await page.setViewportSize(PHONE);
    await signIn(page, member);
    await page.goto(requestUrl);
    const theirs = main().getByRole('region', { name: /メッセージ/ });
    await seen(savedItem(theirs, FIRST_STEP));
    const checklist = main().getByRole('region', { name: 'チェックリスト' });
    await seen(checklist.getByText('1 / 6 件完了'));
    await theirs.getByLabel('メッセージ', { exact: true }).fill(REPLY);
    await theirs.getByRole('button', { name: '送信する' }).click();
    await seen(savedItem(theirs, REPLY));
    await answered(page, 'PUT', /\/tasks\/[^/]+$/, () => checklist.getByLabel(/証拠とログを保全する/).check());
    await seen(checklist.getByText('2 / 6 件完了'));
    expect(await main().textContent()).not.toContain('非公開メモ');
  });

  step('the clinic closes the request with its feedback', async () => {
    const close = main().getByRole('region', { name: '支援を完了する' });
    await close.getByLabel('結果').selectOption({ label: '解決した' });
    await close.getByLabel('支援の評価').selectOption({ label: '5 / 5' });
    await close.getByLabel('感想・フィードバック（任意）').fill('すぐに来ていただき、本当に助かりました。');
    await close.getByRole('button', { name: '完了にする' }).click();
    expect(await seen(main().getByText('結果: 解決した'))).toBeTruthy();
    expect(await main().textContent()).toContain('評価: 5 / 5');
    await screenshots(page, 'aid-request-closed');
    const stored = await e2e.db.selectFrom('aid_requests').select(['status', 'rating', 'feedback', 'outcome']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'closed', rating: 5, feedback: 'すぐに来ていただき、本当に助かりました。', outcome: 'resolved' });
    const offers = await e2e.db.selectFrom('aid_offers').select('status').orderBy('score', 'desc').execute();
    expect(offers.map((o) => o.status)).toEqual(['accepted', 'lost']);
  });
});
