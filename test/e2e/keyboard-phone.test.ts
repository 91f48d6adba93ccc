// Journey 4: on a phone-sized screen, with the keyboard only — signing in, the menu, a visible focus.
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { createOrg, createUser, type TestUser } from '../helpers/app.js';
import { describeBrowser, journey, newPage, PHONE, screenshots, seen, tabUntil, useE2E, type FocusState } from './helpers.js';

describeBrowser('e2e: keyboard only on a 390-px phone screen', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let user: TestUser;

  const tabTo = (wanted: (state: FocusState) => boolean, key = 'Tab', limit = 20) => tabUntil(page, wanted, key, limit);

  const menuButton = () => page.getByRole('button', { name: 'メニュー' });
  const nav = () => page.getByRole('navigation', { name: 'メインメニュー' });

  beforeAll(async () => {
    const orgId = await createOrg(e2e, { nameJa: '安心町役場', nameEn: 'Anshin Town Office' });
    user = await createUser(e2e, { email: 'tanaka@town.example.jp', orgs: [{ orgId, role: 'member' }] });
    page = await newPage(e2e, PHONE);
  });

  step('the first Tab reaches the skip link, shown with a focus outline', async () => {
    await page.goto('/login');
    await seen(page.getByRole('heading', { name: 'ログイン' }));
    const first = await tabTo(() => true, 'Tab', 1);
    expect(first.text).toBe('本文へスキップ');
    expect(await page.getByRole('link', { name: '本文へスキップ' }).isVisible()).toBe(true);
    await screenshots(page, '19-login-keyboard-skip-link', 'phone');
  });

  step('signing in works with Tab, typing and Enter alone', async () => {
    await tabTo((s) => s.tag === 'input[email]');
    await page.keyboard.type(user.email);
    const password = await tabTo((s) => s.tag === 'input[password]', 'Tab', 1);
    expect(password.tag).toBe('input[password]');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await seen(page.getByRole('heading', { name: 'ようこそ、tanaka さん' }));
    expect(new URL(page.url()).pathname).toBe('/');
  });

  step('the navigation is folded away behind the menu button', async () => {
    expect(await menuButton().isVisible()).toBe(true);
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(await nav().isVisible()).toBe(false);
    await screenshots(page, '20-home-phone-menu-closed', 'phone');
  });

  step('the menu button opens the navigation from the keyboard', async () => {
    await tabTo((s) => s.text === 'メニュー', 'Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await menuButton().getAttribute('aria-expanded')).toBe('true');
    await seen(nav());
    for (const name of ['ホーム', '安心町役場', 'アカウント', 'ログアウト']) {
      expect(await nav().getByRole(name === 'ログアウト' ? 'button' : 'link', { name }).isVisible(), name).toBe(true);
    }
    await screenshots(page, '21-home-phone-menu-open', 'phone');
  });

  step('a link in the opened menu is followed with Enter, and the menu closes', async () => {
    await tabTo((s) => s.tag === 'a' && s.text === 'アカウント');
    await page.keyboard.press('Enter');
    await seen(page.getByRole('heading', { name: 'アカウント', exact: true }));
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(await nav().isVisible()).toBe(false);
    const focused = await page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');
    expect(focused, 'after navigating, the focus moves to the main content').toBe('main');
  });

  step('the main pages fit the phone width without sideways scrolling', async () => {
    const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(await overflow(), 'horizontal overflow on /account').toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Anshin' }).click();
    await seen(page.getByRole('heading', { name: 'ようこそ、tanaka さん' }));
    expect(await overflow(), 'horizontal overflow on /').toBeLessThanOrEqual(0);
    await page.getByRole('region', { name: '所属組織' }).getByRole('link', { name: '安心町役場' }).click();
    await seen(page.getByRole('heading', { name: '安心町役場' }));
    expect(await overflow(), 'horizontal overflow on the organisation page').toBeLessThanOrEqual(0);
    await screenshots(page, '22-org-page-member', 'phone');
  });
});
