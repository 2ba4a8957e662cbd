// Word, Excel and PowerPoint attachments (issue 12 item 4): uploaded on the edit page, typed
// by content, labelled like PDFs on the public page, downloaded with their own type, nosniff
// and an attachment disposition carrying the Japanese file name; the editor suggests a PDF.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listAttachments } from '../../src/store/media.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { setSettings } from '../support/factories.js';
import { makeDocx, makeLegacyOffice, makePptx, makeXlsx } from '../support/office-fixtures.js';

let site: TestSite;
let app: FastifyInstance;
let editor: AdminAgent;

before(async () => {
  site = await createTestSite();
  await setSettings(site);
  app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent' });
  await addTestUser(site, { login: 'editor', role: 'editor' });
  editor = await logIn(app, 'editor');
});
after(async () => {
  await app.close();
  await site.cleanup();
});

async function createDraft(slug: string): Promise<number> {
  const response = await editor.post('/admin/reports/new', {
    title: '申込書のご案内',
    activityDate: '2026-10-01',
    slug,
    bodySource: '1 概要\n\n申込書を添付した。',
    intent: 'save',
  });
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  return Number(/\/admin\/reports\/(\d+)\/edit/.exec(String(response.headers.location))![1]);
}

function uploadTo(id: number, label: string, fileName: string, bytes: Uint8Array) {
  return editor.postMultipart(
    `/admin/reports/${id}/attachments/upload`,
    { 'upload.label': label, 'upload.altText': '', 'upload.summary': '' },
    { field: 'upload.file', fileName, type: 'application/octet-stream', bytes },
  );
}

test('a .docx and an .xlsx attach, show Word and Excel labels, and download with their types, nosniff and the Japanese name', async () => {
  const id = await createDraft('office-files');
  assert.equal((await uploadTo(id, '参加申込書', '参加申込書.docx', makeDocx())).statusCode, 303);
  assert.equal((await uploadTo(id, '予算表', '予算表.xlsx', makeXlsx())).statusCode, 303);

  const edit = await editor.get(`/admin/reports/${id}/edit`);
  assert.match(edit.body, /参加申込書<\/strong>\(Word形式・1KB\)/);
  assert.match(edit.body, /予算表<\/strong>\(Excel形式・2KB\)/);
  assert.equal(edit.body.match(/同じ内容をPDFで保存して、あわせて添付することをおすすめします/g)?.length, 2);

  const published = await editor.post(`/admin/reports/${id}/edit`, {
    title: '申込書のご案内',
    activityDate: '2026-10-01',
    slug: 'office-files',
    bodySource: '1 概要\n\n申込書を添付した。',
    intent: 'publish',
    expectedVersion: versionOf(edit.body),
  });
  assert.equal(published.statusCode, 303, published.body.slice(0, 2000));
  const attachments = await listAttachments(site.db, id);
  const list = await app.inject({ url: '/activity/' });
  const publicPage = await app.inject({ url: /href="(\/activity\/[^"]*office-files\/)"/.exec(list.body)![1]! });
  assert.match(publicPage.body, /参加申込書<span class="meta">\(Word形式・1KB\)<\/span>/);
  assert.match(publicPage.body, /予算表<span class="meta">\(Excel形式・2KB\)<\/span>/);

  const expected = {
    '参加申込書.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    '予算表.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  } as Record<string, string>;
  for (const a of attachments) {
    const download = await app.inject({ url: `/media/${a.sha256}/${encodeURIComponent(a.fileName)}` });
    assert.equal(download.statusCode, 200, a.fileName);
    assert.equal(download.headers['content-type'], expected[a.fileName]);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.equal(
      download.headers['content-disposition'],
      `attachment; filename="${'_'.repeat(a.fileName.length - 5)}${a.fileName.slice(-5)}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
    );
  }
});

test('a legacy .xls is typed as Excel by its content even under a .doc name', async () => {
  const id = await createDraft('legacy-office');
  assert.equal((await uploadTo(id, '旧予算表', '旧予算表.doc', makeLegacyOffice('xls'))).statusCode, 303);
  const [attached] = await listAttachments(site.db, id);
  assert.equal(attached!.mime, 'application/vnd.ms-excel');
  assert.equal(attached!.fileName, '旧予算表.xls');
});

test('a refused upload names the chosen file and says what to do, keeping what was typed', async () => {
  const id = await createDraft('refused-office');
  const response = await uploadTo(id, '名簿', '名簿.docx', new TextEncoder().encode('これはWordではありません'));
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /「名簿\.docx」：ファイル名は「\.docx」ですが、中身はWordではありません[^<]*のファイルを選んでください。/);
  assert.match(response.body, /value="名簿"/);
  assert.equal((await listAttachments(site.db, id)).length, 0);
});

function versionOf(html: string): string {
  return /name="expectedVersion" value="(\d+)"/.exec(html)![1]!;
}

test('the media library lists an Office file with its type and the suggestion to add a PDF', async () => {
  const id = await createDraft('library-office');
  assert.equal((await uploadTo(id, '説明資料', '説明資料.pptx', makePptx())).statusCode, 303);
  const library = await editor.get('/admin/media');
  assert.match(library.body, /説明資料\.pptx/);
  assert.match(library.body, /<span class="media-thumb-doc" aria-hidden="true">PowerPoint<\/span>/);
  assert.match(library.body, /同じ内容をPDFで保存して、あわせて添付することをおすすめします/);
});
