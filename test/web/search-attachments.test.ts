// /search and /api/v1/search find a report by the text of its attached PDF, on the worker
// threads `katsudo serve` uses, and say so: 「添付資料内」 with the attachment's label.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { detachMedia } from '../../src/actions/items/detach-media.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { publishReport } from '../support/factories.js';
import { addTestUser, TEST_USER } from '../support/media-fixtures.js';
import { makeTextPdf } from '../support/text-pdf.js';

let t: TestApp;
let reportId = 0;
let mediaId = 0;

before(async () => {
  t = await createTestApp({
    threads: { size: 1 },
    seed: async (site) => {
      await addTestUser(site);
      reportId = (await publishReport(site, { title: '日本・ニュージーランド次官級協議', bodySource: '次官級協議を行った。' })).id;
      const media = await uploadMedia(site, { bytes: makeTextPdf(['協力事項\n人道支援・災害救援の共同訓練']), fileName: 'factsheet.pdf', altText: '', user: TEST_USER });
      mediaId = media.id;
      await attachMediaToReport(site, { reportId, mediaId, label: 'ファクトシート<b>', user: TEST_USER });
    },
  });
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

test('the search page shows a hit found only in an attached PDF with 添付資料内, its label and the PDF snippet', async () => {
  const res = await get(`/search?q=${encodeURIComponent('災害救援')}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<p class="search-source"><span class="search-source-tag">添付資料内<\/span>「ファクトシート&lt;b>」<\/p>/);
  assert.match(res.body, /<p class="search-snippet">[^<]*<mark>災害救援<\/mark>の共同訓練<\/p>/);
});

test('the search page shows a hit in the report itself without the mark', async () => {
  const res = await get(`/search?q=${encodeURIComponent('次官級')}`);
  assert.match(res.body, /次官級/);
  assert.doesNotMatch(res.body, /添付資料内/);
});

test('the search API says matchedIn "attachment" with the label', async () => {
  const body = JSON.parse((await get(`/api/v1/search?q=${encodeURIComponent('災害救援')}`)).body);
  assert.equal(body.total, 1);
  assert.equal(body.items[0].id, reportId);
  assert.equal(body.items[0].matchedIn, 'attachment');
  assert.equal(body.items[0].attachmentLabel, 'ファクトシート<b>');
  assert.match(body.items[0].snippet, /<mark>災害救援<\/mark>/);
});

test('once the PDF is detached, neither the page nor the API finds the report by its text', async () => {
  await detachMedia(t.site, { reportId, mediaId, user: TEST_USER });
  const body = JSON.parse((await get(`/api/v1/search?q=${encodeURIComponent('災害救援')}`)).body);
  assert.equal(body.total, 0);
  assert.match((await get(`/search?q=${encodeURIComponent('災害救援')}`)).body, /見つかりませんでした/);
});
