// listPublicMedia: the files (and WebP variants) that published items use, where the server
// serves them and where their bytes are.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { createReport } from '../../src/actions/reports/create-report.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { mediaPath } from '../../src/domain/media-path.js';
import { listPublicMedia } from '../../src/site/list-public-media.js';
import type { SiteDeps } from '../../src/site/site-deps.js';
import { loadAssets } from '../../src/web/assets.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { draft, publishReport } from '../support/factories.js';
import { addTestUser, makeImage, makePdf, TEST_USER } from '../support/media-fixtures.js';

let t: TestApp;
let deps: SiteDeps;
const shas: Record<string, string> = {};

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await addTestUser(site);
      const pdf = await uploadMedia(site, { bytes: await makePdf(2), fileName: '政策資料.pdf', altText: '', user: TEST_USER });
      const photo = await uploadMedia(site, { bytes: await makeImage('jpeg', 1600, 1200), fileName: '視察.jpg', altText: '港を視察する議員', user: TEST_USER });
      const hidden = await uploadMedia(site, { bytes: await makePdf(3), fileName: '下書き資料.pdf', altText: '', user: TEST_USER });
      await uploadMedia(site, { bytes: await makePdf(1), fileName: '未使用.pdf', altText: '', user: TEST_USER });
      Object.assign(shas, { pdf: pdf.sha256, photo: photo.sha256, hidden: hidden.sha256 });
      const report = await publishReport(site, { title: '港湾の視察' });
      await attachMediaToReport(site, { reportId: report.id, mediaId: pdf.id, label: '資料', user: TEST_USER });
      await attachMediaToReport(site, { reportId: report.id, mediaId: photo.id, label: '写真', user: TEST_USER });
      const unpublished = await createReport(site, draft({ title: '下書き' }), { status: 'draft' });
      await attachMediaToReport(site, { reportId: unpublished.id, mediaId: hidden.id, label: '下書きの資料', user: TEST_USER });
    },
  });
  deps = { ctx: t.site, baseUrl: TEST_BASE_URL, assets: loadAssets() };
});
after(async () => t.close());

test('lists the files published items use, with the image variants, and nothing else', async () => {
  const listed = await listPublicMedia(deps);
  assert.deepEqual(
    listed.map((m) => m.path),
    [
      mediaPath(shas.pdf!, '政策資料.pdf'),
      `/media/${shas.photo}/w1280/${encodeURIComponent('視察-1280w.webp')}`,
      `/media/${shas.photo}/w640/${encodeURIComponent('視察-640w.webp')}`,
      mediaPath(shas.photo!, '視察.jpg'),
    ].sort(),
  );
});

test('gives each file as the server serves it: same type, same bytes', async () => {
  for (const media of await listPublicMedia(deps)) {
    const res = await t.app.inject({ method: 'GET', url: media.path });
    assert.equal(res.statusCode, 200, media.path);
    assert.equal(res.headers['content-type'], media.contentType, media.path);
    assert.ok(readFileSync(media.file).equals(res.rawPayload), media.path);
  }
});
