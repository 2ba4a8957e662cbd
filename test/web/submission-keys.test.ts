// Never publish twice (issue 12 item 2): every rendered report and page form carries a
// one-time submission key; a post repeating it — a double click, back-then-save, a retry —
// is sent where the first one went instead of creating a second report or page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { setSettings } from '../support/factories.js';

let t: TestApp;
let editor: AdminAgent;
let other: AdminAgent;

before(async () => {
  t = await createTestApp({ seed: setSettings });
  await addTestUser(t.site, { login: 'editor', role: 'editor' });
  await addTestUser(t.site, { login: 'other', role: 'editor' });
  editor = await logIn(t.app, 'editor');
  other = await logIn(t.app, 'other');
});
after(() => t.close());

async function keyOf(agent: AdminAgent, url: string): Promise<string> {
  const page = await agent.get(url);
  assert.equal(page.statusCode, 200);
  const key = /name="submissionKey" value="([A-Za-z0-9_-]+)"/.exec(page.body)?.[1];
  assert.ok(key, `${url} carries a submission key`);
  return key;
}

async function countReports(title: string): Promise<number> {
  const row = await t.site.db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const report = (title: string, submissionKey: string, intent = 'publish') => ({
  title,
  activityDate: '2026-10-01',
  slug: '',
  bodySource: '1 概要\n\n本文。',
  intent,
  submissionKey,
});

test('each rendered report form carries a fresh key', async () => {
  const first = await keyOf(editor, '/admin/reports/new');
  const second = await keyOf(editor, '/admin/reports/new');
  assert.notEqual(first, second);
});

test('a second 公開する with the same key creates nothing and leads to the first report', async () => {
  const key = await keyOf(editor, '/admin/reports/new');
  const first = await editor.post('/admin/reports/new', report('二度押しの報告', key));
  const second = await editor.post('/admin/reports/new', report('二度押しの報告', key));
  assert.equal(first.statusCode, 303);
  assert.equal(second.statusCode, 303);
  assert.match(String(first.headers.location), /^\/admin\/reports\/\d+\/edit\?notice=report-published/);
  assert.equal(second.headers.location, first.headers.location);
  assert.equal(await countReports('二度押しの報告'), 1);
});

test('two identical posts sent at once create exactly one report', async () => {
  const key = await keyOf(editor, '/admin/reports/new');
  const answers = await Promise.all([1, 2, 3].map(() => editor.post('/admin/reports/new', report('同時送信の報告', key))));
  assert.deepEqual(
    answers.map((a) => a.statusCode),
    [303, 303, 303],
  );
  assert.equal(new Set(answers.map((a) => a.headers.location)).size, 1);
  assert.equal(await countReports('同時送信の報告'), 1);
});

test('a refused post gives its key back: the corrected form goes through once', async () => {
  const key = await keyOf(editor, '/admin/reports/new');
  const refused = await editor.post('/admin/reports/new', report('', key));
  assert.equal(refused.statusCode, 422);
  const corrected = await editor.post('/admin/reports/new', report('直した報告', key));
  assert.equal(corrected.statusCode, 303);
  const again = await editor.post('/admin/reports/new', report('直した報告', key));
  assert.equal(again.headers.location, corrected.headers.location);
  assert.equal(await countReports('直した報告'), 1);
});

test('the preview button spends no key', async () => {
  const key = await keyOf(editor, '/admin/reports/new');
  const preview = await editor.post('/admin/reports/new', report('プレビュー後の報告', key, 'preview'));
  assert.equal(preview.statusCode, 200);
  const saved = await editor.post('/admin/reports/new', report('プレビュー後の報告', key, 'save'));
  assert.equal(saved.statusCode, 303);
  assert.equal(await countReports('プレビュー後の報告'), 1);
});

test('keys belong to their user: the same key from another account is its own submission', async () => {
  const key = await keyOf(editor, '/admin/reports/new');
  await editor.post('/admin/reports/new', report('共有キーの報告', key, 'save'));
  const theirs = await other.post('/admin/reports/new', report('共有キーの報告', key, 'save'));
  assert.equal(theirs.statusCode, 303);
  assert.equal(await countReports('共有キーの報告'), 2);
});

test('saving an existing report twice with one key saves once', async () => {
  const created = await editor.post('/admin/reports/new', report('編集の二度押し', await keyOf(editor, '/admin/reports/new'), 'save'));
  const editUrl = String(created.headers.location).split('?')[0]!;
  const page = await editor.get(editUrl);
  const key = await keyOf(editor, editUrl);
  const version = /name="expectedVersion" value="(\d+)"/.exec(page.body)![1]!;
  const form = { ...report('編集の二度押し', key, 'publish'), bodySource: '1 概要\n\n直した本文。', expectedVersion: version };
  const [a, b] = await Promise.all([editor.post(`${editUrl}`, form), editor.post(`${editUrl}`, form)]);
  assert.deepEqual([a.statusCode, b.statusCode], [303, 303]);
  assert.equal(a.headers.location, b.headers.location);
  const revisions = await t.site.db
    .selectFrom('revisions')
    .select('id')
    .where('report_id', '=', Number(/\/(\d+)\//.exec(editUrl)![1]))
    .execute();
  assert.equal(revisions.length, 2);
});

test('a double submit of a new fixed page creates one page', async () => {
  const key = await keyOf(editor, '/admin/pages/new');
  const page = { title: '事務所のご案内', slug: 'office-once', parentId: '', position: '0', summary: '', bodySource: '本文。', intent: 'publish', submissionKey: key };
  const answers = await Promise.all([editor.post('/admin/pages/new', page), editor.post('/admin/pages/new', page)]);
  assert.deepEqual(
    answers.map((a) => a.statusCode),
    [303, 303],
  );
  assert.equal(answers[0]!.headers.location, answers[1]!.headers.location);
  const rows = await t.site.db.selectFrom('pages').select('id').where('slug', '=', 'office-once').execute();
  assert.equal(rows.length, 1);
});

test('the 新しい報告 link carries a key the form keeps; opening that form again after it was sent leads to what it made', async () => {
  const list = await editor.get('/admin/reports');
  const href = /href="(\/admin\/reports\/new\?key=[A-Za-z0-9_-]+)"/.exec(list.body)?.[1];
  assert.ok(href, 'the list links to a new form with a key');
  const key = href.split('key=')[1]!;
  assert.equal(await keyOf(editor, href), key);
  const sent = await editor.post('/admin/reports/new', report('リンクから書いた報告', key, 'save'));
  const again = await editor.get(href);
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, `${String(sent.headers.location).split('?')[0]}?notice=form-already-sent`);
  const shown = await editor.get(String(again.headers.location));
  assert.match(shown.body, /この入力画面の内容はすでに保存されています/);
  assert.equal(await countReports('リンクから書いた報告'), 1);
});

test('another user opening a link with someone else’s sent key gets a form of their own', async () => {
  const key = await keyOf(editor, '/admin/reports/new');
  await editor.post('/admin/reports/new', report('他人のキー', key, 'save'));
  const theirs = await other.get(`/admin/reports/new?key=${key}`);
  assert.equal(theirs.statusCode, 200);
});
