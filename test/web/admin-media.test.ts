// /admin/media through the real app: multipart uploads of each accepted type, refusals
// with their message at the field and nothing stored, alt text edits, deletion refused
// while a report uses the file, roles and CSRF.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { listMedia } from '../../src/actions/media/list-media.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { findMedia } from '../../src/store/media.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { makeImage, makePdf, text } from '../support/media-fixtures.js';
import { buildServer } from '../../src/web/server.js';
import type { FastifyInstance } from 'fastify';

/** Small, so the oversize test sends little. */
const MAX_UPLOAD_BYTES = 64 * 1024;

let site: TestSite;
let app: FastifyInstance;
let editor: AdminAgent;
let editorUser: { userId: number; login: string };

before(async () => {
  site = await createTestSite();
  app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent', maxUploadBytes: MAX_UPLOAD_BYTES });
  const added = await addTestUser(site, { login: 'editor', role: 'editor' });
  editorUser = { userId: added.id, login: added.login };
  await addTestUser(site, { login: 'owner', role: 'owner' });
  await addTestUser(site, { login: 'writer', role: 'writer' });
  editor = await logIn(app, 'editor');
});
after(async () => {
  await app.close();
  await site.cleanup();
});
beforeEach(async () => {
  await site.db.deleteFrom('attachments').execute();
  await site.db.deleteFrom('media_variants').execute();
  await site.db.deleteFrom('media').execute();
});

interface FilePart {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

/** A multipart/form-data body as a browser sends it: fields first, then the file. */
function multipart(fields: Record<string, string>, file?: FilePart) {
  const boundary = '----katsudoTestBoundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.from(file.bytes));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts the upload form as the plain (script-less) form does: the token in the `_csrf` field. */
function upload(agent: AdminAgent, file: FilePart | undefined, altText = '', options: { csrf?: string | false; header?: boolean } = {}) {
  const token = options.csrf === undefined ? agent.csrfToken : options.csrf;
  const fields: Record<string, string> = {};
  if (token !== false && !options.header) fields._csrf = token;
  fields.altText = altText;
  const body = multipart(fields, file);
  const headers: Record<string, string> = { 'content-type': body.contentType };
  if (options.header && token !== false) headers['x-csrf-token'] = token;
  return agent.inject({ method: 'POST', url: '/admin/media', headers, payload: body.payload });
}

async function storedState() {
  const dir = join(site.dataDir, 'media');
  const files = existsSync(dir) ? readdirSync(dir, { recursive: true }).length : 0;
  const rows = await site.db.selectFrom('media').select('id').execute();
  return { files, rows: rows.length };
}

function fieldError(html: string, field: string): string {
  const match = new RegExp(`<p class="field-error" id="field-${field}-error">([\\s\\S]*?)</p>`).exec(html);
  assert.ok(match, `a message beside ${field}`);
  return match[1]!;
}

test('uploads a PDF through the plain form and lists it with its type, size and page count', async () => {
  const response = await upload(editor, { name: '委員会資料.pdf', bytes: await makePdf(3), type: 'application/pdf' });
  assert.equal(response.statusCode, 303);
  assert.match(String(response.headers.location), /^\/admin\/media\?notice=media-uploaded#media-\d+$/);
  const page = await editor.get('/admin/media?notice=media-uploaded');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /ファイルを登録しました。/);
  assert.match(page.body, /委員会資料\.pdf/);
  assert.match(page.body, /PDF形式・\d+KB・3ページ/);
  assert.match(page.body, /使っている報告・ページはありません。/);
});

for (const format of ['jpeg', 'png', 'webp'] as const) {
  test(`uploads a ${format.toUpperCase()} image with its alt text and shows the 640 px thumbnail`, async () => {
    const response = await upload(
      editor,
      { name: `視察.${format === 'jpeg' ? 'jpg' : format}`, bytes: await makeImage(format, 1600, 900) },
      '橋の補修工事を視察する様子',
      { header: true },
    );
    assert.equal(response.statusCode, 303);
    const [item] = (await listMedia(site)).items;
    assert.equal(item!.mime, `image/${format}`);
    assert.equal(item!.altText, '橋の補修工事を視察する様子');
    const page = await editor.get('/admin/media');
    assert.match(page.body, new RegExp(`<img class="media-thumb" src="/admin/media/file/${item!.sha256}/w640/[^"]+-640w\\.webp" alt="橋の補修工事を視察する様子"`));
    assert.match(page.body, new RegExp(`${format === 'jpeg' ? 'JPEG' : format === 'png' ? 'PNG' : 'WebP'}形式・\\d+KB・1600×900px`));
    assert.match(page.body, /<script src="\/assets\/admin-upload\.[0-9a-f]{12}\.js" defer><\/script>/);
  });
}

test('refuses a text file named .pdf with the message at the field and stores nothing', async () => {
  const before = await storedState();
  const response = await upload(editor, { name: '報告書.pdf', bytes: text('これはPDFではありません。\n'), type: 'application/pdf' }, '説明');
  assert.equal(response.statusCode, 422);
  assert.match(fieldError(response.body, 'file'), /ファイル名は「\.pdf」ですが、中身はPDFではありません/);
  assert.match(response.body, /role="alert"/);
  assert.match(response.body, /name="altText"[^>]*value="説明"/);
  assert.deepEqual(await storedState(), before);
});

test('refuses an oversized file with the size message, not a bare 413, and stores nothing', async () => {
  const before = await storedState();
  const big = new Uint8Array(MAX_UPLOAD_BYTES * 3);
  big.set(await makePdf(1));
  const response = await upload(editor, { name: '大きな資料.pdf', bytes: big });
  assert.equal(response.statusCode, 422);
  assert.match(fieldError(response.body, 'file'), /ファイルが大きすぎます（上限64KB、このファイルは19\dKB）/);
  assert.deepEqual(await storedState(), before);
});

test('refuses an image without alt text, keeping the message at the alt text field', async () => {
  const before = await storedState();
  const response = await upload(editor, { name: '写真.png', bytes: await makeImage('png', 200, 100) }, '   ');
  assert.equal(response.statusCode, 422);
  assert.match(fieldError(response.body, 'altText'), /代替テキストを入力してください/);
  assert.deepEqual(await storedState(), before);
});

test('asks for a file when none was chosen', async () => {
  const response = await upload(editor, { name: '', bytes: new Uint8Array() }, 'メモ');
  assert.equal(response.statusCode, 422);
  assert.match(fieldError(response.body, 'file'), /ファイルを選んでください/);
});

test('edits the alt text, and refuses an empty one for an image with the typed text kept', async () => {
  const media = await uploadMedia(site, { bytes: await makeImage('jpeg', 300, 200), fileName: '街頭.jpg', altText: '駅前の街頭演説', user: editorUser });
  const saved = await editor.post(`/admin/media/${media.id}/alt`, { altText: '駅前で政策を訴える様子' });
  assert.equal(saved.statusCode, 303);
  assert.equal((await findMedia(site.db, media.id))!.altText, '駅前で政策を訴える様子');

  const refused = await editor.post(`/admin/media/${media.id}/alt`, { altText: 'あ'.repeat(201) });
  assert.equal(refused.statusCode, 422);
  assert.match(fieldError(refused.body, `alt-${media.id}`), /200文字以内/);
  assert.match(refused.body, new RegExp(`value="${'あ'.repeat(201)}"`));
  assert.equal((await findMedia(site.db, media.id))!.altText, '駅前で政策を訴える様子');
});

test('refuses to delete a file a report uses (409 with links to the reports) and deletes it once unused', async () => {
  const media = await uploadMedia(site, { bytes: await makePdf(2), fileName: '名簿.pdf', altText: '', user: editorUser });
  const report = await publishReport(site, { title: '名簿を配布した報告', bodySource: '[名簿](media:名簿.pdf)を配布した。' });

  const confirm = await editor.get(`/admin/media/${media.id}/delete`);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /削除できません/);
  assert.doesNotMatch(confirm.body, /削除する<\/button>/);

  const refused = await editor.post(`/admin/media/${media.id}/delete`);
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, new RegExp(`<a href="/admin/reports/${report.id}/edit">名簿を配布した報告</a>`));
  assert.ok(await findMedia(site.db, media.id), 'still stored');

  await site.db.deleteFrom('reports').where('id', '=', report.id).execute();
  const unused = await editor.get(`/admin/media/${media.id}/delete`);
  assert.match(unused.body, /削除する<\/button>/);
  const deleted = await editor.post(`/admin/media/${media.id}/delete`);
  assert.equal(deleted.statusCode, 303);
  assert.equal(deleted.headers.location, '/admin/media?notice=media-deleted');
  assert.equal(await findMedia(site.db, media.id), undefined);
});

test('refuses, at the delete button, a file whose /media/ URL is written in a report, naming the report in Japanese', async () => {
  const media = await uploadMedia(site, { bytes: await makePdf(1), fileName: '日程表.pdf', altText: '', user: editorUser });
  const report = await publishReport(site, { title: 'URLで案内した報告', bodySource: `日程表は /media/${media.sha256}/日程表.pdf をご覧ください。` });
  const confirm = await editor.get(`/admin/media/${media.id}/delete`);
  assert.match(confirm.body, /削除できません/);
  assert.match(confirm.body, new RegExp(`<a href="/admin/reports/${report.id}/edit">URLで案内した報告</a>`));
  const refused = await editor.post(`/admin/media/${media.id}/delete`);
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, new RegExp(`<a href="/admin/reports/${report.id}/edit">URLで案内した報告</a>`));
  assert.ok(await findMedia(site.db, media.id), 'still stored');
  assert.equal((await app.inject({ url: `/media/${media.sha256}/${encodeURIComponent('日程表.pdf')}` })).statusCode, 200, 'still served');
});

test('filters the library by PDF or image, newest first', async () => {
  await uploadMedia(site, { bytes: await makePdf(1), fileName: 'a.pdf', altText: '', user: editorUser });
  await uploadMedia(site, { bytes: await makeImage('png', 50, 50), fileName: 'b.png', altText: '青い四角', user: editorUser });
  await uploadMedia(site, { bytes: await makePdf(2), fileName: 'c.pdf', altText: '', user: editorUser });
  const pdfs = await editor.get('/admin/media?kind=pdf');
  assert.match(pdfs.body, /c\.pdf[\s\S]*a\.pdf/);
  assert.doesNotMatch(pdfs.body, /b\.png/);
  const images = await editor.get('/admin/media?kind=image');
  assert.match(images.body, /b\.png/);
  assert.doesNotMatch(images.body, /a\.pdf/);
  assert.equal((await editor.get('/admin/media?kind=gif')).statusCode, 404);
  assert.equal((await editor.get('/admin/media?page=2')).statusCode, 404);
});

test('refuses writers on every media page and upload, before storing anything', async () => {
  const writer = await logIn(app, 'writer');
  assert.equal((await writer.get('/admin/media')).statusCode, 403);
  assert.doesNotMatch((await writer.get('/admin/')).body, /href="\/admin\/media"/, 'no menu link to a page the writer cannot open');
  const before = await storedState();
  const response = await upload(writer, { name: '資料.pdf', bytes: await makePdf(1) });
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /data-refusal="role"/);
  assert.deepEqual(await storedState(), before);
  const owner = await logIn(app, 'owner');
  assert.equal((await owner.get('/admin/media')).statusCode, 200);
});

test('refuses an upload with a forged or missing CSRF token, and one without a session', async () => {
  const before = await storedState();
  for (const csrf of ['forged', false] as const) {
    const response = await upload(editor, { name: '資料.pdf', bytes: await makePdf(1) }, '', { csrf });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /data-refusal="csrf"/);
  }
  const anonymous = await app.inject({
    method: 'POST',
    url: '/admin/media',
    headers: { 'content-type': multipart({ altText: '' }).contentType },
    payload: multipart({ altText: '' }, { name: 'a.pdf', bytes: await makePdf(1) }).payload,
  });
  assert.equal(anonymous.statusCode, 401);
  assert.deepEqual(await storedState(), before);
});
