// Bulk actions of the report list (issue 12 item 6): tick several reports and trash, restore,
// publish or re-categorise them; each goes through its own action, so a refused report is
// named with its reason and the others are done.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getEditableReport } from '../../src/store/reports.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { addCategory, setSettings } from '../support/factories.js';

let t: TestApp;
let editor: AdminAgent;
let writer: AdminAgent;
let categoryId: number;

before(async () => {
  t = await createTestApp({ seed: setSettings });
  categoryId = (await addCategory(t.site, 'local', '地元活動')).id;
  await addTestUser(t.site, { login: 'editor', role: 'editor' });
  await addTestUser(t.site, { login: 'writer', role: 'writer' });
  [editor, writer] = [await logIn(t.app, 'editor'), await logIn(t.app, 'writer')];
});
after(() => t.close());

let counter = 0;
async function draft(agent: AdminAgent, title = `一括操作の報告${++counter}`): Promise<number> {
  const response = await agent.post('/admin/reports/new', { title, activityDate: '2026-10-01', slug: '', bodySource: '1 概要\n\n本文。', intent: 'save' });
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  return Number(/\/admin\/reports\/(\d+)\/edit/.exec(String(response.headers.location))![1]);
}

const status = async (id: number) => (await getEditableReport(t.site.db, id)).status;

test('the list offers a checkbox per report and the actions the role may use', async () => {
  await draft(editor);
  const list = await editor.get('/admin/reports');
  assert.match(list.body, /<input type="checkbox" name="ids" value="\d+" id="select-\d+" aria-label="「一括操作の報告\d+」を選択"\/>/);
  assert.match(list.body, /<option value="publish">公開する<\/option>/);
  const writers = await writer.get('/admin/reports');
  assert.doesNotMatch(writers.body, /<option value="publish">/);
});

test('publishes several drafts at once and names the one that cannot be published', async () => {
  const ids = [await draft(editor), await draft(editor), await draft(editor)];
  await editor.post('/admin/reports/bulk', { ids: String(ids[2]), bulkAction: 'trash', returnTo: '/admin/reports' });
  assert.equal(await status(ids[2]!), 'trashed');
  const response = await editor.post('/admin/reports/bulk', { ids: ids.map(String), bulkAction: 'publish', returnTo: '/admin/reports?status=draft' });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /2件の報告を「公開する」しました。/);
  assert.match(response.body, /1件はできませんでした/);
  assert.match(response.body, new RegExp(`href="/admin/reports/${ids[2]}/edit">一括操作の報告\\d+</a>:[^<]+`));
  assert.match(response.body, /href="\/admin\/reports\?status=draft">活動報告の一覧へ戻る/);
  assert.deepEqual([await status(ids[0]!), await status(ids[1]!), await status(ids[2]!)], ['published', 'published', 'trashed']);
});

test('trashes and restores several reports, and moves them to another category', async () => {
  const ids = [await draft(editor), await draft(editor)];
  await editor.post('/admin/reports/bulk', { ids: ids.map(String), bulkAction: 'trash', returnTo: '/admin/reports' });
  assert.deepEqual([await status(ids[0]!), await status(ids[1]!)], ['trashed', 'trashed']);
  await editor.post('/admin/reports/bulk', { ids: ids.map(String), bulkAction: 'restore', returnTo: '/admin/reports' });
  assert.deepEqual([await status(ids[0]!), await status(ids[1]!)], ['draft', 'draft']);
  const moved = await editor.post('/admin/reports/bulk', { ids: ids.map(String), bulkAction: 'category', categoryId: String(categoryId), returnTo: '/admin/reports' });
  assert.match(moved.body, /2件の報告を「カテゴリーを変更」しました。/);
  for (const id of ids) assert.equal((await getEditableReport(t.site.db, id)).category?.id, categoryId);
});

test('a writer re-categorises their own draft, not another person’s report, and cannot publish in bulk', async () => {
  const own = await draft(writer, '執筆者の下書き');
  const others = await draft(editor, '編集者の下書き');
  const response = await writer.post('/admin/reports/bulk', {
    ids: [String(own), String(others)],
    bulkAction: 'category',
    categoryId: String(categoryId),
    returnTo: '/admin/reports',
  });
  assert.match(response.body, /1件の報告を「カテゴリーを変更」しました。/);
  assert.match(response.body, /自分が作成した報告だけを開けます。/);
  assert.doesNotMatch(response.body, /編集者の下書き/, 'another person’s title is not shown to a writer');
  assert.equal((await getEditableReport(t.site.db, own)).category?.id, categoryId);
  assert.equal((await getEditableReport(t.site.db, others)).category, null);
  const publish = await writer.post('/admin/reports/bulk', { ids: String(own), bulkAction: 'publish', returnTo: '/admin/reports' });
  assert.equal(publish.statusCode, 303);
  assert.equal(await status(own), 'draft');
});

test('a bulk post without the CSRF token changes nothing; a foreign return address is not followed', async () => {
  const id = await draft(editor);
  assert.equal((await editor.post('/admin/reports/bulk', { ids: String(id), bulkAction: 'trash' }, { csrf: false })).statusCode, 403);
  assert.equal(await status(id), 'draft');
  const response = await editor.post('/admin/reports/bulk', { ids: String(id), bulkAction: 'trash', returnTo: 'https://evil.example/' });
  assert.match(response.body, /href="\/admin\/reports">活動報告の一覧へ戻る/);
});
