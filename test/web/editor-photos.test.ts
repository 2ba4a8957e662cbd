// The editor's photos and preview (issue 12 items 3 and 5), over HTTP: an attached photo is
// listed with a thumbnail (its smallest WebP copy) and the line that puts it in the body, the
// body field and the side column are laid out by one grid, and プレビュー posts to the form's
// address with #preview so that the answer opens at the preview, focused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { setSettings } from '../support/factories.js';
import { makeImage } from '../support/media-fixtures.js';

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

async function draftWithPhoto(altText: string, width = 1600): Promise<{ id: number; html: string }> {
  const created = await editor.post('/admin/reports/new', { title: '写真の報告', activityDate: '2026-10-01', bodySource: '1 概要\n\n視察した。', intent: 'save' });
  const id = Number(/\/admin\/reports\/(\d+)\/edit/.exec(String(created.headers.location))![1]);
  const bytes = await makeImage('jpeg', width, 1200);
  const uploaded = await editor.postMultipart(
    `/admin/reports/${id}/attachments/upload`,
    { 'upload.label': '視察の様子', 'upload.summary': '', 'upload.altText': altText },
    { field: 'upload.file', fileName: 'shisatsu.jpg', type: 'image/jpeg', bytes },
  );
  assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 2000));
  const page = await editor.get(`/admin/reports/${id}/edit`);
  return { id, html: page.body };
}

test('an attached photo shows its smallest WebP copy and the photo line with the media id and the default description', async () => {
  const { html } = await draftWithPhoto('堤防を点検する様子');
  const thumb = /<img class="attachment-thumb" src="([^"]+)"[^>]*>/.exec(html);
  assert.ok(thumb, 'thumbnail');
  assert.match(thumb[1]!, /^\/admin\/media\/file\/[0-9a-f]{64}\/w640\/shisatsu-640w\.webp$/);
  assert.match(thumb[0], / alt[ =]/, 'an empty alt: the label beside it names the photo');
  const line = /data-insert-line="([^"]+)"/.exec(html);
  assert.ok(line, '本文に挿入 button');
  assert.match(line[1]!, /^!\[堤防を点検する様子\]\(media:\d+\)$/);
  assert.match(html, /<code>!\[堤防を点検する様子\]\(media:\d+\)<\/code>/, 'the line to copy without JavaScript');
  assert.match(html, /本文に挿入/);
});

test('a description holding brackets or markup is made safe for the photo line and escaped in the page', async () => {
  const { html } = await draftWithPhoto('<img src=x onerror=alert(1)>]', 1500);
  assert.doesNotMatch(html, /<img src=x/);
  const line = /data-insert-line="([^"]+)"/.exec(html)![1]!;
  assert.match(line, /^!\[&lt;img src=x onerror=alert\(1\)(&gt;|>)\]\(media:\d+\)$/, 'the closing bracket dropped: it would end the description');
});

test('the editor grid holds the body field, then the buttons, the attachments and the preview, in the order shown', async () => {
  const { id, html } = await draftWithPhoto('説明', 1400);
  const grid = html.indexOf('class="editor-grid"');
  const body = html.indexOf('id="field-bodySource"');
  const attachments = html.indexOf('id="attachments"');
  const preview = html.indexOf('id="preview"');
  const actions = html.indexOf('id="editor-actions"');
  assert.ok(grid > 0 && grid < body && body < actions && actions < attachments && attachments < preview, 'order');
  assert.match(html, /<button type="submit" name="intent" value="save" class="button-primary" form="editor-form">/, 'the buttons join the form');
  assert.match(html, new RegExp(`formaction="/admin/reports/${id}/edit#preview"`));
});

test('プレビュー answers the form with the preview focused, for reports and new pages', async () => {
  const response = await editor.post('/admin/reports/new', { title: '題', activityDate: '2026-10-01', bodySource: '1 見出し\n\n本文', intent: 'preview' });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /<section class="report-preview" id="preview" tabindex="-1" aria-labelledby="preview-title" autofocus/);
  const fresh = await editor.get('/admin/pages/new');
  assert.match(fresh.body, /formaction="\/admin\/pages\/new#preview"/);
  assert.doesNotMatch(fresh.body, /id="preview"[^>]*autofocus/, 'no focus on the empty preview of a fresh form');
});

test("the live preview and the プレビュー button list the item's attachments under the body, through the staff path", async () => {
  const { id } = await draftWithPhoto('添付の写真', 1300);
  const live = await editor.inject({
    method: 'POST',
    url: '/admin/preview',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': editor.csrfToken },
    payload: new URLSearchParams({ bodySource: '1 概要\n\n本文', item: `report:${id}` }).toString(),
  });
  assert.equal(live.statusCode, 200);
  assert.match(live.body, /<section class="attachments" aria-labelledby="preview-attachments-title"><h2 id="preview-attachments-title">添付資料<\/h2>/);
  assert.match(live.body, /<a href="\/admin\/media\/file\/[0-9a-f]{64}\/shisatsu\.jpg">視察の様子/);
  const withoutItem = await editor.inject({
    method: 'POST',
    url: '/admin/preview',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': editor.csrfToken },
    payload: new URLSearchParams({ bodySource: '本文' }).toString(),
  });
  assert.doesNotMatch(withoutItem.body, /添付資料/);
  const page = await editor.get(`/admin/reports/${id}/edit`);
  assert.match(page.body, /data-item="report:\d+"/);
  const button = await editor.post(`/admin/reports/${id}/edit`, {
    title: '添付の写真',
    activityDate: '2026-10-01',
    bodySource: '1 概要\n\n本文',
    intent: 'preview',
    expectedVersion: '',
  });
  assert.match(button.body, /<h2 id="preview-attachments-title">添付資料<\/h2>/);
});

test('the live preview lists no attachments of a report the writer may not open', async () => {
  const { id } = await draftWithPhoto('他人の写真', 1200);
  await addTestUser(site, { login: 'writer', role: 'writer' });
  const writer = await logIn(app, 'writer');
  const live = await writer.inject({
    method: 'POST',
    url: '/admin/preview',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': writer.csrfToken },
    payload: new URLSearchParams({ bodySource: '本文', item: `report:${id}` }).toString(),
  });
  assert.equal(live.statusCode, 200);
  assert.doesNotMatch(live.body, /添付資料|shisatsu/);
});
