// Attachments on the edit page: upload a PDF or an image here (multipart, no JavaScript),
// attach from the library, change label and summary, reorder, detach, and the refusals
// (oversized file, image without alt text, forged CSRF, a writer on another's report).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { listAttachments } from '../../src/store/media.js';
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
let writer: AdminAgent;
let editorId: number;
const MAX_UPLOAD_BYTES = 200 * 1024;

before(async () => {
  site = await createTestSite();
  await setSettings(site);
  app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent', maxUploadBytes: MAX_UPLOAD_BYTES });
  editorId = (await addTestUser(site, { login: 'editor', role: 'editor' })).id;
  await addTestUser(site, { login: 'writer', role: 'writer' });
  editor = await logIn(app, 'editor');
  writer = await logIn(app, 'writer');
});
after(async () => {
  await app.close();
  await site.cleanup();
});

async function createDraft(agent: AdminAgent, slug = ''): Promise<number> {
  const response = await agent.post('/admin/reports/new', {
    title: '資料付きの報告',
    activityDate: '2026-10-01',
    slug,
    bodySource: '1 概要\n\n資料を添付した。',
    intent: 'save',
  });
  assert.equal(response.statusCode, 303);
  return Number(/\/admin\/reports\/(\d+)\/edit/.exec(String(response.headers.location))![1]);
}

interface FilePart {
  name: string;
  fileName: string;
  type: string;
  bytes: Uint8Array;
}

function upload(agent: AdminAgent, reportId: number, fields: Record<string, string>, file?: FilePart, csrf: string | false = agent.csrfToken) {
  const part = file && { field: file.name, fileName: file.fileName, type: file.type, bytes: file.bytes };
  return agent.postMultipart(`/admin/reports/${reportId}/attachments/upload`, fields, part, { csrf });
}

test('uploads a PDF on the edit page and lists it with its label, type, size, pages and body reference', async () => {
  const id = await createDraft(editor, 'with-pdf');
  const response = await upload(
    editor,
    id,
    { 'upload.label': 'ファクトシート', 'upload.summary': '会議の要点をまとめた資料', 'upload.altText': '' },
    { name: 'upload.file', fileName: 'factsheet.pdf', type: 'application/pdf', bytes: await makePdf(3) },
  );
  assert.equal(response.statusCode, 303, response.body.slice(0, 3000));
  assert.match(String(response.headers.location), new RegExp(`^/admin/reports/${id}/edit\\?notice=attachment-uploaded#attachments$`));
  const attachments = await listAttachments(site.db, id);
  assert.equal(attachments.length, 1);
  assert.equal(attachments[0]!.label, 'ファクトシート');
  assert.equal(attachments[0]!.pages, 3);

  const page = await editor.get(`/admin/reports/${id}/edit`);
  assert.match(page.body, /ファクトシート<\/strong>\(PDF形式・\d+KB・3ページ\)/);
  assert.match(page.body, /\[ファクトシート\]\(media:factsheet\.pdf\)/);
  assert.match(page.body, /会議の要点をまとめた資料/);
});

test('uploads an image with alt text, and refuses one without it at the field, keeping what was typed', async () => {
  const id = await createDraft(editor);
  const image = { name: 'upload.file', fileName: '視察の様子.png', type: 'image/png', bytes: await makeImage('png', 800, 600) };
  const refused = await upload(editor, id, { 'upload.label': '視察写真', 'upload.altText': '', 'upload.summary': '港湾の様子' }, image);
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /id="field-upload\.altText-error"/);
  assert.match(refused.body, /value="視察写真"/);
  assert.match(refused.body, /value="港湾の様子"/);
  assert.equal((await listAttachments(site.db, id)).length, 0);

  const accepted = await upload(editor, id, { 'upload.label': '視察写真', 'upload.altText': '岸壁に並ぶコンテナ', 'upload.summary': '' }, image);
  assert.equal(accepted.statusCode, 303);
  const [attached] = await listAttachments(site.db, id);
  assert.equal(attached!.altText, '岸壁に並ぶコンテナ');
  assert.equal(attached!.width, 800);
});

test('an oversized upload gets the Japanese size message, not a bare 413, and nothing is attached', async () => {
  const id = await createDraft(editor);
  const big = new Uint8Array(MAX_UPLOAD_BYTES + 50_000);
  big.set(await makePdf(1));
  const response = await upload(
    editor,
    id,
    { 'upload.label': '大きな資料', 'upload.altText': '' },
    { name: 'upload.file', fileName: 'big.pdf', type: 'application/pdf', bytes: big },
  );
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /id="field-upload\.file-error"[^>]*><span class="visually-hidden">エラー:<\/span>「big\.pdf」：ファイルが大きすぎます\(上限200KB\)/);
  assert.match(response.body, /PDF、JPEG、PNG、WebP、Word、Excel、PowerPoint\(200KBまで\)/);
  assert.match(response.body, /value="大きな資料"/);
  assert.equal((await listAttachments(site.db, id)).length, 0);
});

test('a file that is not what its name says is refused at the field', async () => {
  const id = await createDraft(editor);
  const response = await upload(
    editor,
    id,
    { 'upload.label': '偽のPDF' },
    { name: 'upload.file', fileName: 'fake.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('これはPDFではありません') },
  );
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /id="field-upload\.file-error"/);
  assert.equal((await listAttachments(site.db, id)).length, 0);
});

test('an upload without a file asks for one', async () => {
  const id = await createDraft(editor);
  const response = await upload(editor, id, { 'upload.label': 'なし' }, { name: 'upload.file', fileName: '', type: 'application/octet-stream', bytes: new Uint8Array() });
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /アップロードするファイルを選んでください/);
});

test('a forged or missing CSRF token refuses the upload and attaches nothing', async () => {
  const id = await createDraft(editor);
  const pdf = { name: 'upload.file', fileName: 'csrf.pdf', type: 'application/pdf', bytes: await makePdf(1) };
  for (const csrf of ['forged', false] as const) {
    const response = await upload(editor, id, { 'upload.label': '偽造' }, pdf, csrf);
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /data-refusal="csrf"/);
  }
  assert.equal((await listAttachments(site.db, id)).length, 0);
  assert.equal((await editor.post(`/admin/reports/${id}/attachments`, { 'attach.mediaId': '1' }, { csrf: 'forged' })).statusCode, 403);
});

test('attaches from the library, edits label and summary, reorders and detaches', async () => {
  const id = await createDraft(editor);
  const user = { userId: editorId, login: 'editor' };
  const a = await uploadMedia(site, { bytes: await makePdf(2), fileName: '資料A.pdf', altText: '', user });
  const b = await uploadMedia(site, { bytes: await makePdf(4), fileName: '資料B.pdf', altText: '', user });
  const form = await editor.get(`/admin/reports/${id}/edit`);
  assert.match(form.body, new RegExp(`<option value="${a.id}"[^>]*>資料A\\.pdf`));

  assert.equal((await editor.post(`/admin/reports/${id}/attachments`, { 'attach.mediaId': String(a.id), 'attach.label': '', 'attach.summary': '' })).statusCode, 303);
  assert.equal(
    (await editor.post(`/admin/reports/${id}/attachments`, { 'attach.mediaId': String(b.id), 'attach.label': '資料B', 'attach.summary': '' })).statusCode,
    303,
  );
  assert.deepEqual(
    (await listAttachments(site.db, id)).map((x) => x.label),
    ['資料A', '資料B'],
  );

  const tooLong = await editor.post(`/admin/reports/${id}/attachments/${a.id}`, { [`item.${a.id}.label`]: '長'.repeat(300), [`item.${a.id}.summary`]: '' });
  assert.equal(tooLong.statusCode, 422);
  assert.match(tooLong.body, new RegExp(`id="field-item\\.${a.id}\\.label-error"`));
  const renamed = await editor.post(`/admin/reports/${id}/attachments/${a.id}`, { [`item.${a.id}.label`]: '説明資料', [`item.${a.id}.summary`]: '配布した資料' });
  assert.equal(renamed.statusCode, 303);
  const moved = await editor.post(`/admin/reports/${id}/attachments/${b.id}/move`, { direction: 'up' });
  assert.equal(moved.statusCode, 303);
  assert.deepEqual(
    (await listAttachments(site.db, id)).map((x) => [x.label, x.summary]),
    [
      ['資料B', ''],
      ['説明資料', '配布した資料'],
    ],
  );
  assert.equal((await editor.post(`/admin/reports/${id}/attachments/${b.id}/move`, { direction: 'up' })).statusCode, 422);

  assert.equal((await editor.post(`/admin/reports/${id}/attachments/${b.id}/detach`)).statusCode, 303);
  assert.deepEqual(
    (await listAttachments(site.db, id)).map((x) => x.label),
    ['説明資料'],
  );
});

test("a writer cannot change the attachments of another's report", async () => {
  const id = await createDraft(editor);
  const response = await upload(writer, id, { 'upload.label': '割り込み' }, { name: 'upload.file', fileName: 'w.pdf', type: 'application/pdf', bytes: await makePdf(1) });
  assert.equal(response.statusCode, 403);
  assert.equal((await listAttachments(site.db, id)).length, 0);
  assert.equal((await getEditableReport(site.db, id)).version, 1);
});
