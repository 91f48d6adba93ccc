// Journey 2: a member secures their account — an API token used from a script, then two-factor sign-in.
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { matchTotpStep, totpCode } from '../../src/auth/totp.js';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { describeBrowser, journey, newPage, screenshots, seen, signIn, signOut, useE2E } from './helpers.js';

describeBrowser('e2e: account security (API token, two-factor sign-in)', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let user: TestUser;
  let token = '';
  let secret = '';

  const callApi = (bearer: string) => fetch(`${e2e.baseUrl}/api/account`, { headers: { authorization: `Bearer ${bearer}` } });

  beforeAll(async () => {
    const orgId = await createOrg(e2e, { nameJa: '安心病院', nameEn: 'Anshin Hospital' });
    user = await createUser(e2e, { email: 'it-lead@hospital.example.jp', orgs: [{ orgId, role: 'org_admin' }] });
    page = await newPage(e2e);
  });

  step('the member signs in and opens the account page', async () => {
    await signIn(page, user);
    await seen(page.getByRole('heading', { name: /^ようこそ、/ }));
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'アカウント' }).click();
    await seen(page.getByRole('heading', { name: 'アカウント', exact: true }));
    await screenshots(page, '10-account');
  });

  step('a read-only API token is created and shown once', async () => {
    const tokens = page.getByRole('region', { name: 'API トークン' });
    await tokens.getByLabel('トークン名').fill('SIEM 連携');
    const read = tokens.getByRole('checkbox', { name: '読み取り' });
    const write = tokens.getByRole('checkbox', { name: '書き込み' });
    expect(await read.isChecked()).toBe(true);
    expect(await write.isChecked()).toBe(false);
    await tokens.getByRole('button', { name: 'トークンを作成' }).click();
    token = (await seen(page.getByTestId('new-token'))).trim();
    expect(token.length).toBeGreaterThan(20);
    await seen(tokens.getByText('このトークンは今しか表示されません。', { exact: false }));
    await seen(tokens.getByRole('cell', { name: 'SIEM 連携', exact: true }));
    await screenshots(page, '11-account-token-created');

    await page.reload();
    await seen(page.getByRole('region', { name: 'API トークン' }).getByRole('cell', { name: 'SIEM 連携', exact: true }));
    expect(await page.getByTestId('new-token').count()).toBe(0);
    expect(await page.content()).not.toContain(token);
  });

  step('a script can call the API with the token as a Bearer credential', async () => {
    const res = await callApi(token);
    expect(res.status).toBe(200);
    const me = (await res.json()) as { email: string };
    expect(me.email).toBe(user.email);
  });

  step('revoking the token in the UI makes the API answer 401', async () => {
    const tokens = page.getByRole('region', { name: 'API トークン' });
    await tokens.getByRole('button', { name: 'トークン「SIEM 連携」を取り消す' }).click();
    await seen(tokens.getByText('API トークンはまだありません。'));
    const res = await callApi(token);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  step('two-factor authentication is enabled with a code from the shown setup key', async () => {
    const totp = page.getByRole('region', { name: '2 段階認証' });
    await seen(totp.getByText('未設定'));
    await totp.getByRole('button', { name: '2 段階認証を設定する' }).click();
    secret = (await seen(page.getByTestId('totp-secret'))).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await screenshots(page, '12-account-totp-setup');
    await totp.getByLabel('確認コード（6 桁）').fill(totpCode(secret, Date.now()));
    await totp.getByRole('button', { name: '確認して有効にする' }).click();
    await seen(totp.getByRole('status').filter({ hasText: '2 段階認証を有効にしました。' }));
    await seen(totp.getByText('有効', { exact: true }));
  });

  step('after signing out, sign-in asks for the code', async () => {
    await signOut(page);
    await signIn(page, user);
    await seen(page.getByRole('status').filter({ hasText: '2 段階認証が有効です。' }));
    await seen(page.getByLabel('確認コード（6 桁）'));
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshots(page, '13-login-totp');
  });

  step('a wrong code is refused with an error', async () => {
    const wrong = ['000000', '111111', '222222'].find((code) => matchTotpStep(secret, code, Date.now()) === null) ?? '333333';
    await page.getByLabel('確認コード（6 桁）').fill(wrong);
    await page.getByRole('button', { name: 'ログイン' }).click();
    expect(await seen(page.getByRole('alert'))).toContain('確認コードが正しくありません。');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  step('the right code signs in', async () => {
    await page.getByLabel('確認コード（6 桁）').fill(totpCode(secret, Date.now() + 30_000)); // the enabling code's step is used up
    await page.getByRole('button', { name: 'ログイン' }).click();
    await seen(page.getByRole('heading', { name: /^ようこそ、/ }));
    expect(await page.getByText('2 段階認証を設定すると').count()).toBe(0);
  });
});
