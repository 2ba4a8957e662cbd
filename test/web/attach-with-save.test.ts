// The main form posted with a file (issue 12): 「下書きにしてファイルを添付」 on a new report or
// page creates the draft from the typed fields and attaches the file; on the edit form the
// typed text is saved first (with its conflict check), then the file attached. Multipart,
// as a browser without JavaScript sends it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listItemAttachments } from '../../src/store/media.js';
import { getEditableReport } from '../../src/store/reports.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { setSettings } from '../support/factories.js';
import { makeImage, makePdf } from '../support/media-fixtures.js';

let site: TestSite;
let app: FastifyInstance;
let editor: AdminAgent;

before(async () => {
  site = await createTestSite();
  await setSettings(site);
  app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent', maxUploadBytes: 200 * 1024 });
  await addTestUser(site, { login: 'editor', role: 'editor' });
  editor = await logIn(app, 'editor');
});
after(async () => {
  await app.close();
  await site.cleanup();
});

async function pdfPart(fileName = '資料.pdf') {
  return { field: 'upload.file', fileName, type: 'application/pdf', bytes: await makePdf(2) };
}

const REPORT_FIELDS = {
  title: '添付つきの新しい報告',
  activityDate: '2026-11-02',
  categoryId: '',
  tags: '',
  slug: '',
  summary: '',
  bodySource: '1 概要\n\n委員会で質問した。',
  note: '',
  scheduledAt: '',
  expectedVersion: '',
};

function idOf(location: unknown, kind: 'reports' | 'pages'): number {
  const match = new RegExp(`^/admin/${kind}/(\\d+)/edit\\?notice=attachment-saved-uploaded#attachments$`).exec(String(location));
  assert.ok(match, `redirect: ${String(location)}`);
  return Number(match[1]);
}

test('the new-report form offers a file input and a save-and-attach button belonging to the main form', async () => {
  const page = await editor.get('/admin/reports/new');
  assert.equal(page.statusCode, 200);
  // Under the form element, joined to it by their form attribute (views/admin/editor-grid.tsx).
  assert.match(page.body, /<form id="editor-form" method="post" action="\/admin\/reports\/new"/);
  assert.match(page.body, /<input id="field-attach-file" name="upload.file" type="file" aria-describedby="field-attach-file-hint" form="editor-form"/);
  assert.match(
    page.body,
    /formaction="\/admin\/reports\/new\/attach" formenctype="multipart\/form-data" formmethod="post" form="editor-form">下書きにしてファイルを添付</,
  );
});

test('a new report with a file: the draft is created from the typed fields and the file attached', async () => {
  const response = await editor.postMultipart('/admin/reports/new/attach', REPORT_FIELDS, await pdfPart());
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  const id = idOf(response.headers.location, 'reports');
  const report = await getEditableReport(site.db, id);
  assert.equal(report.title, '添付つきの新しい報告');
  assert.equal(report.status, 'draft');
  const attached = await listItemAttachments(site.db, { kind: 'report', id });
  assert.deepEqual(
    attached.map((a) => a.label),
    ['資料'],
  );
  const edit = await editor.get(String(response.headers.location).split('#')[0]!);
  assert.match(edit.body, /委員会で質問した。/);
  assert.match(edit.body, /資料/);
  assert.match(edit.body, /入力した内容を保存し、ファイルをアップロードして添付しました。/);
});

test('a new report with a photo and its description: the photo is attached with that description for this report', async () => {
  const photo = { field: 'upload.file', fileName: '視察先.png', type: 'image/png', bytes: await makeImage('png', 320, 200) };
  const response = await editor.postMultipart(
    '/admin/reports/new/attach',
    { ...REPORT_FIELDS, title: '写真つきの新しい報告', 'upload.altText': '視察先の浄水場の外観' },
    photo,
  );
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  const id = idOf(response.headers.location, 'reports');
  const attached = await listItemAttachments(site.db, { kind: 'report', id });
  assert.deepEqual(
    attached.map((a) => a.altText),
    ['視察先の浄水場の外観'],
  );
});

test('a new report with a file and a missing title: every typed field and the file name come back, nothing is stored', async () => {
  const before = await site.db.selectFrom('reports').select(site.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const media = await site.db.selectFrom('media').select(site.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const response = await editor.postMultipart('/admin/reports/new/attach', { ...REPORT_FIELDS, title: '', summary: '要旨をここに' }, await pdfPart('議事録.pdf'));
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /選んだファイル「議事録.pdf」はまだ添付されていません/);
  assert.match(response.body, /委員会で質問した。/);
  assert.match(response.body, /要旨をここに/);
  assert.match(response.body, /value="2026-11-02"/);
  const afterCount = await site.db.selectFrom('reports').select(site.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const mediaAfter = await site.db.selectFrom('media').select(site.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  assert.equal(afterCount.n, before.n);
  assert.equal(mediaAfter.n, media.n);
});

test('an over-long body sent with a file gets the in-form length message with the whole text kept, not a 413', async () => {
  const response = await editor.postMultipart('/admin/reports/new/attach', { ...REPORT_FIELDS, bodySource: 'あ'.repeat(400_000) }, await pdfPart());
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /field-error/);
  assert.match(response.body, /本文/);
  // Kept whole in the form (the multipart field limit sits above the text limit, not cut at 1 MB).
  assert.ok(response.body.includes(`${'あ'.repeat(400_000)}</textarea>`), 'the whole body is shown again');
});

test('a double click on save-and-attach creates one draft with one attachment', async () => {
  const submissionKey = randomBytes(16).toString('base64url');
  const fields = { ...REPORT_FIELDS, title: '二度押しの報告', submissionKey };
  const part = await pdfPart();
  const responses = await Promise.all([editor.postMultipart('/admin/reports/new/attach', fields, part), editor.postMultipart('/admin/reports/new/attach', fields, part)]);
  assert.deepEqual(
    responses.map((r) => r.statusCode),
    [303, 303],
  );
  assert.equal(responses[0]!.headers.location, responses[1]!.headers.location);
  const rows = await site.db.selectFrom('reports').select('id').where('title', '=', '二度押しの報告').execute();
  assert.equal(rows.length, 1);
  assert.equal((await listItemAttachments(site.db, { kind: 'report', id: rows[0]!.id })).length, 1);
});

test('on the edit form, the typed text is saved first and then the file attached', async () => {
  const created = await editor.postMultipart('/admin/reports/new/attach', { ...REPORT_FIELDS, title: '編集中の報告' }, await pdfPart('一つ目.pdf'));
  const id = idOf(created.headers.location, 'reports');
  const stored = await getEditableReport(site.db, id);
  const response = await editor.postMultipart(
    `/admin/reports/${id}/edit/attach`,
    { ...REPORT_FIELDS, title: '編集中の報告', bodySource: '1 概要\n\nまだ保存していない本文。', expectedVersion: String(stored.version) },
    await pdfPart('二つ目.pdf'),
  );
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  assert.equal(idOf(response.headers.location, 'reports'), id);
  assert.match((await getEditableReport(site.db, id)).bodySource, /まだ保存していない本文。/);
  assert.deepEqual(
    (await listItemAttachments(site.db, { kind: 'report', id })).map((a) => a.label),
    ['一つ目', '二つ目'],
  );
  const page = await editor.get(`/admin/reports/${id}/edit`);
  assert.match(page.body, />本文を保存してファイルを添付</);
});

test('a conflict on the edit form keeps the typed text and does not store the file', async () => {
  const created = await editor.postMultipart('/admin/reports/new/attach', { ...REPORT_FIELDS, title: '競合する報告' }, await pdfPart());
  const id = idOf(created.headers.location, 'reports');
  const stale = String((await getEditableReport(site.db, id)).version);
  const other = await editor.post(`/admin/reports/${id}/edit`, {
    ...REPORT_FIELDS,
    title: '競合する報告',
    bodySource: '別のタブで保存した本文。',
    expectedVersion: stale,
    intent: 'save',
  });
  assert.equal(other.statusCode, 303);
  const media = await site.db.selectFrom('media').select(site.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const response = await editor.postMultipart(
    `/admin/reports/${id}/edit/attach`,
    { ...REPORT_FIELDS, title: '競合する報告', bodySource: '古い版から打った本文。', expectedVersion: stale },
    await pdfPart('競合.pdf'),
  );
  assert.equal(response.statusCode, 409);
  assert.match(response.body, /古い版から打った本文。/);
  assert.match(response.body, /選んだファイル「競合.pdf」はまだ添付されていません/);
  assert.match((await getEditableReport(site.db, id)).bodySource, /別のタブで保存した本文。/);
  assert.equal((await listItemAttachments(site.db, { kind: 'report', id })).length, 1);
  const mediaAfter = await site.db.selectFrom('media').select(site.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  assert.equal(mediaAfter.n, media.n);
});

test('a new page with a file: the draft page is created and the file attached', async () => {
  const form = await editor.get('/admin/pages/new');
  assert.match(form.body, /formaction="\/admin\/pages\/new\/attach"/);
  const response = await editor.postMultipart(
    '/admin/pages/new/attach',
    { title: '事務所案内', slug: 'office', parentId: '', position: '', summary: '', bodySource: '所在地の案内。', note: '', expectedVersion: '' },
    await pdfPart('地図.pdf'),
  );
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  const id = idOf(response.headers.location, 'pages');
  assert.deepEqual(
    (await listItemAttachments(site.db, { kind: 'page', id })).map((a) => a.label),
    ['地図'],
  );
  const edit = await editor.get(`/admin/pages/${id}/edit`);
  assert.match(edit.body, /所在地の案内。/);
});

test('on a published report the button says the text is saved, and the saved text goes live with the file attached', async () => {
  const created = await editor.post('/admin/reports/new', { ...REPORT_FIELDS, title: '公開中の報告', slug: 'live-attach', intent: 'publish' });
  assert.equal(created.statusCode, 303);
  const id = Number(/\/admin\/reports\/(\d+)\/edit/.exec(String(created.headers.location))![1]);
  const page = await editor.get(`/admin/reports/${id}/edit`);
  assert.match(page.body, />本文を保存してファイルを添付</);
  assert.match(page.body, /公開中です。ボタンを押すと、入力した本文を保存して公開ページにすぐ反映し/);
  const version = String((await getEditableReport(site.db, id)).version);
  const response = await editor.postMultipart(
    `/admin/reports/${id}/edit/attach`,
    { ...REPORT_FIELDS, title: '公開中の報告', slug: 'live-attach', bodySource: '1 概要\n\n公開中に直した本文。', expectedVersion: version },
    await pdfPart('公開資料.pdf'),
  );
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  const stored = await getEditableReport(site.db, id);
  assert.equal(stored.status, 'published');
  assert.match(stored.bodySource, /公開中に直した本文。/);
  assert.deepEqual(
    (await listItemAttachments(site.db, { kind: 'report', id })).map((a) => a.label),
    ['公開資料'],
  );
});

test('the edit form sent without a file keeps the saved text and asks for a file', async () => {
  const created = await editor.post('/admin/reports/new', { ...REPORT_FIELDS, title: 'ファイルなし', intent: 'save' });
  const id = Number(/\/admin\/reports\/(\d+)\/edit/.exec(String(created.headers.location))![1]);
  const version = String((await getEditableReport(site.db, id)).version);
  const response = await editor.postMultipart(`/admin/reports/${id}/edit/attach`, {
    ...REPORT_FIELDS,
    title: 'ファイルなし',
    bodySource: '選び忘れた本文。',
    expectedVersion: version,
  });
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /アップロードするファイルを選んでください。/);
  assert.match(response.body, /選び忘れた本文。/);
  assert.match((await getEditableReport(site.db, id)).bodySource, /選び忘れた本文。/);
});

test('a new report whose file is refused after its draft was made: the same form sent again leads to that draft, not a second one', async () => {
  const submissionKey = randomBytes(16).toString('base64url');
  const fields = { ...REPORT_FIELDS, title: '戻って押し直す報告', submissionKey };
  const notAccepted = { field: 'upload.file', fileName: 'メモ.txt', type: 'text/plain', bytes: new TextEncoder().encode('ただのテキスト') };
  const first = await editor.postMultipart('/admin/reports/new/attach', fields, notAccepted);
  assert.equal(first.statusCode, 422, first.body.slice(0, 300));
  const drafts = () => site.db.selectFrom('reports').select('id').where('title', '=', '戻って押し直す報告').execute();
  const [draft] = await drafts();
  assert.ok(draft, 'the typed fields were saved as a draft');
  // Back to the form as it was (same key), then the button again, now with a file that is accepted.
  const again = await editor.postMultipart('/admin/reports/new/attach', fields, await pdfPart());
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, `/admin/reports/${draft.id}/edit`);
  assert.equal((await drafts()).length, 1, 'no second draft');
  // The plain save button of that form leads there too.
  const saved = await editor.post('/admin/reports/new', { ...REPORT_FIELDS, title: '戻って押し直す報告', submissionKey, intent: 'save' });
  assert.equal(saved.headers.location, `/admin/reports/${draft.id}/edit`);
  assert.equal((await drafts()).length, 1);
});
