// WCAG 2.1 A/AA (axe-core in Chromium) on the account pages of the admin: login, login with
// errors, dashboard, account, users (with and without field errors) and the audit log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import { open, useBrowserSession, withPage } from '../support/browser.js';
import { axeViolations } from '../support/axe.js';

const session = useBrowserSession();
let hasOwner = false;

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
