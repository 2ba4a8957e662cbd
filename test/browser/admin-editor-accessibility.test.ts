// WCAG 2.1 A/AA (axe-core in Chromium) on every admin page an editor and the owner use,
// at 390 and 1280 px, in the states that matter: the report list, the new-report form with
// field errors, the edit form, its preview, history with a diff, the conflict page, the
// media library with an upload refused, and the settings with an error. Each page is also
// saved as test-artifacts/screenshots/admin-<name>-<width>.png for people to look at.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { getEditableReport } from '../../src/store/reports.js';
import { addTestUser, TEST_PASSWORD, type TestUser } from '../support/admin.js';
import { open, screenshotDir, useBrowserSession, withPage } from '../support/browser.js';
import { makeImage } from '../support/media-fixtures.js';
import { axeViolations } from '../support/axe.js';

const session = useBrowserSession();
let owner: Promise<TestUser> | undefined;

async function click(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name }).first().click()]);
}

for (const width of [390, 1280]) {
  test(`has no WCAG 2.1 A/AA violation on the editor, media and settings pages at ${width} px`, async () => {
    const site = session.site.site;
    owner ??= addTestUser(site, { login: 'owner', role: 'owner', displayName: '山川 さくら' });
    const user = await owner;
    await withPage(session.browser, session.site, { viewport: { width, height: 900 } }, async (page, log) => {
      const checked: string[] = [];
      const check = async (name: string, text?: RegExp) => {
        if (text) assert.match(await page.locator('main').innerText(), text, `${name}: what the page shows`);
        assert.deepEqual(await axeViolations(page), [], `${name} at ${width} px`);
        await page.screenshot({ path: join(screenshotDir(), `admin-${name}-${width}.png`), fullPage: true });
        checked.push(name);
      };

      await open(page, '/admin/login');
      await check('login');
      await page.getByLabel('ログイン名').fill('owner');
      await page.getByLabel('パスワード').fill(TEST_PASSWORD);
      await click(page, 'ログイン');
      await check('dashboard');
      for (const name of ['account', 'users', 'audit']) {
        await open(page, `/admin/${name}`);
        await check(name);
      }

      await open(page, '/admin/reports');
      await check('reports');
      await open(page, '/admin/reports/new');
      await page.getByLabel('活動日').fill('2026-11-10');
      await click(page, '下書き保存');
      await check('report-new-errors', /タイトル/);
      assert.ok((await page.locator('[aria-invalid="true"]').count()) > 0, 'the title field is marked invalid');

      await page.getByLabel('タイトル').fill(`街頭演説会(${width})`);
      await page.getByLabel('本文').fill('駅前で街頭演説を行いました。\n\n1 内容\n\n(1)物価高への対応について話しました。');
      await click(page, '下書き保存');
      await page.waitForURL(/\/admin\/reports\/\d+\/edit/);
      const id = Number(/\/reports\/(\d+)\/edit/.exec(page.url())![1]);
      await check('report-edit');
      await click(page, 'プレビュー');
      await check('report-preview', /物価高/);

      await open(page, `/admin/reports/${id}/edit`);
      await page.getByLabel('本文').fill('駅前で街頭演説を行いました。\n\n1 内容\n\n(1)物価高と子育て支援について話しました。');
      await click(page, '下書き保存');
      await open(page, `/admin/reports/${id}/history`);
      await click(page, '比較する');
      await check('report-history', /子育て支援/);

      // Someone else saves while this form is open: the next save here is a conflict.
      await open(page, `/admin/reports/${id}/edit`);
      const current = await getEditableReport(site.db, id);
      await saveReport(
        site,
        { userId: user.id, login: user.login, role: 'owner' },
        {
          reportId: id,
          expectedVersion: current.version,
          title: current.title,
          activityDate: current.activityDate,
          categoryId: null,
          tags: current.tags,
          slug: current.slug,
          summary: '別の画面で書いた概要',
          bodySource: current.bodySource,
        },
      );
      await page.getByLabel('本文').fill('この画面で書いた本文です。');
      await click(page, '下書き保存');
      await check('report-conflict', /この画面で書いた本文です/);

      await open(page, '/admin/media');
      await check('media');
      await page.locator('#field-file').setInputFiles({ name: '資料.pdf', mimeType: 'application/pdf', buffer: Buffer.from('これはPDFではありません') });
      // admin-upload.js sends the form itself and puts a refusal in place without a navigation.
      await page.getByRole('button', { name: '登録する' }).click();
      await page.locator('#field-file[aria-invalid="true"]').waitFor();
      await check('media-upload-error', /PDF/);
      await page.locator('#field-file').setInputFiles({ name: '駅前.png', mimeType: 'image/png', buffer: Buffer.from(await makeImage('png', 300 + width, 200)) });
      await page.getByLabel('代替テキスト(画像は必須)').fill('駅前で演説する様子');
      await click(page, '登録する');
      await check('media-with-image', /駅前/);

      await open(page, '/admin/settings');
      await check('settings');
      await page.getByLabel('1. リンク先').fill('javascript:alert(1)');
      await page.getByLabel('1. 表示名').fill('危ないリンク');
      await click(page, '設定を保存');
      assert.ok((await page.locator('[aria-invalid="true"]').count()) > 0, 'a javascript: link is refused at its field');
      await check('settings-errors');

      assert.equal(checked.length, 16);
      assert.deepEqual(log.pageErrors, []);
    });
  });
}
