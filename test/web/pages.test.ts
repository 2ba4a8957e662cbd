import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { createReport } from '../../src/actions/reports/create-report.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { addCategory, publishReport, setSettings } from '../support/factories.js';

let t: TestApp;

async function pdfOfPages(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage();
  return pdf.save();
}

const SEED_SHAPED = readFileSync(new URL('../fixtures/seed-shaped-report.txt', import.meta.url), 'utf8');

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await setSettings(site);
      await addCategory(site, 'diplomacy', '外交・安全保障');
      const media = await storeMedia(site, { bytes: await pdfOfPages(4), fileName: 'factsheet.pdf', mime: 'application/pdf' });
      await createReport(
        site,
        {
          title: '第2回外務・防衛閣僚協議',
          activityDate: '2013-11-02',
          bodySource: SEED_SHAPED,
          categorySlug: 'diplomacy',
          tags: ['外交', '安全保障'],
          summary: '閣僚協議の概要です。',
        },
        { status: 'published', attachments: [{ mediaId: media.id, label: 'ファクトシート', summary: '合意した協力の一覧です。' }] },
      );
      for (let i = 1; i <= 25; i++) await publishReport(site, { title: `地元報告${i}`, activityDate: `2024-05-${String(i).padStart(2, '0')}` });
      await createReport(site, { title: '下書きの報告', activityDate: '2024-07-01', bodySource: '未公開の本文。' }, { status: 'draft' });
    },
  });
});

after(async () => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

test('shows the site header, profile summary and latest reports on the home page', async () => {
  const res = await get('/');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
  assert.match(res.body, /<title>衆議院議員 試験 花子 公式サイト<\/title>/);
  assert.match(res.body, /<span class="site-chamber">衆議院議員<\/span><span class="site-legislator">試験 花子<\/span><span class="site-suffix">公式サイト<\/span>/);
  assert.match(res.body, /架空県第1区/);
  assert.match(res.body, /<p class="profile-lead">架空県に生まれ、/);
  assert.match(res.body, /地元報告25/);
  assert.match(res.body, /"@type":"Person"/);
});

test('renders a seed-shaped report with its numbered structure, date, category, tags and attachment', async () => {
  const res = await get('/activity/2013-11-02/');
  assert.equal(res.statusCode, 200);
  const body = res.body;
  assert.match(body, /<time datetime="2013-11-02"[^>]*>2013年11月2日\(土\)<\/time>/);
  assert.equal(body.match(/<section class="sec"[^>]*><h2/g)?.length, 7);
  for (let n = 1; n <= 7; n++) assert.match(body, new RegExp(`<h2 id="s${n}"><span class="no">${n}</span>`));
  assert.equal(body.match(/<h3 /g)?.length, 3);
  assert.match(body, /<ol class="items"><li><p><span class="no">\(1\)<\/span>/);
  assert.match(body, /href="\/category\/diplomacy\/">外交・安全保障<\/a>/);
  assert.match(body, /href="\/tag\/%E5%A4%96%E4%BA%A4\/">外交<\/a>/);
  assert.match(body, /ファクトシート<span class="meta">\(PDF形式・\d+KB・4ページ\)<\/span>/);
  assert.match(body, /合意した協力の一覧です。/);
  assert.match(body, /"@type":"NewsArticle"/);
  assert.match(body, new RegExp(`<link rel="canonical" href="${TEST_BASE_URL}/activity/2013-11-02/"/>`));
  assert.match(body, /<meta property="og:type" content="article"\/>/);
  assert.match(body, /<meta name="twitter:card" content="summary"\/>/);
  // The title and description once each (og:*), which X's cards fall back to: no twitter:title or twitter:description.
  assert.doesNotMatch(body, /twitter:title|twitter:description/);
});

test('links a report to the previous and next report', async () => {
  const body = (await get('/activity/2024-05-02/')).body;
  assert.match(body, /href="\/activity\/2024-05-01\/" rel="prev"/);
  assert.match(body, /href="\/activity\/2024-05-03\/" rel="next"/);
});

test('paginates the activity list 20 per page, newest first, with dates', async () => {
  const first = await get('/activity/');
  assert.match(first.body, /26件/);
  assert.ok(first.body.indexOf('地元報告25') < first.body.indexOf('地元報告24'));
  assert.match(first.body, /<time datetime="2024-05-25">2024年5月25日<\/time>/);
  assert.match(first.body, /href="\/activity\/page\/2\/" rel="next"/);
  const second = await get('/activity/page/2/');
  assert.equal(second.statusCode, 200);
  assert.match(second.body, /第2回外務・防衛閣僚協議/);
  assert.match(second.body, /<link rel="canonical" href="https:\/\/www.example.jp\/activity\/page\/2\/"\/>/);
  assert.match(second.body, /<link rel="prev" href="https:\/\/www.example.jp\/activity\/"\/>/);
  assert.equal((await get('/activity/page/3/')).statusCode, 404);
});

test('links archive pages as paths a static host can serve, and sends the old ?page= links there', async () => {
  const year = await get('/activity/2024/');
  assert.match(year.body, /href="\/activity\/2024\/page\/2\/" rel="next"/);
  assert.equal((await get('/activity/2024/page/2/')).statusCode, 200);
  assert.equal((await get('/activity/2024/05/page/2/')).statusCode, 200);
  for (const [from, to] of [
    ['/activity/?page=2', '/activity/page/2/'],
    ['/activity/2024/?page=2', '/activity/2024/page/2/'],
    ['/activity/2024/05/?page=2', '/activity/2024/05/page/2/'],
    ['/activity/?page=1', '/activity/'],
    ['/activity/page/1/', '/activity/'],
    ['/activity/2024/page/1/', '/activity/2024/'],
  ]) {
    const res = await get(from!);
    assert.equal(res.statusCode, 301, from);
    assert.equal(res.headers.location, to, from);
  }
  for (const url of ['/activity/page/0/', '/activity/page/abc/', '/activity/page/100001/', '/activity/1999/page/2/', '/category/none/page/2/']) {
    assert.equal((await get(url)).statusCode, 404, url);
  }
});

test('never shows a draft publicly', async () => {
  assert.doesNotMatch((await get('/activity/')).body, /下書きの報告/);
  assert.equal((await get('/activity/2024-07-01/')).statusCode, 404);
  assert.doesNotMatch((await get('/feed.xml')).body, /下書きの報告/);
});

test('serves year, month, category and tag archives', async () => {
  assert.match((await get('/activity/2013/')).body, /2013年の活動報告/);
  assert.match((await get('/activity/2024/')).body, /<nav class="month-nav" aria-label="2024年の月別"><ul><li><a href="\/activity\/2024\/05\/">5月/);
  const month = await get('/activity/2024/05/');
  assert.match(month.body, /2024年5月の活動報告/);
  assert.match(month.body, /25件/);
  assert.match((await get('/category/diplomacy/')).body, /第2回外務・防衛閣僚協議/);
  assert.match((await get('/tag/%E5%A4%96%E4%BA%A4/')).body, /タグ「外交」の活動報告/);
});

test('answers 404 for archives without reports and unknown categories or tags', async () => {
  for (const url of ['/activity/1999/', '/activity/2024/13/', '/activity/2024/02/', '/category/none/', '/tag/%E3%81%AA%E3%81%97/']) {
    const res = await get(url);
    assert.equal(res.statusCode, 404, url);
    assert.match(res.body, /ページが見つかりません/);
  }
});

test('shows the profile page with the profile text and contact', async () => {
  const res = await get('/profile/');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /県議会議員を2期務めた/);
  assert.match(res.body, /東京都千代田区永田町0-0-0/);
});

test('serves an attachment with its type, five-minute caching and the original name', async () => {
  const page = (await get('/activity/2013-11-02/')).body;
  const href = /href="(\/media\/[0-9a-f]{64}\/factsheet\.pdf)"/.exec(page)![1]!;
  const res = await get(href);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['cache-control'], 'public, max-age=300');
  assert.match(res.headers['content-disposition'] as string, /filename\*=UTF-8''factsheet\.pdf/);
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.equal((await get(`/media/${'0'.repeat(64)}/x.pdf`)).statusCode, 404);
  assert.equal((await get('/media/zzz/x.pdf')).statusCode, 404);
  assert.equal((await get(href.replace('factsheet.pdf', 'other.pdf'))).statusCode, 404);
});

test('redirects paths without the trailing slash', async () => {
  const res = await get('/activity/page/2');
  assert.equal(res.statusCode, 301);
  assert.equal(res.headers.location, '/activity/page/2/');
  assert.equal((await get('/profile')).headers.location, '/profile/');
});

test('serves the stylesheet under a content-hashed name cached forever', async () => {
  const home = (await get('/')).body;
  const css = /<link rel="stylesheet" href="(\/assets\/site\.[0-9a-f]{12}\.css)"/.exec(home)![1]!;
  const res = await get(css);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/css/);
  assert.match(res.headers['cache-control'] as string, /immutable/);
});
