// Attachments on the fixed page editor (issue 10): the report's attachment forms on
// /admin/pages/:id/edit (upload, attach from the library, relabel, reorder, detach), the
// public page's 添付資料 list and the API's, and the refusals (a writer on another's page, a bad label).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { listItemAttachments } from '../../src/store/media.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import type { TestSite } from '../support/db.js';
import { setSettings } from '../support/factories.js';
import { makePdf } from '../support/media-fixtures.js';

let t: TestApp;
let site: TestSite;
let app: FastifyInstance;
let editor: AdminAgent;
let writer: AdminAgent;
let editorId: number;

before(async () => {
  t = await createTestApp({ seed: setSettings });
  ({ site, app } = t);
  editorId = (await addTestUser(site, { login: 'editor', role: 'editor' })).id;
  await addTestUser(site, { login: 'writer', role: 'writer' });
  [editor, writer] = [await logIn(app, 'editor'), await logIn(app, 'writer')];
});
after(async () => t.close());

let counter = 0;
async function createPage(agent: AdminAgent): Promise<number> {
  counter += 1;
  const response = await agent.post('/admin/pages/new', {
    title: `事務所案内${counter}`,
    slug: `office-${counter}`,
    parentId: '',
    position: '0',
    summary: '',
    bodySource: '地元事務所の案内です。',
    intent: 'save',
  });
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  return Number(/\/admin\/pages\/(\d+)\/edit/.exec(String(response.headers.location))![1]);
}

const labels = async (id: number) => (await listItemAttachments(site.db, { kind: 'page', id })).map((a) => a.label);

test('uploads a PDF on the page editor, lists it there, and the published page shows it under 添付資料', async () => {
  const id = await createPage(editor);
  const response = await editor.postMultipart(
    `/admin/pages/${id}/attachments/upload`,
    { 'upload.label': 'アクセスマップ', 'upload.summary': '最寄り駅からの道順', 'upload.altText': '' },
    { field: 'upload.file', fileName: 'map.pdf', type: 'application/pdf', bytes: await makePdf(2) },
  );
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  assert.equal(response.headers.location, `/admin/pages/${id}/edit?notice=attachment-uploaded#attachments`);
  const form = await editor.get(`/admin/pages/${id}/edit`);
  assert.match(form.body, /アクセスマップ<\/strong>\(PDF形式・\d+KB・2ページ\)/);
  assert.match(form.body, new RegExp(`action="/admin/pages/${id}/attachments/upload"`));

  const hidden = await app.inject({ url: `/office-${counter}/` });
  assert.equal(hidden.statusCode, 404);
  assert.equal(
    (
      await editor.post(`/admin/pages/${id}/edit`, {
        title: `事務所案内${counter}`,
        slug: `office-${counter}`,
        parentId: '',
        position: '0',
        summary: '',
        bodySource: '地元事務所の案内です。',
        expectedVersion: '1',
        intent: 'publish',
      })
    ).statusCode,
    303,
  );
  const shown = await app.inject({ url: `/office-${counter}/` });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /<h2 id="attachments-title">添付資料<\/h2>/);
  const href = /<a href="(\/media\/[0-9a-f]{64}\/map\.pdf)">アクセスマップ/.exec(shown.body)?.[1];
  assert.ok(href, shown.body);
  assert.match(shown.body, /最寄り駅からの道順/);
  assert.equal((await app.inject({ url: href })).statusCode, 200, 'the file is public while the page is');
  const api = JSON.parse((await app.inject({ url: `/api/v1/pages/${id}` })).body) as { attachments: { label: string; url: string; pages: number; summary: string }[] };
  assert.deepEqual(
    api.attachments.map((a) => [a.label, a.url, a.pages, a.summary]),
    [['アクセスマップ', `${TEST_BASE_URL}${href}`, 2, '最寄り駅からの道順']],
  );
});

test('attaches from the library, relabels, reorders and detaches on a page', async () => {
  const id = await createPage(editor);
  const user = { userId: editorId, login: 'editor' };
  const a = await uploadMedia(site, { bytes: await makePdf(1), fileName: '時刻表.pdf', altText: '', user });
  const b = await uploadMedia(site, { bytes: await makePdf(3), fileName: '名簿.pdf', altText: '', user });
  assert.equal((await editor.post(`/admin/pages/${id}/attachments`, { 'attach.mediaId': String(a.id), 'attach.label': '', 'attach.summary': '' })).statusCode, 303);
  assert.equal((await editor.post(`/admin/pages/${id}/attachments`, { 'attach.mediaId': String(b.id), 'attach.label': '名簿', 'attach.summary': '' })).statusCode, 303);
  assert.deepEqual(await labels(id), ['時刻表', '名簿']);
  const tooLong = await editor.post(`/admin/pages/${id}/attachments/${a.id}`, { [`item.${a.id}.label`]: '長'.repeat(300), [`item.${a.id}.summary`]: '' });
  assert.equal(tooLong.statusCode, 422);
  assert.match(tooLong.body, new RegExp(`id="field-item\\.${a.id}\\.label-error"`));
  assert.match(tooLong.body, /<h1 id="page-title">ページを編集<\/h1>/);
  assert.equal((await editor.post(`/admin/pages/${id}/attachments/${b.id}/move`, { direction: 'up' })).statusCode, 303);
  assert.deepEqual(await labels(id), ['名簿', '時刻表']);
  assert.equal((await editor.post(`/admin/pages/${id}/attachments/${b.id}/detach`)).statusCode, 303);
  assert.deepEqual(await labels(id), ['時刻表']);
});

test("a writer cannot change the attachments of another's page, and nothing is attached", async () => {
  const id = await createPage(editor);
  const response = await writer.postMultipart(
    `/admin/pages/${id}/attachments/upload`,
    { 'upload.label': '割り込み' },
    { field: 'upload.file', fileName: 'w.pdf', type: 'application/pdf', bytes: await makePdf(1) },
  );
  assert.equal(response.statusCode, 403);
  assert.deepEqual(await labels(id), []);
});

test('an unknown page answers 404', async () => {
  assert.equal((await editor.post('/admin/pages/999999/attachments', { 'attach.mediaId': '1' })).statusCode, 404);
});
