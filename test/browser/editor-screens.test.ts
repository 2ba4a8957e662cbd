// The new editor screens of issue 12 in Chromium: the report list with its bulk actions and
// their result, the demo removal page (and its refusal), the dashboard's demo notice, an
// Office attachment with the PDF hint and a refused upload naming the file. Axe (WCAG 2.1
// A/AA) at 390 and 1280 px on each, skip links that reach the form in few Tab presses, and
// the XSS payloads through report titles shown by the bulk result and file names shown by
// an upload refusal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import { axeViolations } from '../support/axe.js';
import { open, pressInAttachmentPanel, useBrowserSession, withPage } from '../support/browser.js';
import { makeDocx } from '../support/office-fixtures.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

const session = useBrowserSession();
let owner: Promise<number> | undefined;

async function logIn(page: Page): Promise<number> {
  owner ??= addTestUser(session.site.site, { login: 'owner', role: 'owner', displayName: '山川 さくら' }).then((u) => u.id);
  const id = await owner;
  await open(page, '/admin/login');
  await page.getByLabel('ログイン名').fill('owner');
  await page.getByLabel('パスワード').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL('**/admin/');
  return id;
}

async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name }).click()]);
}

for (const width of [390, 1280]) {
  test(`the new editor screens have no WCAG 2.1 A/AA violation at ${width} px`, async () => {
    await withPage(session.browser, session.site, { viewport: { width, height: 900 } }, async (page, log) => {
      const check = async (name: string) => assert.deepEqual(await axeViolations(page), [], `${name} at ${width} px`);
      await logIn(page);
      assert.match(await page.content(), /デモの内容が残っています/);
      await check('dashboard with the demo notice');
      await open(page, '/admin/reports');
      await check('report list with bulk actions');
      const boxes = page.locator('input[name="ids"]');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await page.getByLabel('操作', { exact: true }).selectOption('trash');
      await submit(page, '選んだ報告に実行');
      assert.match(await page.content(), /2件の報告を「ゴミ箱へ移動」しました。/);
      await check('bulk result');
      await open(page, '/admin/reports?status=trashed');
      await page.locator('input[name="ids"]').nth(0).check();
      await page.getByLabel('操作', { exact: true }).selectOption('publish');
      await submit(page, '選んだ報告に実行');
      assert.match(await page.content(), /1件はできませんでした/);
      await check('bulk result with a refusal');
      await open(page, '/admin/demo');
      await check('demo removal');
      await submit(page, 'デモの内容をすべて削除する');
      assert.match(await page.content(), /確認のチェックを入れてください/);
      await check('demo removal refused');

      await open(page, '/admin/reports');
      await page.getByRole('link', { name: '新しい報告を書く' }).click();
      await page.waitForURL(/\/admin\/reports\/new\?key=/);
      await page.getByLabel('タイトル').fill(`添付のある報告 ${width}`);
      await page.getByLabel('活動日').fill('2026-11-18');
      await page.getByLabel('本文').fill('1 概要\n\n申込書を添付しました。');
      await submit(page, '下書き保存');
      await page.locator('#field-upload\\.file').setInputFiles({ name: '参加申込書.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(makeDocx()) });
      await page.locator('#field-upload\\.label').fill('参加申込書');
      await pressInAttachmentPanel(page, 'アップロードして添付');
      assert.match(await page.content(), /参加申込書<\/strong>\(Word形式・1KB\)/);
      assert.match(await page.content(), /同じ内容をPDFで保存して/);
      await check('editor with a Word attachment');
      await page.locator('#field-upload\\.file').setInputFiles({ name: 'メモ.txt', mimeType: 'text/plain', buffer: Buffer.from('メモです') });
      await pressInAttachmentPanel(page, 'アップロードして添付');
      assert.match(await page.content(), /「メモ\.txt」：PDF・JPEG・PNG・WebP・Word・Excel・PowerPoint以外のファイル/);
      await check('editor with a refused upload');
      assert.deepEqual(log.pageErrors, []);
    });
  });
}

test('the skip links reach the title field of the editor in three key presses', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await logIn(page);
    await open(page, '/admin/reports/new');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), '入力欄へ移動');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-title');
  });
});

test('XSS payloads in report titles and file names stay text on the bulk result and the upload refusal', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    const userId = await logIn(page);
    const calls: string[] = [];
    const dialogs: string[] = [];
    await page.context().exposeBinding('__xss', (_source, n: unknown) => void calls.push(String(n)));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const actor = { userId, login: 'owner', role: 'owner' as const };
    const payloads = XSS_PAYLOADS.slice(0, 40);
    const ids: number[] = [];
    for (const p of payloads) {
      const saved = await saveReport(session.site.site, actor, {
        title: p.text.slice(0, 200),
        activityDate: '2026-01-02',
        categoryId: null,
        tags: [],
        slug: '',
        summary: '',
        bodySource: '本文。',
      });
      ids.push(saved.id);
    }
    // The bulk form as the list sends it, ticked for every payload report.
    await open(page, '/admin/reports?q=');
    await page.evaluate((reportIds) => {
      const form = document.querySelector('form.report-bulk-form') as HTMLFormElement;
      for (const id of reportIds) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'ids';
        input.value = String(id);
        form.append(input);
      }
    }, ids);
    await page.getByLabel('操作', { exact: true }).selectOption('publish');
    await submit(page, '選んだ報告に実行');
    const text = await page.locator('main').innerText();
    for (const p of payloads) assert.ok(text.includes(p.text.slice(0, 200).trim().split('\n')[0]!.slice(0, 20)), `payload ${p.n} shown as text`);

    await open(page, `/admin/reports/${ids[0]}/edit`);
    for (const p of payloads.slice(0, 12)) {
      const name = `${p.text.replace(/[/\\]/g, '')}.txt`;
      await page.locator('#field-upload\\.file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('x') });
      await pressInAttachmentPanel(page, 'アップロードして添付');
      assert.match(await page.locator('#field-upload\\.file-error').innerText(), /以外のファイルは登録できません/);
    }
    assert.deepEqual(calls, []);
    assert.deepEqual(dialogs, []);
  });
});

// Last in this file: it removes the demo the other tests use.
test('after the owner removes the demo, the public pages still pass axe at 390 and 1280 px', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await logIn(page);
    await open(page, '/admin/demo');
    await page.getByLabel('デモの内容を削除すること、元に戻せないことを確認しました').check();
    await submit(page, 'デモの内容をすべて削除する');
    assert.match(await page.locator('.admin-notice').innerText(), /デモの内容を削除しました/);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'admin-notice');
  });
  for (const width of [390, 1280]) {
    await withPage(session.browser, session.site, { viewport: { width, height: 900 } }, async (page) => {
      for (const path of ['/', '/activity/', '/profile/', '/search']) {
        await open(page, path);
        assert.deepEqual(await axeViolations(page), [], `${path} at ${width} px`);
      }
    });
  }
});
