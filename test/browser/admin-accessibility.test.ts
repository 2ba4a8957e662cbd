// WCAG 2.1 A/AA (axe-core in Chromium) on the account pages of the admin: login, login with
// errors, dashboard, account, users (with and without field errors) and the audit log.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import { open, useBrowserSession, withPage } from '../support/browser.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const session = useBrowserSession();
let hasOwner = false;

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, WCAG_TAGS);
}

for (const width of [390, 1280]) {
  test(`has no WCAG 2.1 A/AA violation on the admin account pages at ${width} px`, async () => {
    if (!hasOwner) await addTestUser(session.site.site, { login: 'owner', role: 'owner', displayName: '山川 さくら' });
    hasOwner = true;
    await withPage(session.browser, session.site, { viewport: { width, height: 900 } }, async (page, log) => {
      const check = async (name: string) => assert.deepEqual(await axeViolations(page), [], `${name} at ${width} px`);
      await open(page, '/admin/login');
      await check('login');
      await page.getByLabel('ログイン名').fill('owner');
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.waitForLoadState('load');
      await check('login with an error');
      await page.getByLabel('パスワード').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.waitForURL('**/admin/');
      await check('dashboard');
      for (const path of ['/admin/account', '/admin/audit', '/admin/users']) {
        await open(page, path);
        await check(path);
      }
      await page.getByLabel('ログイン名', { exact: false }).first().fill('Bad Login');
      await page.getByRole('button', { name: '追加する' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.content(), /入力内容を確認してください/);
      await check('users with field errors');
      assert.deepEqual(log.pageErrors, []);
    });
  });
}
