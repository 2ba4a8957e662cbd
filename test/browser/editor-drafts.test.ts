// Never lose typed work, in Chromium (issue 12 item 1) and readable history (item 7): the
// editor autosaves while typing and offers the text back after the tab was closed; leaving
// with unsaved changes asks first, saving does not; a 3 MB paste gets the in-form message
// with every field kept; the diff is readable at 390 px and a published report's restore is
// confirmed. Axe at 390 and 1280 px on the new states; XSS payloads through the restore.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import { axeViolations } from '../support/axe.js';
import { open, pressInAttachmentPanel, useBrowserSession, VIEWPORTS, withPage } from '../support/browser.js';
import { makePdf } from '../support/media-fixtures.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

const session = useBrowserSession();
let hasUser: Promise<unknown> | undefined;

async function logIn(page: Page): Promise<void> {
  hasUser ??= addTestUser(session.site.site, { login: 'drafts', role: 'editor', displayName: '秘書 下書き' });
  await hasUser;
  await open(page, '/admin/login');
  await page.getByLabel('ログイン名').fill('drafts');
  await page.getByLabel('パスワード').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL('**/admin/');
}

/** Logs in and opens a new report form with its title and activity date filled. */
async function startReport(page: Page, title: string, activityDate: string): Promise<void> {
  await logIn(page);
  await open(page, '/admin/reports/new');
  await page.getByLabel('タイトル').fill(title);
  await page.getByLabel('活動日').fill(activityDate);
}

async function axeAtBothWidths(page: Page, what: string): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    assert.deepEqual(await axeViolations(page), [], `${what} at ${viewport.width} px`);
  }
}

test('text typed and never saved is offered back after the tab was closed, payloads as text', async () => {
  await withPage(session.browser, session.site, {}, async (page, log) => {
    const calls: string[] = [];
    await page.context().exposeBinding('__xss', (_source, n: unknown) => calls.push(String(n)));
    await logIn(page);
    await open(page, '/admin/reports/new');
    const body = `1 書きかけ\n\n途中まで書いた本文。\n${XSS_PAYLOADS.map((p) => p.text).join('\n')}`;
    await page.getByLabel('タイトル').fill('閉じたタブの報告 <img src=x onerror=__xss(0)>');
    await page.getByLabel('活動日').fill('2026-11-01');
    await page.getByLabel('本文').fill(body);
    await page.getByText(/入力内容を自動保存しました/).waitFor();
    await page.close({ runBeforeUnload: false });

    const again = await page.context().newPage();
    await open(again, '/admin/reports/new');
    await again.getByRole('heading', { name: /保存されていない下書きがあります(.+)。復元しますか/ }).waitFor();
    await axeAtBothWidths(again, 'the autosave offer');
    await again.getByRole('link', { name: '復元する' }).click();
    await again.getByText('自動保存された下書きを復元しました').waitFor();
    assert.equal(await again.getByLabel('タイトル').inputValue(), '閉じたタブの報告 <img src=x onerror=__xss(0)>');
    assert.equal(await again.getByLabel('本文').inputValue(), body);
    assert.equal(await again.getByLabel('活動日').inputValue(), '2026-11-01');
    await axeAtBothWidths(again, 'the restored form');
    await again.getByRole('button', { name: '下書き保存' }).click();
    await again.waitForURL(/\/admin\/reports\/\d+\/edit\?notice=report-saved/);
    assert.equal(await again.locator('.autosave-offer').count(), 0, 'the save removed the slot');
    assert.deepEqual(calls, []);
    assert.deepEqual(log.pageErrors, []);
  });
});

test('leaving with unsaved changes asks first; saving does not', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await startReport(page, '離れる前の報告', '2026-11-02');
    await page.getByLabel('本文').pressSequentially('まだ保存していない本文。');
    const dialogs: string[] = [];
    const asked = page.waitForEvent('dialog');
    const leaving = page.getByRole('link', { name: '活動報告の一覧へ' }).click({ noWaitAfter: true });
    const dialog = await asked;
    dialogs.push(dialog.type());
    await dialog.dismiss();
    await leaving;
    assert.deepEqual(dialogs, ['beforeunload']);
    assert.match(page.url(), /\/admin\/reports\/new/);
    assert.equal(await page.getByLabel('本文').inputValue(), 'まだ保存していない本文。');

    page.on('dialog', (dialog) => {
      dialogs.push(`after save: ${dialog.type()}`);
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: '下書き保存' }).click();
    await page.waitForURL(/\/admin\/reports\/\d+\/edit\?notice=report-saved/);
    assert.deepEqual(dialogs, ['beforeunload']);
  });
});

test('a 3 MB paste keeps every field and shows the message at the body field', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await startReport(page, '長すぎる貼り付け', '2026-11-03');
    await page.getByLabel('概要').fill('概要は残る');
    // A paste: the whole text arrives at once (1,000,000 characters, 3 MB of UTF-8).
    await page.getByLabel('本文').evaluate((field: HTMLTextAreaElement) => {
      field.value = 'あ'.repeat(1_000_000);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByRole('button', { name: '下書き保存' }).click();
    await page.locator('#field-bodySource-error').waitFor();
    assert.match(await page.locator('#field-bodySource-error').innerText(), /本文が長すぎます\(上限200,000文字\)/);
    assert.equal(await page.getByLabel('タイトル').inputValue(), '長すぎる貼り付け');
    assert.equal(await page.getByLabel('活動日').inputValue(), '2026-11-03');
    assert.equal(await page.getByLabel('概要').inputValue(), '概要は残る');
    assert.equal((await page.getByLabel('本文').inputValue()).length, 1_000_000);
  });
});

test('a diff is readable at 390 px and restoring a published report is confirmed first', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await startReport(page, '履歴を見る報告', '2026-11-04');
    await page.getByLabel('本文').fill('1 概要\n\n委員会で質問した。答弁は前向きだった。');
    await page.getByRole('button', { name: '公開する' }).click();
    await page.waitForURL(/\/admin\/reports\/\d+\/edit\?notice=report-published/);
    await page.getByLabel('本文').fill('1 概要\n\n予算委員会で質問した。答弁は前向きで、来年度に調査が始まる見込みだ。');
    await page.getByRole('button', { name: '保存して公開ページを更新' }).click();
    await page.waitForURL(/notice=report-saved-live/);
    await page.getByRole('link', { name: '変更履歴を見る' }).click();
    await page.getByRole('button', { name: '比較する' }).click();
    await page.locator('.diff-body').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page
      .locator('.diff-body .diff-text')
      .first()
      .evaluate((cell) => cell.getBoundingClientRect().width);
    assert.ok(width > 250, `the changed text gets the screen's width at 390 px (${width} px)`);
    await axeAtBothWidths(page, 'the history with a diff');
    assert.equal(await page.getByRole('button', { name: /に戻す/ }).count(), 1, 'only the older version can be restored');

    await page.getByRole('button', { name: /に戻す/ }).click();
    await page.getByRole('heading', { name: /公開中の報告を版\d+に戻しますか/ }).waitFor();
    await axeAtBothWidths(page, 'the restore confirmation');
    await page.getByRole('button', { name: /に戻して公開ページを更新/ }).click();
    await page.waitForURL(/notice=revision-restored-live/);
    assert.match(await page.locator('.admin-notice').innerText(), /公開ページもこの内容に変わりました/);
  });
});

test('an upload on a slow line keeps the text being typed, and the list updates in place', async () => {
  await withPage(session.browser, session.site, {}, async (page, log) => {
    await startReport(page, '写真を足す報告', '2026-11-05');
    await page.getByLabel('本文').fill('最初の本文。');
    await page.getByRole('button', { name: '下書き保存' }).click();
    await page.waitForURL(/\/admin\/reports\/\d+\/edit\?notice=report-saved/);
    const editUrl = page.url();
    await page.route('**/attachments/upload', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.getByLabel('本文').fill('最初の本文。\n\nアップロードの前に書き足した、まだ保存していない文。');
    await page.locator('#field-upload\\.file').setInputFiles({ name: '資料.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(1)) });
    await page.locator('#field-upload\\.label').fill('視察の資料');
    await pressInAttachmentPanel(page, 'アップロードして添付');
    assert.match(await page.locator('#attachments').innerText(), /視察の資料/);
    assert.equal(page.url(), editUrl, 'the page was not left');
    assert.equal(await page.getByLabel('本文').inputValue(), '最初の本文。\n\nアップロードの前に書き足した、まだ保存していない文。');
    await axeAtBothWidths(page, 'the editor after an upload in place');
    // The text is saved afterwards as usual, with the attachment listed.
    await page.getByRole('button', { name: '下書き保存' }).click();
    await page.waitForURL(/notice=report-saved/);
    assert.match(await page.getByLabel('本文').inputValue(), /まだ保存していない文/);
    assert.deepEqual(log.pageErrors, []);
  });
});
