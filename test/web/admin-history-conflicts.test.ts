// Issue 12 item 7: the conflict message names its real cause (one's own other tab, or the
// people who saved) and the save button the item really has; history offers no restore of
// the current version, and restoring a published report or page is confirmed first (a plain
// form step) and says the live page changed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getPage } from '../../src/store/pages.js';
import { getEditableReport } from '../../src/store/reports.js';
import { listItemRevisions, listRevisions } from '../../src/store/revisions.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { setSettings } from '../support/factories.js';

let t: TestApp;
let editor: AdminAgent;
let owner: AdminAgent;

before(async () => {
  t = await createTestApp({ seed: setSettings });
  await addTestUser(t.site, { login: 'owner', role: 'owner', displayName: '山川さくら' });
  await addTestUser(t.site, { login: 'editor', role: 'editor', displayName: '秘書 田中' });
  editor = await logIn(t.app, 'editor');
  owner = await logIn(t.app, 'owner');
});
after(() => t.close());

async function createReport(intent: 'save' | 'publish'): Promise<{ id: number; form: Record<string, string> }> {
  const created = await editor.post('/admin/reports/new', { title: '履歴の報告', activityDate: '2026-11-02', bodySource: '最初の本文。', intent });
  assert.equal(created.statusCode, 303, created.body.slice(0, 300));
  const id = Number(/\/admin\/reports\/(\d+)\/edit/.exec(String(created.headers.location))![1]);
  const r = await getEditableReport(t.site.db, id);
  return { id, form: { title: r.title, activityDate: r.activityDate, slug: r.slug, bodySource: r.bodySource, expectedVersion: String(r.version) } };
}

function conflictSection(html: string): string {
  return /<section class="conflict"[^]*?<\/section>/.exec(html)?.[0] ?? '';
}

test("a conflict with one's own other tab says so, not 「ほかの人」", async () => {
  const { id, form } = await createReport('save');
  assert.equal((await editor.post(`/admin/reports/${id}/edit`, { ...form, bodySource: 'タブ1', intent: 'save' })).statusCode, 303);
  const second = await editor.post(`/admin/reports/${id}/edit`, { ...form, bodySource: 'タブ2', intent: 'save' });
  assert.equal(second.statusCode, 409);
  const section = conflictSection(second.body);
  assert.match(section, /あなた自身が別のタブ\(またはウィンドウ\)でこの報告を先に保存した/);
  assert.doesNotMatch(section, /ほかの人/);
  assert.match(section, /「下書き保存」を押すと/);
});

test("a conflict with another person names them, and a published report's message offers only its own save button", async () => {
  const { id, form } = await createReport('publish');
  assert.equal((await owner.post(`/admin/reports/${id}/edit`, { ...form, bodySource: '議員が直した。', intent: 'save' })).statusCode, 303);
  const mine = await editor.post(`/admin/reports/${id}/edit`, { ...form, bodySource: '秘書が直した。', intent: 'save' });
  assert.equal(mine.statusCode, 409);
  const section = conflictSection(mine.body);
  assert.match(section, /山川さくらさんがこの報告を先に保存したため/);
  assert.match(section, /「保存して公開ページを更新」を押すと/);
  assert.doesNotMatch(section, /下書き保存/);
  assert.doesNotMatch(mine.body, /value="save"[^>]*>下書き保存/);
});

test('a page conflict names the cause too', async () => {
  const created = await editor.post('/admin/pages/new', { title: '事務所案内', slug: 'office', bodySource: '案内。', intent: 'save' });
  assert.equal(created.statusCode, 303, created.body.slice(0, 300));
  const id = Number(/\/admin\/pages\/(\d+)\/edit/.exec(String(created.headers.location))![1]);
  const form = { title: '事務所案内', slug: 'office', bodySource: '案内。', expectedVersion: String((await getPage(t.site.db, id)).version) };
  assert.equal((await owner.post(`/admin/pages/${id}/edit`, { ...form, bodySource: '議員の案内。', intent: 'save' })).statusCode, 303);
  const mine = await editor.post(`/admin/pages/${id}/edit`, { ...form, bodySource: '秘書の案内。', intent: 'save' });
  assert.equal(mine.statusCode, 409);
  assert.match(mine.body, /山川さくらさんがこのページを先に保存したため/);
});

test('history offers no restore button for the current version', async () => {
  const { id, form } = await createReport('save');
  await editor.post(`/admin/reports/${id}/edit`, { ...form, bodySource: '二番目の本文。', intent: 'save' });
  const [newest, oldest] = await listRevisions(t.site.db, id);
  const history = await editor.get(`/admin/reports/${id}/history?from=${oldest!.id}&to=${newest!.id}`);
  assert.equal(history.statusCode, 200);
  assert.ok(history.body.includes(`/history/${oldest!.id}/restore`));
  assert.ok(!history.body.includes(`/history/${newest!.id}/restore`), 'no restore of the current version');
});

test('restoring a published report asks first, then says the live page changed', async () => {
  const { id, form } = await createReport('publish');
  await editor.post(`/admin/reports/${id}/edit`, { ...form, bodySource: '公開後に直した本文。', intent: 'save' });
  const oldest = (await listRevisions(t.site.db, id)).at(-1)!;
  const version = String((await getEditableReport(t.site.db, id)).version);

  const asked = await editor.post(`/admin/reports/${id}/history/${oldest.id}/restore`, { expectedVersion: version });
  assert.equal(asked.statusCode, 200);
  assert.match(asked.body, /公開中の報告を版\d+に戻しますか/);
  assert.match(asked.body, /公開ページもすぐにその内容に変わります/);
  assert.match(asked.body, /name="confirmed" value="1"/);
  assert.equal((await getEditableReport(t.site.db, id)).bodySource, '公開後に直した本文。', 'nothing restored before the confirmation');

  const done = await editor.post(`/admin/reports/${id}/history/${oldest.id}/restore`, { expectedVersion: version, confirmed: '1' });
  assert.equal(done.statusCode, 303);
  assert.match(String(done.headers.location), /notice=revision-restored-live/);
  assert.equal((await getEditableReport(t.site.db, id)).bodySource, '最初の本文。');
  const notice = await editor.get(String(done.headers.location));
  assert.match(notice.body, /公開ページもこの内容に変わりました/);
});

test('restoring a draft needs no confirmation', async () => {
  const { id, form } = await createReport('save');
  await editor.post(`/admin/reports/${id}/edit`, { ...form, bodySource: '直した下書き。', intent: 'save' });
  const oldest = (await listRevisions(t.site.db, id)).at(-1)!;
  const done = await editor.post(`/admin/reports/${id}/history/${oldest.id}/restore`, { expectedVersion: String((await getEditableReport(t.site.db, id)).version) });
  assert.equal(done.statusCode, 303);
  assert.match(String(done.headers.location), /notice=revision-restored$/);
});

test('restoring a published page asks first as well', async () => {
  const created = await editor.post('/admin/pages/new', { title: '政策', slug: 'seisaku', bodySource: '政策の本文。', intent: 'save' });
  const id = Number(/\/admin\/pages\/(\d+)\/edit/.exec(String(created.headers.location))![1]);
  let page = await getPage(t.site.db, id);
  const form = { title: '政策', slug: 'seisaku', bodySource: '政策の本文。', expectedVersion: String(page.version) };
  assert.equal((await editor.post(`/admin/pages/${id}/edit`, { ...form, intent: 'publish' })).statusCode, 303);
  page = await getPage(t.site.db, id);
  await editor.post(`/admin/pages/${id}/edit`, { ...form, expectedVersion: String(page.version), bodySource: '新しい政策。', intent: 'save' });
  const oldest = (await listItemRevisions(t.site.db, { kind: 'page', id })).at(-1)!;
  page = await getPage(t.site.db, id);
  const asked = await editor.post(`/admin/pages/${id}/history/${oldest.id}/restore`, { expectedVersion: String(page.version) });
  assert.equal(asked.statusCode, 200);
  assert.match(asked.body, /公開中のページを版\d+に戻しますか/);
  const done = await editor.post(`/admin/pages/${id}/history/${oldest.id}/restore`, { expectedVersion: String(page.version), confirmed: '1' });
  assert.match(String(done.headers.location), /notice=revision-restored-live/);
  assert.equal((await getPage(t.site.db, id)).bodySource, '政策の本文。');
});
