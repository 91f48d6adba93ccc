// Journey: an auditor opens the accountability ledger, reads its size and signed checkpoint, browses
// the entries, downloads a receipt and verifies it — and sees an altered receipt refused.
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { appendLedgerEvents } from '../../src/modules/ledger/ledger.service.js';
import { createUser, type TestUser } from '../helpers/app.js';
import { describeBrowser, journey, newPage, seen, signIn, useE2E } from './helpers.js';

describeBrowser('e2e: the accountability ledger', () => {
  const e2e = useE2E();
  let page: Page;
  const step = journey(() => page);
  let auditor: TestUser;
  let receipt = '';

  beforeAll(async () => {
    auditor = await createUser(e2e, { email: 'reviewer@audit.example.jp', roles: ['auditor'] });
    await e2e.db.transaction().execute((trx) => appendLedgerEvents(trx, [
      { type: 'sighting', actor: null, object: 'indicator--0b7f6f3e-3c1a-4d8e-9a44-8f1c2b7d5e60', count: 3 },
      { type: 'object_deleted', actor: null, collection: 'c', object: 'indicator--0b7f6f3e-3c1a-4d8e-9a44-8f1c2b7d5e60', versions: 1 },
    ]));
    page = await newPage(e2e);
  });

  const main = () => page.locator('main');

  step('an auditor finds 台帳 in the navigation, with the size and the signed checkpoint', async () => {
    await signIn(page, auditor);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '台帳' }).click();
    await seen(page.getByRole('heading', { name: '説明責任台帳', level: 1 }));
    expect(await seen(main().getByTestId('ledger-size'))).toBe('3');
    expect(await main().getByLabel('最新のチェックポイント（署名付き）').textContent()).toMatch(/^([\w.:-]+)\/ledger\n3\n\S{44}\n\n— \1\/ledger \S+\n$/);
  });

  step('the entries are listed newest first, and can be filtered by type', async () => {
    const rows = main().getByRole('region', { name: '閲覧できる記録' }).getByRole('row');
    await seen(rows.nth(1));
    expect(await rows.nth(1).textContent()).toContain('オブジェクトの削除');
    expect(await rows.nth(3).textContent()).toContain('台帳の鍵の変更');
    await main().getByLabel('種類').selectOption({ label: '観測報告' });
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain('観測報告');
  });

  step('a downloaded receipt verifies, and an altered one is refused with the reason', async () => {
    const link = main().getByRole('link', { name: '記録 1 の受領証をダウンロード' });
    const href = await link.getAttribute('href');
    expect(href).toBe('/api/ledger/entries/1/receipt');
    const response = await page.request.get(`${e2e.baseUrl}${href}`);
    receipt = await response.text();
    const verify = main().getByRole('region', { name: '受領証の検証' });
    await verify.getByLabel('受領証（JSON）').fill(receipt);
    await verify.getByRole('button', { name: '検証する' }).click();
    expect(await seen(verify.getByRole('status').locator('.alert'))).toBe('有効な受領証です: 記録 1 は 3 件のチェックポイントに含まれ、現在の台帳（3 件）と整合しています。');
    await verify.getByLabel('受領証（JSON）').fill(receipt.replace('\\"count\\":3', '\\"count\\":30'));
    await verify.getByRole('button', { name: '検証する' }).click();
    expect(await seen(verify.getByRole('alert'))).toBe('無効な受領証です: entry 1: the leaf does not hash to leaf_hash');
    await verify.getByLabel('受領証（JSON）').fill('{');
    await verify.getByRole('button', { name: '検証する' }).click();
    expect(await seen(verify.getByRole('alert'))).toBe('受領証が JSON として読み取れません。');
  });
});
