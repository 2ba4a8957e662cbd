// The admin as the office uses it, in Chromium: the owner writes a report in the text
// format, previews, publishes, finds it on /activity/ and in the feed, edits it, reads the
// diff and restores the first version; a writer's draft goes to review and an editor
// publishes it; a scheduled report appears once its time has come; a save after the session
// ended is kept through logging in again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { publishDueReports } from '../../src/actions/reports/publish-due-reports.js';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import { makeImage, makePdf } from '../support/media-fixtures.js';
import { open, pressInAttachmentPanel, useBrowserSession, withPage, type RunningSite } from '../support/browser.js';

const session = useBrowserSession();
let users: Promise<unknown> | undefined;

/** The owner, an editor and a writer, added once the site runs (the session's hook starts it). */
function addUsers(): Promise<unknown> {
  const site = session.site.site;
  users ??= Promise.all([
    addTestUser(site, { login: 'owner', role: 'owner', displayName: '山川 さくら' }),
    addTestUser(site, { login: 'editor', role: 'editor', displayName: '編集 一郎' }),
    addTestUser(site, { login: 'writer', role: 'writer', displayName: '事務 花子' }),
  ]);
  return users;
}

const BODY = [
  '11月18日、地元の商店街で意見交換会を開きました。',
  '1 意見交換会の概要',
  '(1)商店街振興組合の皆さんと、空き店舗の活用について話し合いました。',
  '(2)子育て世代の来街者を増やす工夫について提案がありました。',
  '2 今後の取組',
  '頂いたご意見は、次の委員会で取り上げます。',
].join('\n\n');

async function logInAs(page: Page, login: string): Promise<void> {
  await addUsers();
  await open(page, '/admin/login');
  await page.getByLabel('ログイン名').fill(login);
  await page.getByLabel('パスワード').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL('**/admin/');
}

interface Draft {
  title: string;
  activityDate: string;
  body: string;
  tags?: string;
}

/** Fills the new-report form and saves it as a draft; returns the report's id. */
async function writeDraft(page: Page, draft: Draft): Promise<number> {
  await open(page, '/admin/reports/new');
  await page.getByLabel('タイトル').fill(draft.title);
  await page.getByLabel('活動日').fill(draft.activityDate);
  await page.getByLabel('カテゴリー').selectOption({ index: 1 });
  await page.getByLabel('タグ').fill(draft.tags ?? '地域、商店街');
  await page.getByLabel('本文').fill(draft.body);
  await page.getByRole('button', { name: '下書き保存' }).click();
  await page.waitForURL(/\/admin\/reports\/\d+\/edit/);
  return Number(/\/reports\/(\d+)\/edit/.exec(page.url())![1]);
}

async function click(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name }).first().click()]);
}

async function publicStatus(site: RunningSite, path: string): Promise<number> {
  return (await site.app.inject({ method: 'GET', url: path })).statusCode;
}

test('writes, previews, publishes, edits, compares and restores a report', async () => {
  await withPage(session.browser, session.site, {}, async (page, log) => {
    await logInAs(page, 'owner');
    const title = '商店街の皆さんとの意見交換会';
    const id = await writeDraft(page, { title, activityDate: '2026-11-18', body: BODY });
    assert.equal(await page.getByLabel('タイトル').inputValue(), title);

    await click(page, 'プレビュー');
    const preview = page.locator('.report-preview');
    assert.match(await preview.locator('section.sec > h2').first().innerText(), /^1\s*意見交換会の概要/);
    assert.match(await preview.innerText(), /\(2\)子育て世代/);

    await click(page, '公開する');
    await open(page, '/activity/');
    const link = page.getByRole('link', { name: title });
    await link.click();
    await page.waitForLoadState('load');
    const publicPath = new URL(page.url()).pathname;
    assert.equal(await page.locator('h1').innerText(), title);
    assert.equal(await page.locator('.report-body section.sec > h2').count(), 2);
    const feed = await (await page.request.get('/feed.xml')).text();
    assert.ok(feed.includes(title), 'the feed lists the report');

    await open(page, `/admin/reports/${id}/edit`);
    await page.getByLabel('本文').fill(BODY.replace('次の委員会', '12月の委員会'));
    await click(page, '保存して公開ページを更新');
    await open(page, publicPath);
    assert.match(await page.locator('main').innerText(), /12月の委員会/);

    await open(page, `/admin/reports/${id}/history`);
    await click(page, '比較する');
    const diff = page.locator('section[aria-labelledby="diff-title"]');
    assert.match(await diff.innerText(), /12月/);
    assert.match(await diff.innerText(), /削除/);
    await click(page, /^版1/);
    // A published report: the restore is confirmed first, and the notice says the live page changed.
    await click(page, /に戻して公開ページを更新/);
    assert.match(await page.locator('.admin-notice').innerText(), /公開ページもこの内容に変わりました/);
    await open(page, publicPath);
    const restored = await page.locator('main').innerText();
    assert.match(restored, /次の委員会/);
    assert.doesNotMatch(restored, /12月の委員会/);
    assert.deepEqual(log.pageErrors, []);
  });
});

test('attaches a PDF and a photo from the edit page and shows them on the published report', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await logInAs(page, 'editor');
    const body = `${BODY}\n\n詳しくは[活動資料](media:活動資料.pdf)をご覧ください。`;
    const id = await writeDraft(page, { title: '県庁での要望活動', activityDate: '2026-11-15', body });
    const upload = page.locator('section[aria-labelledby="upload-title"]');
    await upload.locator('input[type="file"]').setInputFiles({ name: '活動資料.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(2)) });
    await upload.getByLabel('ラベル').fill('活動資料');
    await upload.getByLabel('説明(任意)').fill('要望書の全文です。');
    await pressInAttachmentPanel(page, 'アップロードして添付');
    await page.waitForURL(`**/admin/reports/${id}/edit**`);
    await upload.locator('input[type="file"]').setInputFiles({ name: '要望の様子.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await makeImage('jpeg', 800, 600)) });
    await upload.getByLabel('代替テキスト(画像は必須)').fill('知事に要望書を手渡す様子');
    await pressInAttachmentPanel(page, 'アップロードして添付');
    const attachments = await page.locator('#attachments').innerText();
    assert.match(attachments, /活動資料/);
    assert.match(attachments, /要望の様子/);

    await click(page, '公開する');
    const slug = await page.getByLabel('URL名').inputValue();
    await open(page, `/activity/${slug}/`);
    const pdfLinks = page.getByRole('link', { name: /^活動資料\(PDF形式・\d+(?:\.\d+)?KB・2ページ\)$/ });
    assert.ok((await pdfLinks.count()) >= 1, 'the PDF link shows type, size and pages');
    assert.match(await page.locator('main').innerText(), /要望書の全文です。/);
    const photo = page.locator('main img[alt="知事に要望書を手渡す様子"]');
    assert.ok((await photo.count()) >= 1, 'the photo is shown with its alt text');
    const href = await pdfLinks.first().getAttribute('href');
    const file = await page.request.get(href!);
    assert.equal(file.status(), 200);
    assert.equal(file.headers()['content-type'], 'application/pdf');
  });
});

test("publishes a writer's draft after review by an editor, in two browsers", async () => {
  const title = '子ども食堂の視察';
  const id = await withPage(session.browser, session.site, {}, async (writer) => {
    await logInAs(writer, 'writer');
    const id = await writeDraft(writer, { title, activityDate: '2026-11-17', body: BODY });
    assert.equal(await writer.getByRole('button', { name: '公開する' }).count(), 0, 'a writer cannot publish');
    await click(writer, 'レビューを依頼');
    assert.match(await writer.locator('.report-status-box').innerText(), /レビュー待ち/);
    return id;
  });
  await withPage(session.browser, session.site, {}, async (editor) => {
    await logInAs(editor, 'editor');
    await open(editor, '/admin/reports?status=review');
    await editor.getByRole('link', { name: title }).first().click();
    await editor.waitForURL(`**/admin/reports/${id}/edit`);
    await click(editor, '公開する');
    assert.match(await editor.locator('.report-status-box').innerText(), /公開中/);
  });
  const list = await session.site.app.inject({ method: 'GET', url: '/activity/' });
  // Titles carry <wbr> between phrases (BudouX).
  assert.ok(list.body.replaceAll('<wbr/>', '').includes(title), 'the report is listed on /activity/');
});

test('publishes a scheduled report once its time has come, not before', async () => {
  const site = session.site;
  await withPage(session.browser, site, {}, async (page) => {
    await logInAs(page, 'editor');
    const id = await writeDraft(page, { title: '年末の街頭報告会', activityDate: '2026-11-19', body: BODY });
    // The site's clock stands at 2026-11-20 12:00 in Japan: one hour ahead.
    await page.getByLabel('公開する日時(日本時間)').fill('2026-11-20T13:00');
    await click(page, '予約公開');
    assert.match(await page.locator('.report-status-box').innerText(), /2026年11月20日 13:00\(日本時間\)に公開予定/);
    const slug = await page.getByLabel('URL名').inputValue();
    assert.equal(await publicStatus(site, `/activity/${slug}/`), 404);

    assert.deepEqual(await publishDueReports(site.site), [], 'not published before its time');
    const later = { ...site.site, now: () => new Date('2026-11-20T04:00:30.000Z') };
    assert.deepEqual(await publishDueReports(later), [id]);
    await open(page, `/activity/${slug}/`);
    assert.equal(await page.locator('h1').innerText(), '年末の街頭報告会');
  });
});

test('keeps the text of a save made after the session ended and saves it after logging in again', async () => {
  const site = session.site;
  await withPage(session.browser, site, {}, async (page) => {
    await logInAs(page, 'editor');
    const id = await writeDraft(page, { title: '防災訓練への参加', activityDate: '2026-11-16', body: BODY });
    const edited = `${BODY}\n\n3 追記\n\n避難所の運営について質問がありました。`;
    await page.getByLabel('本文').fill(edited);
    // The session ends while the editor types (idle expiry, revocation from elsewhere).
    await site.site.db.deleteFrom('sessions').execute();
    await click(page, '下書き保存');
    await page.getByLabel('パスワード').fill(TEST_PASSWORD);
    const login = page.getByLabel('ログイン名');
    if ((await login.inputValue()) === '') await login.fill('editor');
    await click(page, 'ログイン');
    assert.equal(await page.locator('h1').innerText(), '保存を続ける');
    await click(page, '保存を続ける');
    await page.waitForURL(`**/admin/reports/${id}/edit**`);
    assert.equal(await page.getByLabel('本文').inputValue(), edited.replace(/\r\n/g, '\n'));
  });
});
