// Fixed pages in Debian Chromium: an editor creates 政策 with a child page in the admin,
// publishes both, opens them on the public site, and finds the child with site search.
// The page editor (with field errors) and the public pages pass axe (WCAG 2.1 A/AA) and
// the Nu HTML Checker.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import { open, pressInAttachmentPanel, useBrowserSession, withPage } from '../support/browser.js';
import { formatVnuMessage, validateHtml } from '../support/vnu.js';
import { axeViolations } from '../support/axe.js';
import { makePdf } from '../support/media-fixtures.js';

const session = useBrowserSession();

async function click(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name }).first().click()]);
}

test('an editor creates 政策 with a child page, publishes them, and readers open and find them', async () => {
  await addTestUser(session.site.site, { login: 'pages-editor', role: 'editor', displayName: '秘書 一郎' });
  const documents: Record<string, string> = {};
  await withPage(session.browser, session.site, { viewport: { width: 390, height: 844 } }, async (page) => {
    await open(page, '/admin/login');
    await page.getByLabel('ログイン名').fill('pages-editor');
    await page.getByLabel('パスワード').fill(TEST_PASSWORD);
    await click(page, 'ログイン');

    await page.getByRole('link', { name: '固定ページ' }).first().click();
    await page.getByRole('link', { name: '新しいページ' }).click();
    // A reserved address is refused at its field, the typed title kept.
    await page.getByLabel('タイトル').fill('政策');
    await page.getByLabel('URL名').fill('search');
    await click(page, '下書き保存');
    assert.match(await page.locator('#field-slug-error').innerText(), /すでに使っている/);
    assert.equal(await page.getByLabel('タイトル').inputValue(), '政策');
    assert.deepEqual(await axeViolations(page), [], 'page editor with an error');
    documents['admin page editor'] = await page.content();

    await page.getByLabel('URL名').fill('政策');
    await page.getByLabel('本文').fill('1 基本方針\n暮らしと子育てを支えます。');
    await click(page, '下書き保存');
    await click(page, '公開する');
    assert.match(await page.locator('main').innerText(), /公開しました/);
    // The stored page has the report's attachment forms: a PDF uploaded here is listed under the public page.
    await page.locator('#field-upload\\.file').setInputFiles({ name: 'policy.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(2)) });
    await page.locator('#field-upload\\.label').fill('政策集');
    await pressInAttachmentPanel(page, 'アップロードして添付');
    assert.match(await page.locator('#attachments').innerText(), /政策集/);
    assert.deepEqual(await axeViolations(page), [], 'page editor with an attachment');
    documents['admin page editor with an attachment'] = await page.content();

    await open(page, '/admin/pages/new');
    await page.getByLabel('タイトル').fill('子育て支援');
    await page.getByLabel('URL名').fill('kosodate');
    // The demo site has its own 政策 (listed first): choose the one made above, the last of that name.
    const parentValue = await page
      .getByLabel('親ページ')
      .locator('option', { hasText: /^政策$/ })
      .last()
      .getAttribute('value');
    await page.getByLabel('親ページ').selectOption(parentValue!);
    await page.getByLabel('本文').fill('保育所の待機児童をなくします。');
    await click(page, '下書き保存');
    await click(page, '公開する');

    await open(page, `/${encodeURIComponent('政策')}/`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), '政策');
    assert.match(await page.getByRole('region', { name: '添付資料' }).innerText(), /政策集\(PDF形式/);
    assert.deepEqual(await axeViolations(page), [], 'public page');
    documents['public page'] = await page.content();
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '子育て支援' }).click()]);
    assert.equal(new URL(page.url()).pathname, `/${encodeURIComponent('政策')}/kosodate/`);
    assert.match(await page.getByRole('navigation', { name: '現在位置' }).innerText(), /政策/);
    assert.deepEqual(await axeViolations(page), [], 'child page');
    documents['child page'] = await page.content();

    await open(page, '/search');
    const form = page.getByRole('search', { name: '検索条件' });
    await form.getByLabel('検索語').fill('待機児童');
    await form.getByLabel('対象', { exact: true }).selectOption({ label: 'ページ' });
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), form.getByRole('button', { name: '検索' }).click()]);
    assert.match(page.url(), /kind=page/);
    assert.match(await page.locator('main').innerText(), /子育て支援/);
    assert.deepEqual(await axeViolations(page), [], 'search with pages');
    documents['search with pages'] = await page.content();
  });
  const errors = (await validateHtml(documents)).filter((m) => m.type !== 'info');
  assert.equal(errors.length, 0, `Nu HTML Checker errors:\n${errors.map(formatVnuMessage).join('\n')}`);
});
