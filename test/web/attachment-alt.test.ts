// Alt text per use over HTTP (issue 12 item 3): a photo attached to a second report starts with
// an empty alt field and the first report's text offered as a button, never copied; each
// report's public page and API entry say its own words; markup typed as alt text stays text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listAttachments } from '../../src/store/media.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport, setSettings } from '../support/factories.js';
import { makeImage } from '../support/media-fixtures.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

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

test("a reused photo asks for its own alt text, offers the other report's with one button, and each public page shows its own", async () => {
  const harbour = await publishReport(site, { title: '港湾の視察', slug: 'harbour' });
  const drill = await publishReport(site, { title: '防災訓練', slug: 'drill' });
  const image = { field: 'upload.file', fileName: '写真.png', type: 'image/png', bytes: await makeImage('png', 400, 300) };
  const uploaded = await editor.postMultipart(
    `/admin/reports/${harbour.id}/attachments/upload`,
    { 'upload.label': '視察', 'upload.altText': '港湾施設を視察する議員', 'upload.summary': '' },
    image,
  );
  assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 2000));
  const mediaId = (await listAttachments(site.db, harbour.id))[0]!.mediaId;

  const attached = await editor.post(`/admin/reports/${drill.id}/attachments`, { 'attach.mediaId': String(mediaId), 'attach.label': '訓練', 'attach.summary': '' });
  assert.equal(attached.statusCode, 303, attached.body.slice(0, 2000));
  const panel = (await editor.get(`/admin/reports/${drill.id}/edit`)).body;
  // The field is empty; the first report's text is a suggestion to take, with its report named.
  assert.match(panel, new RegExp(`name="item\\.${mediaId}\\.altText"[^>]*type="text" value/>`));
  assert.match(panel, /「港湾の視察」で使った説明を使う/);
  assert.match(panel, new RegExp(`name="item\\.${mediaId}\\.altText" value="港湾施設を視察する議員"`));
  assert.equal((await listAttachments(site.db, drill.id))[0]!.useAltText, null);
  // The harbour report's own panel offers nothing (its use has its text).
  assert.doesNotMatch((await editor.get(`/admin/reports/${harbour.id}/edit`)).body, /で使った説明を使う/);

  // Taking the suggestion is one post; typing another replaces it for this report only.
  const taken = await editor.post(`/admin/reports/${drill.id}/attachments/${mediaId}`, {
    [`item.${mediaId}.label`]: '訓練',
    [`item.${mediaId}.summary`]: '',
    [`item.${mediaId}.altText`]: '港湾施設を視察する議員',
  });
  assert.equal(taken.statusCode, 303);
  assert.equal((await listAttachments(site.db, drill.id))[0]!.useAltText, '港湾施設を視察する議員');
  const own = await editor.post(`/admin/reports/${drill.id}/attachments/${mediaId}`, {
    [`item.${mediaId}.label`]: '訓練',
    [`item.${mediaId}.summary`]: '',
    [`item.${mediaId}.altText`]: '防災訓練の会場',
  });
  assert.equal(own.statusCode, 303);

  const harbourPage = (await app.inject({ method: 'GET', url: '/activity/harbour/' })).body;
  const drillPage = (await app.inject({ method: 'GET', url: '/activity/drill/' })).body;
  assert.match(harbourPage, /class="attachment-image"[^>]*alt="港湾施設を視察する議員"/);
  assert.match(drillPage, /class="attachment-image"[^>]*alt="防災訓練の会場"/);
  assert.doesNotMatch(drillPage, /港湾施設を視察する議員/);
  const api = JSON.parse((await app.inject({ method: 'GET', url: `/api/v1/reports/${drill.id}` })).body);
  assert.equal(api.attachments[0].altText, '防災訓練の会場');
  // The panel's photo line carries this report's words too.
  assert.match((await editor.get(`/admin/reports/${drill.id}/edit`)).body, new RegExp(`!\\[防災訓練の会場\\]\\(media:${mediaId}\\)`));
});

test("escapes the XSS payloads typed as a use's alt text, in the panel, the suggestions and the public page", async () => {
  const first = await publishReport(site, { title: '一つ目', slug: 'xss-first' });
  const second = await publishReport(site, { title: '二つ目', slug: 'xss-second' });
  const image = { field: 'upload.file', fileName: 'x.png', type: 'image/png', bytes: await makeImage('png', 120, 90) };
  assert.equal(
    (await editor.postMultipart(`/admin/reports/${first.id}/attachments/upload`, { 'upload.label': 'x', 'upload.altText': '図', 'upload.summary': '' }, image))
      .statusCode,
    303,
  );
  const mediaId = (await listAttachments(site.db, first.id))[0]!.mediaId;
  assert.equal(
    (await editor.post(`/admin/reports/${second.id}/attachments`, { 'attach.mediaId': String(mediaId), 'attach.label': 'x', 'attach.summary': '' })).statusCode,
    303,
  );
  for (const payload of XSS_PAYLOADS.filter((p) => p.text.includes('<') && [...p.text].length <= 200)) {
    const saved = await editor.post(`/admin/reports/${first.id}/attachments/${mediaId}`, {
      [`item.${mediaId}.label`]: 'x',
      [`item.${mediaId}.summary`]: '',
      [`item.${mediaId}.altText`]: payload.text,
    });
    assert.equal(saved.statusCode, 303, payload.text);
    for (const body of [(await editor.get(`/admin/reports/${second.id}/edit`)).body, (await app.inject({ method: 'GET', url: '/activity/xss-first/' })).body]) {
      // Never as markup: every '<' of the payload arrives escaped.
      assert.ok(!body.includes(payload.text), payload.text);
    }
  }
});

test("a fixed page reusing a report's photo gets its own alt text, in its panel and its API entry", async () => {
  const report = await publishReport(site, { title: '議会報告会', slug: 'page-photo-report' });
  const image = { field: 'upload.file', fileName: '報告会.png', type: 'image/png', bytes: await makeImage('png', 200, 150) };
  assert.equal(
    (
      await editor.postMultipart(
        `/admin/reports/${report.id}/attachments/upload`,
        { 'upload.label': '報告会', 'upload.altText': '報告会で話す議員', 'upload.summary': '' },
        image,
      )
    ).statusCode,
    303,
  );
  const mediaId = (await listAttachments(site.db, report.id))[0]!.mediaId;
  const created = await editor.post('/admin/pages/new', {
    title: '事務所案内',
    slug: 'office-alt',
    parentId: '',
    position: '0',
    summary: '',
    bodySource: '地元事務所の案内です。',
    intent: 'publish',
  });
  assert.equal(created.statusCode, 303, created.body.slice(0, 2000));
  const pageId = Number(/\/admin\/pages\/(\d+)\/edit/.exec(String(created.headers.location))![1]);
  assert.equal(
    (await editor.post(`/admin/pages/${pageId}/attachments`, { 'attach.mediaId': String(mediaId), 'attach.label': '写真', 'attach.summary': '' })).statusCode,
    303,
  );
  assert.match((await editor.get(`/admin/pages/${pageId}/edit`)).body, /「議会報告会」で使った説明を使う/);
  const saved = await editor.post(`/admin/pages/${pageId}/attachments/${mediaId}`, {
    [`item.${mediaId}.label`]: '写真',
    [`item.${mediaId}.summary`]: '',
    [`item.${mediaId}.altText`]: '事務所の入口',
  });
  assert.equal(saved.statusCode, 303);
  const api = JSON.parse((await app.inject({ method: 'GET', url: `/api/v1/pages/${pageId}` })).body);
  assert.equal(api.attachments[0].altText, '事務所の入口');
  assert.equal((await listAttachments(site.db, report.id))[0]!.altText, '報告会で話す議員');
});
