import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { connectDatabase } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { TEST_ENV } from '../helpers/app.js';
import { CHROMIUM_PATH, CHROMIUM_SKIP_REASON, hasChromium, WEB_UI_MISSING, webUiBuilt } from './environment.js';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** A browser suite; visibly skipped (reason in its name) on a machine without Chromium. */
export function describeBrowser(title: string, suite: () => void): void {
  if (hasChromium()) describe(title, suite);
  else describe.skip(`${title} [skipped: ${CHROMIUM_SKIP_REASON}]`, suite);
}

/** The server (in this process, on a fresh SQLite file) and a browser, for one test file. Shaped like TestContext. */
export interface E2E {
  app: FastifyInstance;
  db: Database;
  config: Config;
  /** Where the server listens; BASE_URL is set to it, so links in mails point here. */
  baseUrl: string;
  browser: Browser;
  /** Uncaught exceptions in any page: each test must end with none. */
  pageErrors: string[];
}

export function useE2E(env: Record<string, string> = {}): E2E {
  const e2e = { pageErrors: [] as string[] } as E2E;
  let dir = '';
  beforeAll(async () => {
    if (!webUiBuilt()) throw new Error(WEB_UI_MISSING);
    dir = mkdtempSync(join(tmpdir(), 'anshin-e2e-'));
    const url = `sqlite:${join(dir, 'e2e.db')}`;
    e2e.db = connectDatabase(url);
    await migrateToLatest(e2e.db);
    await listen(e2e, { ...TEST_ENV, ...env, DATABASE_URL: url });
    e2e.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  });
  afterEach(() => {
    const errors = e2e.pageErrors.splice(0);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.app?.close();
    await e2e.db?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return e2e;
}

// BASE_URL must name the real address before the app is built, so a free port is chosen first;
// if another process takes it in between, try again with another.
async function listen(e2e: E2E, env: Record<string, string>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    e2e.baseUrl = `http://127.0.0.1:${port}`;
    e2e.config = loadConfig({ ...env, HOST: '127.0.0.1', PORT: String(port), BASE_URL: e2e.baseUrl });
    e2e.app = await buildApp({ config: e2e.config, db: e2e.db, logger: false });
    try {
      await e2e.app.listen({ host: '127.0.0.1', port });
      return;
    } catch (error) {
      await e2e.app.close();
      if (attempt >= 3 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh browser profile (no cookies, no storage) with one page; Japanese browser, Tokyo time. */
export async function newPage(e2e: E2E, viewport = DESKTOP): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', baseURL: e2e.baseUrl });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => e2e.pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

const SIZES = { phone: PHONE, desktop: DESKTOP } as const;

/** Saves the page at phone and desktop width: test-artifacts/screenshots/<name>.phone.png and .desktop.png. */
export async function screenshots(page: Page, name: string, only?: keyof typeof SIZES): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of Object.entries(SIZES)) {
    if (only && label !== only) continue;
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.${label}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize(before);
}

/**
 * Steps of one journey, run in order: once a step fails, the later ones are skipped (with the
 * reason) instead of failing for a cause that is not theirs. A failing step leaves a screenshot
 * of the page as it was: test-artifacts/screenshots/FAILED-<step>.png.
 */
export function journey(currentPage: () => Page | undefined): (name: string, step: () => Promise<void>) => void {
  let failed: string | null = null;
  return (name, step) =>
    it(name, async (context) => {
      if (failed) context.skip(`an earlier step failed: ${failed}`);
      try {
        await step();
      } catch (error) {
        failed = name;
        await failureScreenshot(currentPage(), name);
        throw error;
      }
    });
}

async function failureScreenshot(page: Page | undefined, name: string): Promise<void> {
  if (!page || page.isClosed()) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = `FAILED-${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`;
  await page.screenshot({ path: join(SCREENSHOT_DIR, file), fullPage: true }).catch(() => undefined);
}

/** The newest mail to an address, straight from the outbox table. */
export async function latestMail(db: Database, recipient: string): Promise<{ subject: string; body: string }> {
  const mail = await db.selectFrom('outbox').select(['subject', 'body']).where('recipient', '=', recipient)
    .orderBy('created_at', 'desc').executeTakeFirst();
  if (!mail) throw new Error(`no mail to ${recipient} in the outbox`);
  return mail;
}

export async function countMails(db: Database, recipient: string): Promise<number> {
  const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('recipient', '=', recipient).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The one-time link of a kind in a mail body; it must point at this server. */
export function linkIn(body: string, baseUrl: string, kind: 'invite' | 'reset' | 'setup'): string {
  const escaped = `${baseUrl}/${kind}#token=`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const found = new RegExp(`${escaped}[A-Za-z0-9_-]+`).exec(body);
  if (!found) throw new Error(`no ${baseUrl}/${kind}#token=… link in the mail:\n${body}`);
  return found[0];
}

/** Signs in through the Japanese login page. */
export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByRole('heading', { name: 'ログイン' }).waitFor();
  await page.getByLabel('メールアドレス').fill(user.email);
  await page.getByLabel('パスワード', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

export async function signOut(page: Page, label = 'ログアウト'): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/**
 * The saved item of a list (a timeline, a message thread) that holds `text`. Wait on this, not on
 * getByText(typed): the text area still holds what the test typed until the save has finished.
 */
export function savedItem(list: ReturnType<Page['locator']>, text: string): ReturnType<Page['locator']> {
  return list.getByRole('listitem').filter({ hasText: text });
}

/** Runs `act` and waits for the server's successful answer to the request it makes (method and path ending). */
export async function answered(page: Page, method: string, pathEnd: RegExp, act: () => Promise<void>): Promise<void> {
  const response = page.waitForResponse((r) => r.request().method() === method && pathEnd.test(new URL(r.url()).pathname));
  await act();
  const status = (await response).status();
  expect(status, `${method} ${pathEnd}`).toBeLessThan(300);
}

/** Waits until the element is visible (fails with a timeout when it never is) and returns its text. */
export async function seen(locator: ReturnType<Page['locator']>): Promise<string> {
  await locator.waitFor({ state: 'visible' });
  return (await locator.textContent()) ?? '';
}

export interface FocusState {
  tag: string;
  text: string;
  outlineStyle: string;
  outlineWidth: string;
}

// A string, not a function: the test tsconfig has no DOM types, and this runs in the page.
const FOCUS_SCRIPT = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const label = el.labels && el.labels[0] ? el.labels[0].textContent : '';
  const text = (el.getAttribute('aria-label') || label || el.textContent || el.id || '').trim().slice(0, 40);
  return { tag: el.tagName.toLowerCase() + (el.getAttribute('type') ? '[' + el.getAttribute('type') + ']' : ''), text, outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth };
})()`;

/** What has the keyboard focus and how its outline is drawn; null when nothing has it. */
export async function focusState(page: Page): Promise<FocusState | null> {
  return page.evaluate<FocusState | null>(FOCUS_SCRIPT);
}

export const outlineVisible = (state: FocusState | null): boolean =>
  !!state && state.outlineStyle !== 'none' && state.outlineWidth !== '0px';

/** Presses a key until the focus is on what `wanted` accepts; every stop on the way must show its focus outline. */
export async function tabUntil(page: Page, wanted: (state: FocusState) => boolean, key = 'Tab', limit = 20): Promise<FocusState> {
  const visited: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const state = await focusState(page);
    if (!state) continue;
    visited.push(`${state.tag} "${state.text}"`);
    expect(outlineVisible(state), `focus outline on ${state.tag} "${state.text}": ${state.outlineStyle} ${state.outlineWidth}`).toBe(true);
    if (wanted(state)) return state;
  }
  throw new Error(`${key} never reached the wanted element; visited: ${visited.join(', ')}`);
}
