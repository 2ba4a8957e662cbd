// Inline photos and tables (issue 11 items 2 and 3) through the public report page and the
// feeds: the renderer's HTML as readers get it, with the image facts loaded from the store.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { uploadMedia, type UploadedMedia } from '../../src/actions/media/upload-media.js';
import { mediaVariantPath } from '../../src/domain/media-path.js';
import { paths } from '../../src/domain/paths.js';
import { previewBody } from '../../src/actions/render/preview-body.js';
import { listAttachments } from '../../src/store/media.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { publishReport } from '../support/factories.js';
import { addTestUser, makeImage, makePdf, TEST_USER } from '../support/media-fixtures.js';

let t: TestApp;
let photo: UploadedMedia;
let reportPath: string;
let reportId: number;

const BODY = [
  '1 視察の概要',
  '現地を視察した。',
  '![堤防の補修現場](media:堤防.jpg "補修が進む堤防(令和8年)")',
  '',
  '| 地区 | 延長 |',
  '|---|---|',
  '| 北地区 | 1.2km |',
  '| 南地区 | 0.8km | 追加 |',
  '',
  '![未登録の写真](media:ない.jpg)',
  '',
  '![資料の表紙](media:資料.pdf)',
].join('\n');

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await addTestUser(site);
      photo = await uploadMedia(site, { bytes: await makeImage('jpeg', 1600, 1200), fileName: '堤防.jpg', altText: '堤防', user: TEST_USER });
      await uploadMedia(site, { bytes: await makePdf(2), fileName: '資料.pdf', altText: '', user: TEST_USER });
      const report = await publishReport(site, { title: '堤防の視察', activityDate: '2026-05-01', bodySource: BODY });
      reportPath = `/activity/${report.slug}/`;
      reportId = report.id;
    },
  });
});
after(async () => t.close());

async function reportHtml(): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: reportPath });
  assert.equal(res.statusCode, 200);
  return res.body;
}

test('shows an inline photo as a figure with the WebP variants, its size, lazy loading and the caption', async () => {
  const html = await reportHtml();
  const figure = /<figure class="figure"><img [^>]*><figcaption>[^<]*<\/figcaption><\/figure>/.exec(html)?.[0];
  assert.ok(figure, 'no figure');
  assert.match(figure, /alt="堤防の補修現場"/);
  assert.match(figure, /width="1600" height="1200"/);
  assert.match(figure, /loading="lazy" decoding="async"/);
  assert.match(figure, /<figcaption>補修が進む堤防\(令和8年\)<\/figcaption>/);
  const srcset = /srcset="([^"]*)"/.exec(figure)?.[1];
  assert.ok(srcset, 'no srcset');
  for (const candidate of srcset.split(', ')) {
    const [url, width] = candidate.split(' ');
    assert.match(width!, /^\d+w$/);
    assert.equal(url, mediaVariantPath(photo.sha256, photo.originalName, Number.parseInt(width!, 10)).replaceAll('&', '&amp;'));
    assert.equal((await t.app.inject({ method: 'GET', url: url! })).statusCode, 200, url);
  }
});

test('shows a text placeholder, never an <img>, for a file that does not exist or is not an image', async () => {
  const html = await reportHtml();
  assert.match(html, /<figure class="figure figure-missing"><p class="placeholder">［画像：未登録の写真］<\/p>/);
  assert.match(html, /<p class="placeholder">［画像：資料の表紙］<\/p>/);
  assert.equal(html.match(/<img [^>]*alt="(?:未登録の写真|資料の表紙)"/g), null);
  assert.doesNotMatch(html, /figure-warning/);
});

test('warns in the preview why a photo is not shown', async () => {
  const { html } = await previewBody(t.site.db, '![未登録の写真](media:ない.jpg)');
  assert.match(html, /<span class="figure-warning">「ない.jpg」という名前のファイルが見つかりません。/);
});

test('shows a table with a header row in a focusable scroll region, padding the short row', async () => {
  const html = await reportHtml();
  assert.ok(
    html.includes(
      '<div class="table-scroll" tabindex="0" role="region" aria-label="表1"><table><thead><tr><th scope="col">地区</th><th scope="col">延長</th><th scope="col"></th></tr></thead>' +
        '<tbody><tr><td>北地区</td><td>1.2km</td><td></td></tr><tr><td>南地区</td><td>0.8km</td><td>追加</td></tr></tbody></table></div>',
    ),
  );
});

test('finds the report by a table cell and by a photo caption', async () => {
  for (const word of ['北地区', '補修が進む堤防']) {
    const res = await t.app.inject({ method: 'GET', url: paths.search({ q: word }) });
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(reportPath), word);
  }
});

test('gives the photo absolute src and srcset URLs in the feeds', async () => {
  const feed = JSON.parse((await t.app.inject({ method: 'GET', url: paths.jsonFeed() })).body) as { items: { content_html: string }[] };
  const html = feed.items[0]!.content_html;
  const img = /<img [^>]*>/.exec(html)?.[0] ?? '';
  const srcset = /srcset="([^"]*)"/.exec(img)?.[1] ?? '';
  assert.match(img, new RegExp(`src="${TEST_BASE_URL}/media/`));
  assert.ok(srcset.includes(`${TEST_BASE_URL}${mediaVariantPath(photo.sha256, photo.originalName, 640)} 640w`), srcset);
  assert.deepEqual(
    srcset.split(', ').filter((candidate) => !candidate.startsWith(`${TEST_BASE_URL}/media/`)),
    [],
  );
  const rss = (await t.app.inject({ method: 'GET', url: paths.rss() })).body;
  assert.doesNotMatch(rss, /(?:src|srcset)=(?:"|&quot;)\/media\//);
  assert.match(rss, /srcset=(?:"|&quot;)https:\/\/www\.example\.jp\/media\//);
});

test('labels the attachment of a file both shown and linked with the link text, not the photo description', async () => {
  const report = await publishReport(t.site, {
    title: '写真と資料',
    activityDate: '2026-05-02',
    bodySource: '![堤防の補修現場](media:堤防.jpg)\n\n[元の写真](media:堤防.jpg)',
  });
  assert.deepEqual(
    (await listAttachments(t.site.db, report.id)).map((a) => a.label),
    ['元の写真'],
  );
});

test('does not list a photo shown in the body among the attachments under the report', async () => {
  assert.deepEqual(await listAttachments(t.site.db, reportId), []);
  const withLink = await previewBody(t.site.db, '[写真](media:堤防.jpg)');
  assert.match(withLink.html, /<a class="attachment" href="\/admin\/media\/file\//);
});

test('lists unnumbered headings in the table of contents without a number', async () => {
  const report = await publishReport(t.site, {
    title: '三つの活動',
    activityDate: '2026-05-03',
    bodySource: '【地元】\n本文。\n■ 商店街\n本文。\n【国会】\n本文。\n【党務】\n本文。',
  });
  const html = (await t.app.inject({ method: 'GET', url: `/activity/${report.slug}/` })).body;
  const toc = /<nav class="toc"[^]*?<\/nav>/.exec(html)?.[0] ?? '';
  const entries = [...toc.matchAll(/<a href="#(s\d+)">([^<]*)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(entries, ['s1 【地元】', 's2 【国会】', 's3 【党務】']);
  assert.match(html, /<h3 id="s1-1"><span class="no">■<\/span> 商店街<\/h3>/);
});

test('shows the photo once its file is uploaded after the report that names it', async () => {
  const report = await publishReport(t.site, { title: '後から届いた写真', activityDate: '2026-05-04', bodySource: '![式典の様子](media:式典.jpg)' });
  const url = `/activity/${report.slug}/`;
  assert.match((await t.app.inject({ method: 'GET', url })).body, /<p class="placeholder">［画像：式典の様子］<\/p>/);
  await uploadMedia(t.site, { bytes: await makeImage('jpeg', 800, 600), fileName: '式典.jpg', altText: '式典', user: TEST_USER });
  const html = (await t.app.inject({ method: 'GET', url })).body;
  assert.match(html, /<figure class="figure"><img [^>]*width="800" height="600" alt="式典の様子"/);
});
