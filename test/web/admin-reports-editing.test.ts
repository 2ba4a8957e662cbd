// The editor beyond a single save: preview (without JavaScript and through the live-preview
// endpoint), two people saving the same report, history with diffs and restore, and
// scheduled publication on the site's clock.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { publishDueReports } from '../../src/actions/reports/publish-due-reports.js';
import { getEditableReport } from '../../src/store/reports.js';
import { listRevisions } from '../../src/store/revisions.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { setSettings } from '../support/factories.js';

let site: TestSite;
let app: FastifyInstance;
let clock = new Date('2026-11-20T03:00:00.000Z');
let editor: AdminAgent;
let owner: AdminAgent;

before(async () => {
  site = await createTestSite({ now: () => clock });
  await setSettings(site);
  app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent' });
  await addTestUser(site, { login: 'owner', role: 'owner', displayName: '山川さくら' });
  await addTestUser(site, { login: 'editor', role: 'editor', displayName: '秘書 田中' });
  editor = await logIn(app, 'editor');
  owner = await logIn(app, 'owner');
});
after(async () => {
  await app.close();
  await site.cleanup();
});

const BODY = '1 会議の概要\n\n(1)委員会で質問した。\n\n(2)答弁を受けた。\n\n2 所感\n\n[資料](https://example.jp/a.pdf)を参照。**重要**な点を確認した。';

async function createDraft(agent: AdminAgent, overrides: Record<string, string> = {}): Promise<number> {
  const response = await agent.post('/admin/reports/new', { title: '委員会で質問', activityDate: '2026-11-02', bodySource: BODY, intent: 'save', ...overrides });
  assert.equal(response.statusCode, 303, response.body.slice(0, 1000));
  return Number(/\/admin\/reports\/(\d+)\/edit/.exec(String(response.headers.location))![1]);
}

async function formOf(id: number): Promise<Record<string, string>> {
  const r = await getEditableReport(site.db, id);
  return {
    title: r.title,
    activityDate: r.activityDate,
    categoryId: r.category ? String(r.category.id) : '',
    tags: r.tags.join('、'),
    slug: r.slug,
    summary: r.summary,
    bodySource: r.bodySource,
    expectedVersion: String(r.version),
  };
}

function bodyFragment(html: string): string {
  const m = /<div class="report-body">[^]*?<\/div>/.exec(html);
  assert.ok(m, 'the page has a rendered body');
  return m[0];
}

test('the プレビュー button shows the body as the public page renders it, without saving', async () => {
  const id = await createDraft(editor, { slug: 'preview-check' });
  await editor.post(`/admin/reports/${id}/edit`, { ...(await formOf(id)), intent: 'publish' });
  const publicPage = await app.inject('/activity/preview-check/');
  const publicBody = bodyFragment(publicPage.body);

  const before = await getEditableReport(site.db, id);
  const preview = await editor.post(`/admin/reports/${id}/edit`, { ...(await formOf(id)), title: 'まだ保存しないタイトル', intent: 'preview' });
  assert.equal(preview.statusCode, 200);
  assert.ok(preview.body.includes(publicBody), 'the preview holds the public rendering');
  assert.match(preview.body, /まだ保存しないタイトル/);
  assert.deepEqual(await getEditableReport(site.db, id), before);

  const fresh = await editor.post('/admin/reports/new', { title: '', activityDate: '', bodySource: BODY, intent: 'preview' });
  assert.equal(fresh.statusCode, 200);
  assert.ok(fresh.body.includes(publicBody));
  assert.doesNotMatch(fresh.body, /error-summary/);
});

test('the live-preview endpoint returns the public rendering of the posted text, with the CSRF token in a header', async () => {
  const id = await createDraft(editor, { slug: 'live-preview-check' });
  await editor.post(`/admin/reports/${id}/edit`, { ...(await formOf(id)), intent: 'publish' });
  const publicBody = bodyFragment((await app.inject('/activity/live-preview-check/')).body);
  const response = await editor.inject({
    method: 'POST',
    url: '/admin/preview',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': editor.csrfToken },
    payload: new URLSearchParams({ bodySource: BODY }).toString(),
  });
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/html/);
  assert.equal(response.body, publicBody);
  assert.equal(response.headers['cache-control'], 'no-store');
});

test('the edit page loads the live-preview script as a file, with no inline script', async () => {
  const id = await createDraft(editor);
  const page = await editor.get(`/admin/reports/${id}/edit`);
  const src = /<script src="(\/assets\/admin-editor\.[0-9a-f]+\.js)" defer/.exec(page.body)?.[1];
  assert.ok(src);
  assert.doesNotMatch(page.body, /<script>|<script(?![^>]*\bsrc=)[^>]*>[^<]/);
  const script = await app.inject(src);
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['content-type']), /javascript/);
  assert.match(script.body, /x-csrf-token/);
});

test('when two people save the same version, the later one gets 409 with a diff and keeps their text', async () => {
  const id = await createDraft(editor);
  const loaded = await formOf(id);
  const first = await editor.post(`/admin/reports/${id}/edit`, { ...loaded, bodySource: `${BODY}\n\n3 追記\n\n秘書が追記した。`, intent: 'save' });
  assert.equal(first.statusCode, 303);

  const theirs = `${BODY.replace('委員会で質問した。', '予算委員会で質問した。')}`;
  const second = await owner.post(`/admin/reports/${id}/edit`, { ...loaded, bodySource: theirs, intent: 'save' });
  assert.equal(second.statusCode, 409);
  assert.match(second.body, /秘書 田中さんがこの報告を先に保存したため、保存しませんでした/);
  assert.match(second.body, /<del>[^]*?秘書が追記した。[^]*?<\/del>/);
  assert.match(second.body, /<ins><span class="diff-marker">\[追加:<\/span>予算<span class="diff-marker">\]<\/span><\/ins>/);
  assert.ok(second.body.includes('予算委員会で質問した。'), 'their text is kept in the form');
  const stored = await getEditableReport(site.db, id);
  assert.match(second.body, new RegExp(`name="expectedVersion" value="${stored.version}"`));
  assert.match(stored.bodySource, /秘書が追記した。/);
  const refused = (await listRevisions(site.db, id)).find((r) => r.note === '競合のため保存されなかった版');
  assert.ok(refused, 'the refused text is kept in the history');

  const merged = await owner.post(`/admin/reports/${id}/edit`, {
    ...loaded,
    expectedVersion: String(stored.version),
    bodySource: `${theirs}\n\n3 追記\n\n秘書が追記した。`,
    intent: 'save',
  });
  assert.equal(merged.statusCode, 303);
  const final = await getEditableReport(site.db, id);
  assert.match(final.bodySource, /予算委員会で質問した。[^]*秘書が追記した。/);
});

test('the history lists revisions, shows a marked diff between any two, and restores one as a new revision', async () => {
  const id = await createDraft(editor, { title: '最初のタイトル' });
  await editor.post(`/admin/reports/${id}/edit`, { ...(await formOf(id)), title: '二番目のタイトル', note: '題を修正', intent: 'save' });
  await editor.post(`/admin/reports/${id}/edit`, { ...(await formOf(id)), bodySource: `${BODY}\n\n追加の段落。`, intent: 'save' });
  const revisions = await listRevisions(site.db, id);
  assert.equal(revisions.length, 3);

  const history = await editor.get(`/admin/reports/${id}/history`);
  assert.equal(history.statusCode, 200);
  assert.match(history.body, /版1/);
  assert.match(history.body, /題を修正/);
  assert.match(history.body, /秘書 田中/);

  const [newest, , oldest] = revisions;
  const diff = await editor.get(`/admin/reports/${id}/history?from=${newest!.id}&to=${oldest!.id}`);
  assert.equal(diff.statusCode, 200);
  assert.match(diff.body, /版1[^]*?と版3[^]*?の違い/);
  assert.match(diff.body, /<del><span class="diff-marker">\[削除:<\/span>最初<span class="diff-marker">\]<\/span><\/del>/);
  assert.match(diff.body, /<ins><span class="diff-marker">\[追加:<\/span>二番目<span class="diff-marker">\]<\/span><\/ins>/);
  assert.match(diff.body, /<td class="diff-kind">追加<\/td><td class="diff-text"><ins>追加の段落。<\/ins>/);

  const current = await getEditableReport(site.db, id);
  const restored = await editor.post(`/admin/reports/${id}/history/${oldest!.id}/restore`, { expectedVersion: String(current.version) });
  assert.equal(restored.statusCode, 303);
  const after = await getEditableReport(site.db, id);
  assert.equal(after.title, '最初のタイトル');
  assert.equal(after.bodySource, BODY);
  assert.equal(after.version, current.version + 1);
  assert.equal((await listRevisions(site.db, id))[0]!.note, '版1から復元');

  const stale = await editor.post(`/admin/reports/${id}/history/${oldest!.id}/restore`, { expectedVersion: String(current.version) });
  assert.equal(stale.statusCode, 409);
  assert.equal((await getEditableReport(site.db, id)).version, after.version);
});

test('a revision of another report is not found', async () => {
  const a = await createDraft(editor);
  const b = await createDraft(editor);
  const other = (await listRevisions(site.db, b))[0]!;
  assert.equal((await editor.get(`/admin/reports/${a}/history?from=${other.id}&to=${other.id}`)).statusCode, 404);
});

test('a scheduled report is published by publishDueReports once its time (Japan time) has come', async () => {
  const id = await createDraft(editor, { slug: 'scheduled-report' });
  const response = await editor.post(`/admin/reports/${id}/edit`, { ...(await formOf(id)), scheduledAt: '2026-11-21T09:00', intent: 'schedule' });
  assert.equal(response.statusCode, 303);
  const report = await getEditableReport(site.db, id);
  assert.equal(report.status, 'scheduled');
  assert.equal(report.scheduledAt, '2026-11-21T00:00:00.000Z');
  const page = await editor.get(String(response.headers.location));
  assert.match(page.body, /公開を予約しました/);
  assert.match(page.body, /2026年11月21日 09:00\(日本時間\)に公開予定/);
  assert.match(page.body, /name="scheduledAt"[^>]*value="2026-11-21T09:00"|value="2026-11-21T09:00"[^>]*name="scheduledAt"/);

  clock = new Date('2026-11-20T23:59:00.000Z');
  assert.deepEqual(await publishDueReports(site), []);
  assert.equal((await app.inject('/activity/scheduled-report/')).statusCode, 404);
  clock = new Date('2026-11-21T00:00:30.000Z');
  assert.deepEqual(await publishDueReports(site), [id]);
  assert.equal((await app.inject('/activity/scheduled-report/')).statusCode, 200);
  clock = new Date('2026-11-20T03:00:00.000Z');
});

for (const [what, value, message] of [
  ['an impossible schedule time', '2026-02-30T10:00', '公開日時を正しく入力してください'],
  ['a schedule time in the past', '2026-11-19T10:00', '現在より後にしてください'],
] as const) {
  test(`refuses ${what} at the field and keeps the report as it was`, async () => {
    const id = await createDraft(editor);
    const before = await getEditableReport(site.db, id);
    const response = await editor.post(`/admin/reports/${id}/edit`, { ...(await formOf(id)), scheduledAt: value, intent: 'schedule' });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, new RegExp(`id="field-scheduledAt-error"[^>]*>[^]*?${message}`));
    assert.match(response.body, /公開予約の日時:/);
    assert.match(response.body, new RegExp(`value="${value}"`));
    assert.deepEqual(await getEditableReport(site.db, id), before);
  });
}
