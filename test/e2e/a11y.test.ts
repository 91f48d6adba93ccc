// axe-core on every main page (pages.ts), signed in as the role that uses it, in Japanese and (a set) in
// English; fails on serious or critical violations. Screenshots of each page at phone and desktop width.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage } from './a11y.js';
import { createA11yFixture, credential, signInContext, type A11yFixture } from './a11y-fixture.js';
import { DESKTOP, describeBrowser, useE2E } from './helpers.js';
import { ENGLISH_PAGES, MAIN_PAGES, resolvePath, type MainPage, type PageRole } from './pages.js';

type Language = 'ja' | 'en';

describeBrowser('e2e: accessibility of every main page (axe-core)', () => {
  const e2e = useE2E();
  let fixture: A11yFixture;
  // One context per role and language, reused by all of its pages.
  const pages = new Map<string, Page>();

  beforeAll(async () => {
    fixture = await createA11yFixture(e2e);
  });
  afterAll(async () => {
    for (const page of pages.values()) await page.context().close();
  });

  async function pageFor(role: PageRole, language: Language): Promise<Page> {
    const key = `${role}.${language}`;
    const existing = pages.get(key);
    if (existing) return existing;
    const context: BrowserContext = await e2e.browser.newContext({ viewport: DESKTOP, locale: language === 'ja' ? 'ja-JP' : 'en-GB', timezoneId: 'Asia/Tokyo', baseURL: e2e.baseUrl });
    context.setDefaultTimeout(10_000);
    if (language === 'en') await context.addInitScript('window.localStorage.setItem("anshin.locale", "en")');
    if (role !== 'anonymous') await signInContext(context, credential(fixture.passwords, role), language === 'en' ? 'en' : undefined);
    const page = await context.newPage();
    page.on('pageerror', (error) => e2e.pageErrors.push(`${page.url()}: ${error.message}`));
    pages.set(key, page);
    return page;
  }

  async function visit(entry: MainPage, language: Language): Promise<Page> {
    const page = await pageFor(entry.role, language);
    await page.goto(resolvePath(entry.path, fixture.ids), { waitUntil: 'networkidle' });
    await page.locator('main h1').first().waitFor({ state: 'visible' });
    expect(await page.evaluate<string>('document.documentElement.lang'), 'the lang attribute follows the UI language').toBe(language);
    return page;
  }

  describe('in Japanese', () => {
    for (const entry of MAIN_PAGES) {
      it(`${entry.name} (${entry.path} as ${entry.role})`, async () => {
        await auditPage(await visit(entry, 'ja'), `a11y-${entry.name}`);
      });
    }
  });

  describe('in English', () => {
    for (const entry of MAIN_PAGES.filter((p) => ENGLISH_PAGES.includes(p.name))) {
      it(`${entry.name} (${entry.path} as ${entry.role})`, async () => {
        await auditPage(await visit(entry, 'en'), `a11y-en-${entry.name}`);
      });
    }
  });

  it('the English page set covers only pages that exist in pages.ts', () => {
    expect(ENGLISH_PAGES.filter((name) => !MAIN_PAGES.some((p) => p.name === name))).toEqual([]);
  });
});
