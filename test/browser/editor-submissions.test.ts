// Never publish twice, in Chromium on a slow line (issue 12 item 2): a double click on
// 公開する and saving again after the back button each leave exactly one report, with and
// without JavaScript; after a save, focus is on the notice, and after a refusal on the
// error summary (item 8).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import { open, useBrowserSession, withPage } from '../support/browser.js';

const session = useBrowserSession();
let hasOwner: Promise<unknown> | undefined;

async function logIn(page: Page): Promise<void> {
  hasOwner ??= addTestUser(session.site.site, { login: 'owner', role: 'owner', displayName: '山川 さくら' });
  await hasOwner;
  await open(page, '/admin/login');
  await page.getByLabel('ログイン名').fill('owner');
  await page.getByLabel('パスワード').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL('**/admin/');
}

/** Form posts reach the server only after a pause, as on a slow mobile line. */
async function slowPosts(page: Page): Promise<void> {
  await page.route('**/admin/reports/**', async (route) => {
    if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
}

async function countReports(title: string): Promise<number> {
  const rows = await session.site.site.db.selectFrom('reports').select('id').where('title', '=', title).execute();
  return rows.length;
}

async function fillNew(page: Page, title: string): Promise<void> {
  await open(page, '/admin/reports/new');
  await fillNewFields(page, title);
}

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

  test(`a double click on 公開する on a slow line publishes one report (${how})`, async () => {
    await withPage(session.browser, session.site, { javaScriptEnabled }, async (page, log) => {
      await logIn(page);
      await slowPosts(page);
      const title = `二度押しの報告 ${how}`;
      await fillNew(page, title);
      await page.getByRole('button', { name: '公開する' }).dblclick();
      await page.waitForURL(/\/admin\/reports\/\d+\/edit\?notice=report-published/);
      await page.waitForLoadState('load');
      assert.equal(await countReports(title), 1);
      assert.deepEqual(log.pageErrors, []);
    });
  });

  test(`going back to the sent form and saving again leads to the same report (${how})`, async () => {
    await withPage(session.browser, session.site, { javaScriptEnabled }, async (page) => {
      await logIn(page);
      const title = `戻って保存した報告 ${how}`;
      // Typed into the address bar with JavaScript (the script puts the key into the address),
      // through the 新しい報告 link without (the link carries the key).
      if (javaScriptEnabled) await open(page, '/admin/reports/new');
      else {
        await open(page, '/admin/reports');
        await Promise.all([page.waitForURL(/\/admin\/reports\/new\?key=/), page.getByRole('link', { name: '新しい報告' }).first().click()]);
      }
      await fillNewFields(page, title);
      await page.getByRole('button', { name: '公開する' }).click();
      await page.waitForURL(/\/admin\/reports\/\d+\/edit/);
      const first = page.url().split('?')[0];
      await page.goBack({ waitUntil: 'load' });
      if (/\/admin\/reports\/new/.test(page.url())) {
        // The form as the browser kept it: saving it again must not make a second report.
        if ((await page.getByLabel('タイトル').inputValue()) === '') await fillNewFields(page, title);
        await page.getByRole('button', { name: '公開する' }).click();
        await page.waitForURL(/\/admin\/reports\/\d+\/edit/);
      } else {
        assert.match(await page.locator('.admin-notice').innerText(), /すでに保存されています/);
      }
      assert.equal(page.url().split('?')[0], first);
      assert.equal(await countReports(title), 1);
    });
  });
}

async function fillNewFields(page: Page, title: string): Promise<void> {
  await page.getByLabel('タイトル').fill(title);
  await page.getByLabel('活動日').fill('2026-11-18');
  await page.getByLabel('本文').fill('1 概要\n\n商店街で意見交換会を開きました。');
}

test('after a save focus is on the notice, after a refusal on the error summary', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await logIn(page);
    await open(page, '/admin/reports/new');
    await page.getByRole('button', { name: '下書き保存' }).click();
    await page.waitForLoadState('load');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
    await fillNewFields(page, 'フォーカスの確認');
    await page.getByRole('button', { name: '下書き保存' }).click();
    await page.waitForURL(/notice=report-saved/);
    await page.waitForLoadState('load');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'admin-notice');
  });
});

test('while a save is on its way the form’s buttons are disabled, and the pressed one was sent', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await logIn(page);
    await slowPosts(page);
    const title = '送信中の報告';
    await fillNew(page, title);
    // What the page itself sees shortly after the submit, reported before it is replaced.
    const seen: boolean[][] = [];
    await page.exposeBinding('reportButtons', (_source, states: boolean[]) => void seen.push(states));
    await page.evaluate(() => {
      const form = document.querySelector('form.report-form') as HTMLFormElement;
      form.addEventListener('submit', () => {
        setTimeout(() => {
          // The form's buttons stand under it, joined by their form attribute (editor-grid.tsx).
          const buttons = Array.from(form.elements).filter((el): el is HTMLButtonElement => el instanceof HTMLButtonElement && el.type === 'submit');
          (window as unknown as { reportButtons: (s: boolean[]) => void }).reportButtons(buttons.map((b) => b.disabled));
        }, 50);
      });
    });
    await Promise.all([page.waitForURL(/notice=report-published/), page.getByRole('button', { name: '公開する' }).click()]);
    assert.equal(seen.length, 1);
    assert.ok(seen[0]!.length > 1 && seen[0]!.every(Boolean), `buttons disabled while sending: ${JSON.stringify(seen)}`);
    assert.equal(await countReports(title), 1);
  });
});
