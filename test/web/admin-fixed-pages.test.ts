// /admin/pages: list in tree order, create and edit with parent and order, preview, and the
// refusals at their field with the typed input kept and nothing written.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getPage, listPages } from '../../src/store/pages.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { snapshot } from '../support/snapshot.js';

let t: TestApp;
let editor: AdminAgent;
let writer: AdminAgent;

before(async () => {
  t = await createTestApp();
  await addTestUser(t.site, { login: 'editor', role: 'editor' });
  await addTestUser(t.site, { login: 'writer', role: 'writer' });
  editor = await logIn(t.app, 'editor');
  writer = await logIn(t.app, 'writer');
});
after(async () => t.close());

function form(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: '政策',
    slug: '',
    parentId: '',
    position: '0',
    summary: '',
    bodySource: '1 基本方針\n暮らしを守ります。',
    note: '',
    expectedVersion: '',
    intent: 'save',
    ...overrides,
  };
}

async function create(overrides: Record<string, string> = {}): Promise<number> {
  const res = await editor.post('/admin/pages/new', form(overrides));
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  return Number(/\/admin\/pages\/(\d+)\/edit/.exec(res.headers.location as string)![1]);
}

test('shows 固定ページ in the admin navigation', async () => {
  const res = await editor.get('/admin/');
  assert.match(res.body, /<a href="\/admin\/pages"[^>]*>固定ページ<\/a>/);
});

test('creates a page and a child, publishes them, and lists them in tree order', async () => {
  const policy = await create({ title: '政策一覧', slug: 'policy', intent: 'publish' });
  const child = await create({ title: '教育', slug: 'kyoiku', parentId: String(policy), intent: 'publish', position: '1' });
  await create({ title: 'あとで', slug: 'atode' });
  assert.equal((await getPage(t.site.db, child)).status, 'published');
  const list = await editor.get('/admin/pages');
  assert.equal(list.statusCode, 200);
  const order = [...list.body.matchAll(/<a href="\/admin\/pages\/\d+\/edit">([^<]+)<\/a>/g)].map((m) => m[1]);
  assert.ok(order.indexOf('政策一覧') < order.indexOf('教育'));
  assert.equal((await t.app.inject({ url: '/policy/kyoiku/' })).statusCode, 200);
  const edit = await editor.get(`/admin/pages/${child}/edit`);
  assert.match(edit.body, new RegExp(`<option value="${policy}" selected`));
});

test('filters the list by status with tabs すべて / 下書き / 公開中 / ゴミ箱, counts beside them', async () => {
  await create({ title: '絞り込みの下書き', slug: 'filter-draft' });
  await create({ title: '絞り込みの公開', slug: 'filter-published', intent: 'publish' });
  const trashed = await create({ title: '絞り込みのゴミ箱', slug: 'filter-trashed' });
  assert.equal((await editor.post(`/admin/pages/${trashed}/edit`, form({ intent: 'trash', expectedVersion: '1' }))).statusCode, 303);
  const titles = async (url: string) => [...(await editor.get(url)).body.matchAll(/<a href="\/admin\/pages\/\d+\/edit">(絞り込みの[^<]+)<\/a>/g)].map((m) => m[1]);
  assert.deepEqual(await titles('/admin/pages'), ['絞り込みの下書き', '絞り込みの公開']);
  assert.deepEqual(await titles('/admin/pages?status=draft'), ['絞り込みの下書き']);
  assert.deepEqual(await titles('/admin/pages?status=published'), ['絞り込みの公開']);
  assert.deepEqual(await titles('/admin/pages?status=trashed'), ['絞り込みのゴミ箱']);
  const tabs = (await editor.get('/admin/pages?status=trashed')).body;
  assert.match(tabs, /<a href="\/admin\/pages\?status=trashed" aria-current="page">ゴミ箱<span class="tab-count">\(\d+件\)<\/span><\/a>/);
  assert.match(tabs, /<a href="\/admin\/pages">すべて<span class="tab-count">/);
  assert.deepEqual(await titles('/admin/pages?status=bogus'), ['絞り込みの下書き', '絞り込みの公開']);
});

test('previews the typed body without saving anything', async () => {
  const before = await snapshot(t.site.db);
  const res = await editor.post('/admin/pages/new', form({ title: 'プレビューだけ', intent: 'preview', bodySource: '1 見出し\n本文の段落。' }));
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<div id="live-preview"[^>]*>.*本文の段落。/s);
  assert.match(res.body, /value="プレビューだけ"/);
  assert.deepEqual(await snapshot(t.site.db), before);
});

test('refuses a reserved path, a taken slug and a parent cycle at the field, keeping the typed input', async () => {
  const top = await create({ title: '事務所', slug: 'office' });
  const sub = await create({ title: 'アクセス', slug: 'access', parentId: String(top) });
  const cases: [string, Record<string, string>, string][] = [
    ['/admin/pages/new', form({ title: '予約語', slug: 'activity' }), 'slug'],
    ['/admin/pages/new', form({ title: '重複', slug: 'office' }), 'slug'],
    [`/admin/pages/${top}/edit`, form({ title: '事務所', slug: 'office', parentId: String(sub), expectedVersion: '1' }), 'parentId'],
  ];
  for (const [url, fields, field] of cases) {
    const before = await snapshot(t.site.db);
    const res = await editor.post(url, fields);
    assert.equal(res.statusCode, 422, url);
    assert.match(res.body, new RegExp(`id="field-${field}-error"`));
    assert.match(res.body, new RegExp(`value="${fields.title}"`));
    assert.deepEqual(await snapshot(t.site.db), before);
  }
});

test('refuses to trash a page with children, naming them', async () => {
  const top = await create({ title: '親', slug: 'oya' });
  await create({ title: '子のページ', slug: 'ko', parentId: String(top) });
  const before = await snapshot(t.site.db);
  const res = await editor.post(`/admin/pages/${top}/edit`, form({ title: '親', slug: 'oya', intent: 'trash', expectedVersion: '1' }));
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /子ページ「子のページ」があるため/);
  assert.deepEqual(await snapshot(t.site.db), before);
});

test('the owner deletes a trashed page for good after a confirmation; one with children, even trashed, is refused naming them', async () => {
  await addTestUser(t.site, { login: 'owner', role: 'owner' });
  const owner = await logIn(t.app, 'owner');
  const top = await create({ title: '古い親', slug: 'old-parent' });
  const child = await create({ title: '古い子', slug: 'old-child', parentId: String(top) });
  for (const id of [child, top]) assert.equal((await editor.post(`/admin/pages/${id}/edit`, form({ intent: 'trash', expectedVersion: '1' }))).statusCode, 303);
  const confirm = await owner.get(`/admin/pages/${top}/delete`);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /ページを完全に削除しますか/);
  assert.equal((await editor.get(`/admin/pages/${top}/delete`)).statusCode, 403);
  const before = await snapshot(t.site.db);
  const refused = await owner.post(`/admin/pages/${top}/delete`);
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /子ページ「古い子」があるため、完全に削除できません/);
  assert.deepEqual(await snapshot(t.site.db), before);
  assert.equal((await owner.post(`/admin/pages/${child}/delete`)).statusCode, 303);
  const done = await owner.post(`/admin/pages/${top}/delete`);
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/admin/pages?notice=page-deleted');
  assert.equal(
    (await listPages(t.site.db)).some((p) => p.id === top || p.id === child),
    false,
  );
});

test('refusals and conflicts on a page speak of the page, not of a report', async () => {
  const id = await create({ title: '編集者のページ', slug: 'editors-page' });
  await writer.refreshCsrf();
  const refused = await writer.post(`/admin/pages/${id}/edit`, form({ title: '書き換え', slug: 'editors-page', expectedVersion: '1' }));
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /自分が作成したページだけを操作できます/);
  assert.match(refused.body, /<a href="\/admin\/pages">固定ページの一覧へ<\/a>/);
  assert.doesNotMatch(refused.body.slice(refused.body.indexOf('<main')), /報告/);
  assert.equal(
    (await editor.post(`/admin/pages/${id}/edit`, form({ title: '編集者のページ', slug: 'editors-page', bodySource: '新しい本文', expectedVersion: '1' }))).statusCode,
    303,
  );
  const stale = await editor.post(
    `/admin/pages/${id}/edit`,
    form({ title: '編集者のページ', slug: 'editors-page', bodySource: '古い版からの本文', expectedVersion: '1' }),
  );
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /あなた自身が別のタブ\(またはウィンドウ\)でこのページを先に保存したため/);
  const trashed = await editor.post(`/admin/pages/${id}/edit`, form({ intent: 'trash', expectedVersion: '2' }));
  assert.equal(trashed.statusCode, 303);
  const again = await editor.post(`/admin/pages/${id}/edit`, form({ title: '編集者のページ', slug: 'editors-page', expectedVersion: '2' }));
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /ゴミ箱にあるページは編集できません/);
});

test('lets a writer save a draft page; a forged 公開する is refused before anything is written', async () => {
  await writer.refreshCsrf();
  const before = await snapshot(t.site.db);
  const res = await writer.post('/admin/pages/new', form({ title: '書き手の下書き', slug: 'writer-draft', intent: 'publish' }));
  assert.equal(res.statusCode, 403);
  assert.deepEqual(await snapshot(t.site.db), before);
  const saved = await writer.post('/admin/pages/new', form({ title: '書き手の下書き', slug: 'writer-draft' }));
  assert.equal(saved.statusCode, 303);
  assert.equal((await listPages(t.site.db)).find((p) => p.slug === 'writer-draft')?.status, 'draft');
});

test("shows a page's history, compares two versions and restores one", async () => {
  const id = await create({ title: '事務所案内', slug: 'jimusho', bodySource: '月曜から金曜まで開いています。' });
  const saved = await editor.post(`/admin/pages/${id}/edit`, form({ title: '事務所案内', slug: 'jimusho', bodySource: '土曜も開いています。', expectedVersion: '1' }));
  assert.equal(saved.statusCode, 303);
  const history = await editor.get(`/admin/pages/${id}/history`);
  assert.equal(history.statusCode, 200);
  const ids = [...history.body.matchAll(/name="from" value="(\d+)"/g)].map((m) => m[1]!);
  assert.equal(ids.length, 2);
  const compared = await editor.get(`/admin/pages/${id}/history?from=${ids[1]}&to=${ids[0]}`);
  assert.ok(compared.body.includes('<ins><span class="diff-marker">[追加:</span>土'), 'the diff marks the added text');
  const restored = await editor.post(`/admin/pages/${id}/history/${ids[1]}/restore`, { expectedVersion: '2' });
  assert.equal(restored.statusCode, 303);
  assert.equal((await getPage(t.site.db, id)).bodySource, '月曜から金曜まで開いています。');
});
