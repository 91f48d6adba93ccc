// Journey (issue 19): a clerk of a small company on a phone, in Japanese, finds the office PCs encrypted. From the
// home page to the confirmation in at most 3 screens and at most 12 required inputs and taps besides typing the
// description: one form asks what happened, whether it is still happening and whether help is needed now, shows the
// first-aid checklist at once, takes a photo of the ransom note, and submits the report and the help request
// together. The draft survives a lost connection. The same path in English, and the counts are recorded.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { auditPage } from './a11y.js';
import { describeBrowser, journey, newPage, PHONE, seen, signIn, signOut, useE2E } from './helpers.js';

const DESCRIPTION = '朝出社したら事務所のパソコン3台の画面に英語の脅迫文が出ていて、ファイルが開けません。共有フォルダのファイル名も変わっています。';

describeBrowser('e2e: one path from "something is wrong" to help', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let member: TestUser;
  let english: TestUser;
  let orgId = '';
  let dir = '';
  let photo = '';
  // What the member had to do, besides typing the description: every tap, choice and file, and every screen seen.
  const taps: string[] = [];
  const screens = new Set<string>();
  const tap = async (what: string, act: () => Promise<void>) => {
    taps.push(what);
    await act();
  };
  const main = () => page.locator('main');
  const onScreen = () => screens.add(new URL(page.url()).pathname.replace(/[0-9a-f-]{36}/g, ':id'));

  beforeAll(async () => {
    orgId = await createOrg(e2e, { nameJa: '三河精機株式会社', nameEn: 'Mikawa Seiki' });
    await e2e.db.updateTable('organisations').set({ prefecture: '23' }).where('id', '=', orgId).execute(); // 愛知県
    member = await createUser(e2e, { email: 'jimu@mikawa.example.jp', orgs: [{ orgId, role: 'member' }] });
    english = await createUser(e2e, { email: 'it@mikawa.example.jp', locale: 'en', orgs: [{ orgId, role: 'member' }] });
    const responder = await createUser(e2e, { roles: ['responder'], email: `${randomUUID().slice(0, 6)}@responders.example.jp` });
    const now = new Date().toISOString();
    await e2e.db.insertInto('aid_responders').values({
      id: randomUUID(), user_id: responder.id, kind: 'individual', org_id: null, display_name: '名古屋駆けつけ隊', skills: JSON.stringify(['triage', 'recovery']),
      languages: '["ja","en"]', prefectures: '["23"]', on_site: 1, certifications: '[]', capacity: 3, available: 1, hours: '24時間',
      service_type: 'volunteer', price_terms: '', vetting: 'vetted', vetted_by: null, vetted_at: now, created_at: now, updated_at: now,
    }).execute();
    dir = mkdtempSync(join(tmpdir(), 'anshin-path-'));
    photo = join(dir, '脅迫文.png');
    writeFileSync(photo, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    page = await newPage(e2e, PHONE);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  step('the home page leads with one action for a member in trouble', async () => {
    await signIn(page, member);
    await seen(page.getByRole('heading', { level: 1 }));
    onScreen();
    await auditPage(page, 'member-path-home');
    await tap('report button', () => main().getByRole('link', { name: '被害・異常を報告する／助けを求める', exact: true }).click());
    await seen(page.getByRole('heading', { name: '被害・異常を報告する', level: 1 }));
    onScreen();
  });

  step('one short form: what happened, still happening, help now; the first-aid checklist shows at once', async () => {
    const form = main();
    await tap('category', () => form.getByRole('radiogroup', { name: 'どんなことが起きましたか' }).getByLabel('ランサムウェア', { exact: true }).check());
    const firstAid = form.getByRole('region', { name: '今すぐやること' });
    expect(await seen(firstAid)).toContain('電源は切らない');
    await form.getByLabel('起きたことを自分の言葉で').fill(DESCRIPTION);
    // Saved as they type: the status says so once the server has the draft.
    await seen(form.getByRole('status').filter({ hasText: '下書きを保存しました' }));
    await tap('still happening: yes', () => form.getByRole('radiogroup', { name: '今も続いていますか' }).getByLabel('はい').check());
    await tap('help: on site', () => form.getByRole('radiogroup', { name: '今すぐ助けが必要ですか' }).getByLabel('はい、来てほしい').check());
    await tap('photo', () => form.getByLabel('写真やファイルを添付（任意）').setInputFiles(photo));
    await auditPage(page, 'member-path-form');
  });

  step('the draft survives a lost connection: reloading the page brings it back', async () => {
    await page.reload();
    const form = main();
    await expect.poll(() => form.getByLabel('起きたことを自分の言葉で').inputValue()).toBe(DESCRIPTION);
    expect(await form.getByRole('radiogroup', { name: '今すぐ助けが必要ですか' }).getByLabel('はい、来てほしい').isChecked()).toBe(true);
    // The file is not kept by the browser across a reload: chosen again (not counted twice).
    await form.getByLabel('写真やファイルを添付（任意）').setInputFiles(photo);
  });

  step('sending shows what happens next, and the help request is already offered to a responder', async () => {
    await tap('send', () => main().getByRole('button', { name: '送信する' }).click());
    await seen(page.getByRole('heading', { name: '報告を受け付けました', level: 1 }));
    onScreen();
    const next = main().getByRole('region', { name: 'このあと' });
    expect(await seen(next)).toMatch(/調整担当が .+ までに確認します/);
    expect(await next.textContent()).toMatch(/支援者に打診しました/);
    const checklist = main().getByRole('region', { name: '今すぐやること' });
    expect(await seen(checklist)).toContain('電源は切らない');
    const reportId = /\/reports\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
    const request = await e2e.db.selectFrom('aid_requests').selectAll().where('report_id', '=', reportId).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ status: 'offered', prefecture: '23', urgency: 'critical', on_site: 1, category: 'ransomware' });
    const attachments = await e2e.db.selectFrom('report_attachments').select('filename').where('report_id', '=', reportId).execute();
    expect(attachments.map((a) => a.filename)).toEqual(['脅迫文.png']);
    // Ticking a first-aid step is saved on the help request (the responder sees it).
    const isolate = checklist.getByRole('checkbox').first();
    await isolate.check();
    await expect.poll(async () => (await e2e.db.selectFrom('aid_tasks').select('done_at').where('request_id', '=', request.id).where('seq', '=', 1).executeTakeFirstOrThrow()).done_at).not.toBeNull();
    await auditPage(page, 'member-path-sent');
  });

  step('the counts meet the target: at most 3 screens and 12 taps besides typing', async () => {
    expect([...screens]).toEqual(['/', '/reports/new', '/reports/:id/sent']);
    expect(taps.length).toBeLessThanOrEqual(12);
    console.log(`member path (ja, phone): ${screens.size} screens, ${taps.length} taps besides typing: ${taps.join(', ')}`);
  });

  step('the home page shows the open case with its help status', async () => {
    await page.goto('/');
    const cases = main().getByRole('region', { name: '対応中の報告' });
    expect(await seen(cases.getByRole('listitem').first())).toMatch(/ランサムウェア.*支援者に打診中/s);
    await page.getByRole('button', { name: 'メニュー' }).click();
    await signOut(page);
  });

  step('the same path in English', async () => {
    await signIn(page, english);
    await page.getByRole('link', { name: 'Report a problem / get help', exact: true }).click();
    await seen(page.getByRole('heading', { name: 'Report a problem', level: 1 }));
    const form = main();
    await form.getByRole('radiogroup', { name: 'What happened' }).getByLabel('Phishing', { exact: true }).check();
    expect(await seen(form.getByRole('region', { name: 'Do this now' }))).toContain('Change the entered password');
    await form.getByLabel('In your own words').fill('Two staff entered their passwords on a fake login page this morning.');
    await form.getByRole('radiogroup', { name: 'Is it still happening' }).getByLabel('No', { exact: true }).check();
    await form.getByRole('radiogroup', { name: 'Do you need help now' }).getByLabel('Yes, by phone or online').check();
    await form.getByRole('button', { name: 'Send' }).click();
    await seen(page.getByRole('heading', { name: 'Report received', level: 1 }));
    expect(await seen(main().getByRole('region', { name: 'What happens next' }))).toMatch(/A coordinator will look at it by/);
    await auditPage(page, 'member-path-sent-en');
  });
});
