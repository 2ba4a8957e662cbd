// The report editor through HTTP, as office staff use it: list, write, save, submit,
// publish, unpublish, trash, restore and delete, with the roles' limits and bad input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getEditableReport, listReportsForAdmin } from '../../src/store/reports.js';
import { AdminAgent, addTestUser, logIn } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { addCategory, setSettings } from '../support/factories.js';

let t: TestApp;
let editor: AdminAgent;
let writer: AdminAgent;
let otherWriter: AdminAgent;
let owner: AdminAgent;
let categoryId: number;

before(async () => {
  t = await createTestApp({ seed: (site) => setSettings(site) });
  categoryId = (await addCategory(t.site, 'diet', '国会活動')).id;
  await addTestUser(t.site, { login: 'owner', role: 'owner', displayName: '山川さくら' });
  await addTestUser(t.site, { login: 'editor', role: 'editor', displayName: '秘書 田中' });
  await addTestUser(t.site, { login: 'writer', role: 'writer', displayName: 'スタッフ 佐藤' });
  await addTestUser(t.site, { login: 'writer2', role: 'writer', displayName: 'スタッフ 鈴木' });
  [owner, editor, writer, otherWriter] = [await logIn(t.app, 'owner'), await logIn(t.app, 'editor'), await logIn(t.app, 'writer'), await logIn(t.app, 'writer2')];
});
after(() => t.close());

let counter = 0;
function reportFields(overrides: Record<string, string> = {}): Record<string, string> {
  counter += 1;
  return {
    title: `道路整備の要望を受けた${counter}`,
    activityDate: '2024-06-10',
    categoryId: String(categoryId),
    tags: '地元、道路, 要望',
    slug: '',
    summary: '地元の方々から道路整備の要望を伺った。',
    bodySource: `1 概要\n\n(1)地元の自治会${counter}から要望を受けた。\n\n2 今後\n\n関係省庁に伝える。`,
    ...overrides,
  };
}

function idFrom(location: unknown): number {
  const m = /^\/admin\/reports\/(\d+)\/edit/.exec(String(location));
  assert.ok(m, `redirected to an edit page: ${String(location)}`);
  return Number(m[1]);
}

async function createDraft(agent: AdminAgent, overrides: Record<string, string> = {}): Promise<number> {
  const response = await agent.post('/admin/reports/new', { ...reportFields(overrides), intent: 'save' });
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  return idFrom(response.headers.location);
}

/** Posts the edit form as loaded now, with changes. */
async function postEdit(agent: AdminAgent, id: number, intent: string, changes: Record<string, string> = {}) {
  const report = await getEditableReport(t.site.db, id);
  return agent.post(`/admin/reports/${id}/edit`, {
    title: report.title,
    activityDate: report.activityDate,
    categoryId: report.category ? String(report.category.id) : '',
    tags: report.tags.join('、'),
    slug: report.slug,
    summary: report.summary,
    bodySource: report.bodySource,
    expectedVersion: String(report.version),
    intent,
    ...changes,
  });
}

test('an editor writes a draft, publishes it, and it appears on /activity/ and in /feed.xml', async () => {
  const form = await editor.get('/admin/reports/new');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<input[^>]*type="date"[^>]*name="activityDate"|name="activityDate"[^>]*type="date"/);
  assert.match(form.body, /下書き保存/);
  assert.match(form.body, /公開する/);

  const id = await createDraft(editor, { title: '港湾施設を視察した' });
  const draft = await getEditableReport(t.site.db, id);
  assert.equal(draft.status, 'draft');
  assert.equal(draft.slug, '2024-06-10');
  assert.deepEqual(draft.tags, ['地元', '道路', '要望']);
  assert.equal((await t.app.inject('/activity/2024-06-10/')).statusCode, 404);

  const published = await postEdit(editor, id, 'publish');
  assert.equal(published.statusCode, 303);
  const page = await editor.get(String(published.headers.location));
  assert.match(page.body, /公開しました。/);
  assert.match(page.body, /href="\/activity\/2024-06-10\/"/);

  const list = await t.app.inject('/activity/');
  assert.match(list.body, /港湾施設を(<wbr\/>)?視察した/);
  const feed = await t.app.inject('/feed.xml');
  assert.match(feed.body, /港湾施設を視察した/);
  const publicPage = await t.app.inject('/activity/2024-06-10/');
  assert.equal(publicPage.statusCode, 200);
  assert.match(publicPage.body, /地元の自治会\d+から要望を受けた/);
});

test('saving a published report updates the public page at once and says so', async () => {
  const id = await createDraft(editor);
  await postEdit(editor, id, 'publish');
  const { slug } = await getEditableReport(t.site.db, id);
  const response = await postEdit(editor, id, 'save', { bodySource: '1 概要\n\n(1)要望書を受け取り、翌日回答した。' });
  assert.equal(response.statusCode, 303);
  assert.match((await editor.get(String(response.headers.location))).body, /公開ページにも反映しました/);
  const publicPage = await t.app.inject(`/activity/${slug}/`);
  assert.match(publicPage.body, /要望書を受け取り、翌日回答した。/);
});

test('renaming the slug of a published report answers the old URL with a 301', async () => {
  const id = await createDraft(editor, { slug: 'road-request' });
  await postEdit(editor, id, 'publish');
  const response = await postEdit(editor, id, 'save', { slug: 'road-request-2024' });
  assert.equal(response.statusCode, 303);
  const old = await t.app.inject('/activity/road-request/');
  assert.equal(old.statusCode, 301);
  assert.equal(old.headers.location, '/activity/road-request-2024/');
});

test("a writer's draft is submitted for review and published by an editor", async () => {
  const id = await createDraft(writer, { title: '通学路の安全点検に参加した' });
  const form = await writer.get(`/admin/reports/${id}/edit`);
  assert.match(form.body, /レビューを依頼/);
  assert.doesNotMatch(form.body, /value="publish"/);

  const submitted = await postEdit(writer, id, 'submit');
  assert.equal(submitted.statusCode, 303);
  assert.match((await writer.get(String(submitted.headers.location))).body, /レビューを依頼しました/);
  assert.notEqual((await getEditableReport(t.site.db, id)).submittedAt, null);

  const queue = await editor.get('/admin/reports?status=review');
  assert.match(queue.body, /通学路の安全点検に参加した/);
  assert.match(queue.body, /レビュー待ち/);

  const published = await postEdit(editor, id, 'publish');
  assert.equal(published.statusCode, 303);
  assert.equal((await getEditableReport(t.site.db, id)).status, 'published');
});

test('a writer may withdraw a submission', async () => {
  const id = await createDraft(writer);
  await postEdit(writer, id, 'submit');
  const response = await postEdit(writer, id, 'withdraw');
  assert.equal(response.statusCode, 303);
  assert.equal((await getEditableReport(t.site.db, id)).submittedAt, null);
});

test('a writer is refused publishing (403) and nothing changes', async () => {
  const id = await createDraft(writer);
  const before = await getEditableReport(t.site.db, id);
  const response = await postEdit(writer, id, 'publish', { title: '書き換えたタイトル' });
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /編集者以上の権限が必要です/);
  assert.deepEqual(await getEditableReport(t.site.db, id), before);

  const fresh = await writer.post('/admin/reports/new', { ...reportFields(), intent: 'publish' });
  assert.equal(fresh.statusCode, 403);
  assert.equal((await listReportsForAdmin(t.site.db, { text: 'ignored-nothing' }, { offset: 0, limit: 1 })).total, 0);
});

test("a writer can neither open nor change another writer's report", async () => {
  const id = await createDraft(otherWriter, { title: '他の人の下書き' });
  const before = await getEditableReport(t.site.db, id);
  assert.equal((await writer.get(`/admin/reports/${id}/edit`)).statusCode, 403);
  assert.equal((await writer.get(`/admin/reports/${id}/history`)).statusCode, 403);
  const response = await postEdit(writer, id, 'save', { title: '乗っ取り' });
  assert.equal(response.statusCode, 403);
  assert.deepEqual(await getEditableReport(t.site.db, id), before);
});

test('writers see only their own reports in the list; editors filter by status, category, author and words', async () => {
  await createDraft(writer, { title: '自分の下書きA' });
  await createDraft(otherWriter, { title: '他人の下書きB', categoryId: '' });
  const mine = await writer.get('/admin/reports?author=999');
  assert.match(mine.body, /自分の下書きA/);
  assert.doesNotMatch(mine.body, /他人の下書きB/);

  const all = await editor.get('/admin/reports');
  assert.match(all.body, /自分の下書きA/);
  assert.match(all.body, /他人の下書きB/);
  assert.match(all.body, /class="badge badge-status badge-draft"/);
  const byCategory = await editor.get(`/admin/reports?category=${categoryId}`);
  assert.match(byCategory.body, /自分の下書きA/);
  assert.doesNotMatch(byCategory.body, /他人の下書きB/);
  const byText = await editor.get(`/admin/reports?q=${encodeURIComponent('他人の')}`);
  assert.doesNotMatch(byText.body, /自分の下書きA/);
  assert.match(byText.body, /他人の下書きB/);
  const writer2 = (await listReportsForAdmin(t.site.db, { text: '他人の下書きB' }, { offset: 0, limit: 1 })).items[0]!;
  const byAuthor = await editor.get(`/admin/reports?author=${writer2.authorId}`);
  assert.match(byAuthor.body, /他人の下書きB/);
  assert.doesNotMatch(byAuthor.body, /自分の下書きA/);
  assert.match(all.body, /href="\/admin\/reports\/\d+\/history"/);
});

test('the list is paginated, newest change first', async () => {
  for (let i = 0; i < 21; i++) await createDraft(otherWriter, { title: `ページ送り${i}` });
  const first = await editor.get(`/admin/reports?author=${(await listReportsForAdmin(t.site.db, { text: 'ページ送り0' }, { offset: 0, limit: 1 })).items[0]!.authorId}`);
  assert.match(first.body, /次のページ|page=2/);
  assert.equal((await editor.get('/admin/reports?page=999')).statusCode, 404);
});

test('unpublish, trash, restore, and the owner deletes for good through a confirmation page', async () => {
  const id = await createDraft(editor, { slug: 'to-be-deleted' });
  await postEdit(editor, id, 'publish');
  assert.equal((await postEdit(editor, id, 'unpublish')).statusCode, 303);
  assert.equal((await getEditableReport(t.site.db, id)).status, 'draft');
  assert.equal((await t.app.inject('/activity/to-be-deleted/')).statusCode, 404);

  assert.equal((await postEdit(editor, id, 'trash')).statusCode, 303);
  assert.equal((await getEditableReport(t.site.db, id)).status, 'trashed');
  const trashed = await editor.get(`/admin/reports/${id}/edit`);
  assert.match(trashed.body, /ゴミ箱から戻す/);
  assert.doesNotMatch(trashed.body, /完全に削除/);
  assert.equal((await postEdit(editor, id, 'restore')).statusCode, 303);
  assert.equal((await getEditableReport(t.site.db, id)).status, 'draft');

  await postEdit(editor, id, 'trash');
  assert.equal((await editor.get(`/admin/reports/${id}/delete`)).statusCode, 403);
  assert.equal((await editor.post(`/admin/reports/${id}/delete`)).statusCode, 403);
  const ownerView = await owner.get(`/admin/reports/${id}/edit`);
  assert.match(ownerView.body, new RegExp(`href="/admin/reports/${id}/delete"`));
  const confirm = await owner.get(`/admin/reports/${id}/delete`);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /元に戻すことはできません/);
  const deleted = await owner.post(`/admin/reports/${id}/delete`);
  assert.equal(deleted.statusCode, 303);
  assert.equal((await owner.get(`/admin/reports/${id}/edit`)).statusCode, 404);
});

test('the owner cannot delete a report that is not in the trash', async () => {
  const id = await createDraft(editor);
  const response = await owner.post(`/admin/reports/${id}/delete`);
  assert.equal(response.statusCode, 409);
  assert.equal((await getEditableReport(t.site.db, id)).status, 'draft');
});

for (const [what, changes, field, message] of [
  ['an empty title', { title: '' }, 'title', 'タイトルを入力してください。'],
  ['a 500-character title', { title: 'あ'.repeat(500) }, 'title', 'タイトルは200文字以内にしてください'],
  ['an impossible date', { activityDate: '2024-02-30' }, 'activityDate', '活動日は実在する日付'],
  ['a duplicate slug', { slug: 'taken-slug' }, 'slug', 'このURL名はほかの報告で使われています'],
] as const) {
  test(`shows ${what} at its field and in the summary, keeps the input, saves nothing`, async () => {
    await createDraft(editor, { slug: 'taken-slug' }).catch(() => undefined);
    const id = await createDraft(editor, { slug: '' });
    const before = await getEditableReport(t.site.db, id);
    const typed = { bodySource: '1 新しい本文\n\n<script>alert(1)</script>を含む入力', summary: '入力途中の概要' };
    const response = await postEdit(editor, id, 'save', { ...typed, ...changes });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /class="error-summary" role="alert"/);
    assert.match(response.body, new RegExp(`id="field-${field}-error"[^>]*>[^]*?${message}`));
    assert.match(
      response.body,
      new RegExp(`id="field-${field}"[^>]*aria-describedby="[^"]*field-${field}-error|aria-describedby="[^"]*field-${field}-error[^"]*"[^>]*id="field-${field}"`),
    );
    assert.match(response.body, /&lt;script>alert\(1\)&lt;\/script>を含む入力|&lt;script&gt;alert\(1\)&lt;\/script&gt;を含む入力/);
    assert.match(response.body, /入力途中の概要/);
    const [name, value] = Object.entries(changes)[0]!;
    if (value !== '') assert.match(response.body, new RegExp(`id="field-${name}" name="${name}"[^>]*value="${value}"`), 'the bad value is shown as typed');
    assert.deepEqual(await getEditableReport(t.site.db, id), before);
  });
}

test('a new report with bad input is not created and the form keeps it', async () => {
  const before = await listReportsForAdmin(t.site.db, {}, { offset: 0, limit: 1 });
  const response = await editor.post('/admin/reports/new', { ...reportFields({ title: '', bodySource: '残しておく本文' }), intent: 'save' });
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /残しておく本文/);
  assert.equal((await listReportsForAdmin(t.site.db, {}, { offset: 0, limit: 1 })).total, before.total);
});

test('a forged or missing CSRF token is refused on the editor forms and nothing is saved', async () => {
  const id = await createDraft(editor);
  const before = await getEditableReport(t.site.db, id);
  const report = await getEditableReport(t.site.db, id);
  const fields = { title: '偽の送信', activityDate: report.activityDate, bodySource: 'x', expectedVersion: String(report.version), intent: 'save' };
  for (const csrf of [false, 'forged-token'] as const) {
    const edit = await editor.post(`/admin/reports/${id}/edit`, fields, { csrf });
    assert.equal(edit.statusCode, 403);
    assert.match(edit.body, /data-refusal="csrf"/);
    const created = await editor.post('/admin/reports/new', fields, { csrf });
    assert.equal(created.statusCode, 403);
    const preview = await editor.inject({
      method: 'POST',
      url: '/admin/preview',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      payload: 'bodySource=x',
    });
    assert.equal(preview.statusCode, 403);
  }
  assert.deepEqual(await getEditableReport(t.site.db, id), before);
});

test("the dashboard counts reports by state and lists the user's own recent drafts", async () => {
  const id = await createDraft(writer, { title: 'ダッシュボードに出る下書き' });
  await createDraft(otherWriter, { title: '他人のダッシュボード下書き' });
  const counts = await listReportsForAdmin(t.site.db, { status: 'draft' }, { offset: 0, limit: 1 });
  const mine = await listReportsForAdmin(t.site.db, { status: 'draft', authorId: (await getEditableReport(t.site.db, id)).authorId! }, { offset: 0, limit: 1 });

  const writerView = await writer.get('/admin/');
  assert.equal(writerView.statusCode, 200);
  assert.match(
    writerView.body,
    new RegExp(`href="/admin/reports\\?status=draft"><span class="report-count-label">下書き</span><span class="report-count-number">${mine.total}件`),
  );
  assert.match(writerView.body, /レビュー待ち/);
  assert.match(writerView.body, new RegExp(`<a href="/admin/reports/${id}/edit">ダッシュボードに出る下書き</a>`));
  assert.doesNotMatch(writerView.body, /他人のダッシュボード下書き/);

  const editorView = await editor.get('/admin/');
  assert.match(editorView.body, new RegExp(`<span class="report-count-number">${counts.total}件`));
  assert.match(editorView.body, /公開中/);
});

test('saves a long Japanese body whose encoded form is larger than 1 MB', async () => {
  const paragraph = '地元の商店街で意見交換を行い、物価高騰への支援策について要望を伺った。\n\n';
  const bodySource = `1 概要\n\n${paragraph.repeat(Math.ceil(150_000 / paragraph.length))}`;
  assert.ok(Buffer.byteLength(new URLSearchParams({ bodySource }).toString()) > 1024 * 1024);
  const id = await createDraft(editor, { bodySource });
  assert.equal((await getEditableReport(t.site.db, id)).bodySource, bodySource);
});

test('publishing a new report without a body keeps it as a draft and says why at the body field', async () => {
  const response = await editor.post('/admin/reports/new', { ...reportFields({ title: '本文のない報告', bodySource: '' }), intent: 'publish' });
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /入力した内容は保存しましたが、次の理由で操作できませんでした。/);
  assert.match(response.body, /id="field-bodySource-error"[^>]*>[^]*?本文を入力してから公開してください/);
  const { items } = await listReportsForAdmin(t.site.db, { text: '本文のない報告' }, { offset: 0, limit: 5 });
  assert.equal(items.length, 1);
  assert.equal(items[0]!.status, 'draft');
  assert.match(response.body, new RegExp(`action="/admin/reports/${items[0]!.id}/edit"`));
});

test('a save after the session has ended asks to log in again and carries the typed text', async () => {
  const id = await createDraft(editor);
  const report = await getEditableReport(t.site.db, id);
  const loggedOut = new AdminAgent(t.app);
  await loggedOut.get('/admin/login');
  const response = await loggedOut.post(
    `/admin/reports/${id}/edit`,
    { title: report.title, activityDate: report.activityDate, bodySource: '消えてほしくない本文', expectedVersion: String(report.version), intent: 'save' },
    { csrf: 'stale' },
  );
  assert.equal(response.statusCode, 401);
  assert.match(response.body, /入力した内容は失われていません/);
  assert.match(response.body, /name="keep\.bodySource" value="消えてほしくない本文"/);
  assert.deepEqual(await getEditableReport(t.site.db, id), report);
});
