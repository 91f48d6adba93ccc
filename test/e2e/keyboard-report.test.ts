// Journey: a member files an incident report with the keyboard alone — sign in, the menu, the short first screen (a
// radio group moved with the arrow keys, a text area), the send button and the confirmation's link to the report —
// and every stop shows a focus outline.
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { describeBrowser, focusState, journey, newPage, screenshots, seen, tabUntil, useE2E, type FocusState } from './helpers.js';

describeBrowser('e2e: an incident report with the keyboard only', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let member: TestUser;
  const tabTo = (wanted: (state: FocusState) => boolean, key = 'Tab', limit = 40) => tabUntil(page, wanted, key, limit);
  const main = () => page.locator('main');

  beforeAll(async () => {
    const orgId = await createOrg(e2e, { nameJa: '港町クリニック', nameEn: 'Harbour Clinic' });
    member = await createUser(e2e, { email: 'reception@clinic.example.jp', orgs: [{ orgId, role: 'member' }] });
    page = await newPage(e2e);
  });

  step('signs in with Tab, typing and Enter', async () => {
    await page.goto('/login');
    await seen(page.getByRole('heading', { name: 'ログイン' }));
    await tabTo((s) => s.tag === 'input[email]');
    await page.keyboard.type(member.email);
    await tabTo((s) => s.tag === 'input[password]', 'Tab', 1);
    await page.keyboard.type(member.password);
    await page.keyboard.press('Enter');
    await seen(page.getByRole('heading', { name: /ようこそ/ }));
  });

  step('reaches the report form through the menu with Tab and Enter', async () => {
    await tabTo((s) => s.tag === 'a' && s.text === 'インシデント報告');
    await page.keyboard.press('Enter');
    await seen(page.getByRole('heading', { name: 'インシデント報告', level: 1 }));
    await tabTo((s) => s.tag === 'a' && s.text === '新しく報告する');
    await page.keyboard.press('Enter');
    await seen(page.getByRole('heading', { name: '被害・異常を報告する', level: 1 }));
  });

  step('picks the category with the arrow keys and types what happened', async () => {
    await tabTo((s) => s.tag === 'input[radio]');
    let state: FocusState | null = null;
    for (let i = 0; i < 12 && !state?.text.startsWith('ランサムウェア'); i++) {
      await page.keyboard.press('ArrowDown');
      state = await focusState(page);
    }
    expect(state?.text).toMatch(/^ランサムウェア/);
    const category = main().getByRole('radiogroup', { name: 'どんなことが起きましたか' });
    expect(await category.getByLabel('ランサムウェア', { exact: true }).isChecked()).toBe(true);
    // Sending without the description: the error is announced next to the field and the focus moves there.
    await tabTo((s) => s.tag.startsWith('button') && s.text === '送信する', 'Tab', 60);
    await page.keyboard.press('Enter');
    const text = main().getByLabel('起きたことを自分の言葉で');
    expect(await seen(main().getByRole('alert'))).toContain('起きたことを書いてください');
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    const focused = await focusState(page);
    expect(focused?.tag).toBe('textarea');
    expect(focused?.text).toMatch(/^起きたこと/);
    await page.keyboard.type('受付のパソコンの画面に身代金を要求するメッセージが表示されました。');
    expect(await main().getByRole('alert').count()).toBe(0);
    await screenshots(page, 'report-form-keyboard', 'desktop');
  });

  step('submits with Enter on the send button and reaches the filed report from the confirmation', async () => {
    await tabTo((s) => s.tag.startsWith('button') && s.text === '送信する', 'Tab', 120);
    await page.keyboard.press('Enter');
    await seen(page.getByRole('heading', { name: '報告を受け付けました', level: 1 }));
    await tabTo((s) => s.tag === 'a' && s.text === '報告を見る', 'Tab', 60);
    await page.keyboard.press('Enter');
    await seen(page.getByRole('heading', { name: /ランサムウェア.*提出済み/, level: 1 }));
    expect(new URL(page.url()).pathname).toMatch(/^\/reports\/[0-9a-f-]{36}$/);
    expect(await main().textContent()).toContain('受付のパソコンの画面に身代金を要求するメッセージが表示されました。');
  });
});
