import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { uploadMedia, type UploadedMedia } from '../../src/actions/media/upload-media.js';
import { mediaPath, mediaVariantPath } from '../../src/domain/media-path.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { publishReport } from '../support/factories.js';
import { addTestUser, makeImage, makePdf, text, TEST_USER } from '../support/media-fixtures.js';

let t: TestApp;
let pdf: UploadedMedia;
let photo: UploadedMedia;
let small: UploadedMedia;
let csvPath: string;
let reportPath: string;

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await addTestUser(site);
      pdf = await uploadMedia(site, { bytes: await makePdf(4), fileName: '日ル海洋協力ファクトシート.pdf', altText: '', user: TEST_USER });
      photo = await uploadMedia(site, { bytes: await makeImage('jpeg', 1600, 1200), fileName: '会談の様子.jpg', altText: '大臣と握手する議員', user: TEST_USER });
      small = await uploadMedia(site, { bytes: await makeImage('png', 300, 200), fileName: 'logo.png', altText: '党のロゴ', user: TEST_USER });
      // An imported document of a type uploads refuse: served, but only as a download.
      const csv = await storeMedia(site, { bytes: text('<script>alert(1)</script>'), fileName: 'data.csv', mime: 'text/csv' });
      csvPath = mediaPath(csv.sha256, csv.originalName);
      const report = await publishReport(site, { title: '海洋協力の会談', activityDate: '2025-06-02' });
      reportPath = `/activity/${report.slug}/`;
      await attachMediaToReport(site, { reportId: report.id, mediaId: pdf.id, label: 'ファクトシート', summary: '合意した協力分野の一覧です。', user: TEST_USER });
      await attachMediaToReport(site, { reportId: report.id, mediaId: photo.id, label: '会談の写真', user: TEST_USER });
      await attachMediaToReport(site, { reportId: report.id, mediaId: small.id, label: 'ロゴ', user: TEST_USER });
      await attachMediaToReport(site, { reportId: report.id, mediaId: csv.id, label: 'データ', user: TEST_USER });
    },
  });
});
after(async () => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

test('serves a PDF inline under its Japanese name with the stored type, nosniff and five-minute caching', async () => {
  const res = await get(mediaPath(pdf.sha256, pdf.originalName));
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['cache-control'], 'public, max-age=300');
  assert.equal(res.headers.etag, `"${pdf.sha256}"`);
  assert.equal(res.headers['content-disposition'], `inline; filename="${'_'.repeat(13)}.pdf"; filename*=UTF-8''${encodeURIComponent('日ル海洋協力ファクトシート.pdf')}`);
  assert.equal(res.rawPayload.byteLength, pdf.bytes);
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
});

test('serves an image inline with its type', async () => {
  const res = await get(mediaPath(photo.sha256, photo.originalName));
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'image/jpeg');
  assert.match(res.headers['content-disposition'] as string, /^inline; /);
});

test('makes any other stored type a download, never a page of the site', async () => {
  const res = await get(csvPath);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/csv');
  assert.match(res.headers['content-disposition'] as string, /^attachment; filename="data.csv"/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
});

test('answers 304 without a body when If-None-Match names the content', async () => {
  const url = mediaPath(pdf.sha256, pdf.originalName);
  for (const tag of [`"${pdf.sha256}"`, `W/"${pdf.sha256}"`, `"other", "${pdf.sha256}"`]) {
    const res = await get(url, { 'if-none-match': tag });
    assert.equal(res.statusCode, 304, tag);
    assert.equal(res.body, '');
    assert.equal(res.headers.etag, `"${pdf.sha256}"`);
  }
  assert.equal((await get(url, { 'if-none-match': '"stale"' })).statusCode, 200);
});

test('answers HEAD with the headers and no body', async () => {
  const res = await t.app.inject({ method: 'HEAD', url: mediaPath(pdf.sha256, pdf.originalName) });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.headers.etag, `"${pdf.sha256}"`);
  assert.equal(res.body, '');
});

test('serves the WebP variants at their widths, each with its own hash as ETag', async () => {
  assert.deepEqual(
    photo.variants.map((v) => v.width),
    [640, 1280],
  );
  for (const v of photo.variants) {
    const res = await get(mediaVariantPath(photo.sha256, photo.originalName, v.width));
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/webp');
    assert.equal(res.headers.etag, `"${v.sha256}"`);
    assert.equal(res.headers['cache-control'], 'public, max-age=300');
    assert.match(res.headers['content-disposition'] as string, new RegExp(`filename\\*=UTF-8''${encodeURIComponent(`会談の様子-${v.width}w.webp`)}$`));
    const meta = await sharp(res.rawPayload).metadata();
    assert.deepEqual([meta.format, meta.width], ['webp', v.width]);
  }
});

test('answers the Japanese 404 page for unknown media, variants that do not exist and traversal attempts', async () => {
  const missing = [
    mediaPath('0'.repeat(64), 'none.pdf'),
    mediaPath(pdf.sha256, 'other-name.pdf'),
    mediaVariantPath(small.sha256, small.originalName, 640),
    mediaVariantPath(photo.sha256, photo.originalName, 320),
    mediaVariantPath(photo.sha256, 'wrong.jpg', 640),
    `/media/${photo.sha256}/w640/${encodeURIComponent(photo.originalName)}`,
    '/media/../katsudo.db',
    `/media/..%2F..%2Fkatsudo.db/x`,
    `/media/${pdf.sha256.slice(0, 2)}/${pdf.sha256}`,
    `/media/${pdf.sha256.toUpperCase()}/${encodeURIComponent(pdf.originalName)}`,
  ];
  for (const url of missing) {
    const res = await get(url);
    assert.equal(res.statusCode, 404, url);
    assert.match(res.headers['content-type'] as string, /^text\/html/, url);
    assert.match(res.body, /ページが見つかりません/, url);
    assert.equal(res.headers['content-disposition'], undefined, url);
  }
});

test('lists attachments on the report page with type, size, pages and the summary beside the link', async () => {
  const res = await get(reportPath);
  assert.equal(res.statusCode, 200);
  const kb = Math.ceil(pdf.bytes / 1024);
  assert.ok(
    res.body.includes(`<a href="${mediaPath(pdf.sha256, pdf.originalName)}">ファクトシート<span class="meta">(PDF形式・${kb}KB・4ページ)</span></a>`),
    'PDF link with its label',
  );
  assert.match(res.body, /<p class="attachment-summary">合意した協力分野の一覧です。<\/p>/);
});

test('shows an attached image with alt text, the WebP srcset, its size and lazy loading', async () => {
  const res = await get(reportPath);
  const img = /<img class="attachment-image"[^>]*>/.exec(res.body)?.[0];
  assert.ok(img, 'an <img> for the photo');
  const w640 = mediaVariantPath(photo.sha256, photo.originalName, 640);
  const w1280 = mediaVariantPath(photo.sha256, photo.originalName, 1280);
  assert.ok(img.includes(`src="${w1280}"`), img);
  assert.ok(img.includes(`srcset="${w640} 640w, ${w1280} 1280w"`), img);
  assert.ok(img.includes('width="1600"') && img.includes('height="1200"'), img);
  assert.ok(img.includes('alt="大臣と握手する議員"'), img);
  assert.ok(img.includes('loading="lazy"'), img);
  for (const url of [w640, w1280]) assert.equal((await get(url.replaceAll('&amp;', '&'))).statusCode, 200, url);
});

test('shows a small image at its own size without variants', async () => {
  const res = await get(reportPath);
  const imgs = [...res.body.matchAll(/<img class="attachment-image"[^>]*>/g)].map((m) => m[0]);
  const logo = imgs.find((i) => i.includes('alt="党のロゴ"'));
  assert.ok(logo, 'an <img> for the logo');
  assert.ok(logo.includes(`src="${mediaPath(small.sha256, small.originalName)}"`), logo);
  assert.ok(!logo.includes('srcset'), logo);
  assert.ok(logo.includes('width="300"') && logo.includes('height="200"'), logo);
});
