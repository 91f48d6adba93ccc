// Journey 3: a wrong password, a forgotten password reset through the mailed link, and a lockout.
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { createUser, type TestUser } from '../helpers/app.js';
import { countMails, describeBrowser, journey, latestMail, linkIn, newPage, screenshots, seen, signIn, signOut, useE2E } from './helpers.js';

const NEW_PASSWORD = 'atarashii-pasuwaado-wo-oboeru';
const WRONG = 'machigatta-pasuwaado';

describeBrowser('e2e: wrong password, password reset and lockout', () => {
  const e2e = useE2E({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15' });
  let page: Page;
  const step = journey(() => page);
  let user: TestUser;
  let locked: TestUser;
  let admin: TestUser;
  let resetLink = '';
  let desk: Page;

  beforeAll(async () => {
    user = await createUser(e2e, { email: 'yamada@shoten.example.jp' });
    locked = await createUser(e2e, { email: 'suzuki@shoten.example.jp' });
    admin = await createUser(e2e, { email: 'desk@isac.example.jp', roles: ['administrator'] });
    page = await newPage(e2e);
  });

  step('a wrong password shows the Japanese error in an alert', async () => {
    await signIn(page, { email: user.email, password: WRONG });
    expect(await seen(page.getByRole('alert'))).toContain('メールアドレスまたはパスワードが正しくありません。');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshots(page, '14-login-wrong-password');
  });

  step('a forgot-password request shows the same neutral message for known and unknown addresses', async () => {
    for (const email of ['nobody@shoten.example.jp', user.email]) {
      await page.goto('/login');
      await page.getByRole('link', { name: 'パスワードを忘れた場合' }).click();
      await seen(page.getByRole('heading', { name: 'パスワードの再設定' }));
      await page.getByLabel('メールアドレス').fill(email);
      await page.getByRole('button', { name: '再設定リンクを送信' }).click();
      const note = await seen(page.getByRole('status').filter({ hasText: 'そのメールアドレスが登録されていれば' }));
      expect(note).toBe('そのメールアドレスが登録されていれば、再設定用のリンクを送信しました。メールをご確認ください。');
    }
    await screenshots(page, '15-forgot-sent');
    expect(await countMails(e2e.db, 'nobody@shoten.example.jp')).toBe(0);
    const mail = await latestMail(e2e.db, user.email);
    expect(mail.subject).toBe('Anshin パスワードの再設定');
    resetLink = linkIn(mail.body, e2e.baseUrl, 'reset');
  });

  step('the link from the mail sets a new password', async () => {
    await page.goto(resetLink);
    await seen(page.getByRole('heading', { name: '新しいパスワードの設定' }));
    await seen(page.getByText(`${user.email} の新しいパスワードを設定してください。`));
    await page.getByLabel('新しいパスワード').fill(NEW_PASSWORD);
    await page.getByLabel('確認のためもう一度入力').fill(NEW_PASSWORD);
    await screenshots(page, '16-reset-password');
    await page.getByRole('button', { name: 'パスワードを設定' }).click();
    await seen(page.getByRole('status').filter({ hasText: 'パスワードを設定しました。' }));
  });

  step('the reset link works only once', async () => {
    await page.goto('/login');
    await page.goto(resetLink);
    expect(await seen(page.getByRole('alert'))).toContain('このリンクは無効か、期限切れか、すでに使われています。');
    expect(await page.getByLabel('新しいパスワード').count()).toBe(0);
  });

  step('the old password no longer works; the new one signs in', async () => {
    await signIn(page, user);
    expect(await seen(page.getByRole('alert'))).toContain('メールアドレスまたはパスワードが正しくありません。');
    await signIn(page, { email: user.email, password: NEW_PASSWORD });
    await seen(page.getByRole('heading', { name: 'ようこそ、yamada さん' }));
    await signOut(page);
  });

  step('repeated failures lock the account, even against the right password', async () => {
    for (let i = 0; i < 3; i++) {
      await signIn(page, { email: locked.email, password: WRONG });
      expect(await seen(page.getByRole('alert'))).toContain('メールアドレスまたはパスワードが正しくありません。');
    }
    await signIn(page, locked);
    const alert = await seen(page.getByRole('alert').filter({ hasText: 'ロック' }));
    expect(alert).toBe('サインインの失敗が続いたため、一時的にロックされています。15 分後に再度お試しください。');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshots(page, '17-login-locked');
  });

  step('an administrator sees the lock on the user page', async () => {
    desk = await newPage(e2e);
    await signIn(desk, admin);
    await seen(desk.getByRole('heading', { name: /^ようこそ、/ }));
    await desk.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ユーザー' }).click();
    await seen(desk.getByRole('heading', { name: 'ユーザー', exact: true }));
    await desk.getByRole('link', { name: 'suzuki' }).click();
    await seen(desk.getByRole('heading', { name: 'suzuki' }));
    const facts = await seen(desk.getByRole('region', { name: '基本情報' }));
    expect(facts).toContain(locked.email);
    expect(facts).toContain('ロック');
    expect(facts).not.toContain('ロックされていません');
    await screenshots(desk, '18-user-locked');
  });

  step('the administrator mails a reset link from the user page', async () => {
    const card = desk.getByRole('region', { name: 'パスワードの再設定' });
    await card.getByRole('button', { name: '再設定リンクを送信' }).click();
    expect(await seen(card.getByRole('status'))).toBe(`${locked.email} に再設定用のリンクを送信しました。`);
    resetLink = linkIn((await latestMail(e2e.db, locked.email)).body, e2e.baseUrl, 'reset');
  });

  step('the reset lifts the lockout: the new password signs in at once', async () => {
    await page.goto(resetLink);
    await page.getByLabel('新しいパスワード').fill(NEW_PASSWORD);
    await page.getByLabel('確認のためもう一度入力').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'パスワードを設定' }).click();
    await seen(page.getByRole('status').filter({ hasText: 'パスワードを設定しました。' }));
    await signIn(page, { email: locked.email, password: NEW_PASSWORD });
    await seen(page.getByRole('heading', { name: 'ようこそ、suzuki さん' }));
  });
});
