import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createReport } from '../../src/actions/reports/create-report.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { addCategory, publishReport, setSettings } from '../support/factories.js';

let t: TestApp;

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await setSettings(site);
      await addCategory(site, 'diet', '国会活動');
      await createReport(
        site,
        {
          title: '予算委員会で質問 <script>',
          summary: '財源を質した <b>要旨</b> & 答弁',
          activityDate: '2024-02-10',
          bodySource: '2月10日,予算委員会で質問に立った。\n\n1 質問の要旨\n\n(1)子育て支援の財源について質した。詳細は[プロフィール](/profile/)参照。',
          categorySlug: 'diet',
          tags: ['予算委員会', '子育て支援', '<i>再質問'],
        },
        { status: 'published' },
      );
      for (let i = 1; i <= 24; i++) await publishReport(site, { activityDate: `2023-01-${String(i).padStart(2, '0')}` });
      await createReport(site, { title: '下書き', activityDate: '2024-03-01', bodySource: '本文' }, { status: 'draft' });
    },
  });
});
after(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

test('publishes an RSS 2.0 feed of the latest 20 reports with full content and absolute links', async () => {
  const res = await get('/feed.xml');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^application\/rss\+xml/);
  assert.match(res.body, /<rss version="2.0"/);
  assert.equal(res.body.match(/<item>/g)?.length, 20);
  assert.match(res.body, /<title><!\[CDATA\[予算委員会で質問 <script>\]\]><\/title>/);
  assert.match(res.body, /子育て支援の財源について質した。/);
  assert.match(res.body, new RegExp(`href="${TEST_BASE_URL}/profile/"`));
  assert.match(res.body, new RegExp(`<link>${TEST_BASE_URL}/activity/2024-02-10/</link>`));
  assert.doesNotMatch(res.body, /下書き/);
});

test('publishes an Atom feed and a JSON Feed with the same entries', async () => {
  const atom = await get('/atom.xml');
  assert.match(atom.headers['content-type'] as string, /^application\/atom\+xml/);
  assert.match(atom.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  assert.equal(atom.body.match(/<entry>/g)?.length, 20);
  const json = await get('/feed.json');
  assert.match(json.headers['content-type'] as string, /^application\/feed\+json/);
  const feed = json.json() as { version: string; items: { url: string; content_html: string }[] };
  assert.match(feed.version, /jsonfeed.org\/version\/1/);
  assert.equal(feed.items.length, 20);
  assert.equal(feed.items[0]!.url, `${TEST_BASE_URL}/activity/2024-02-10/`);
  assert.match(feed.items[0]!.content_html, /<section class="sec"/);
});

test('lists every published report and the main pages in the sitemap', async () => {
  const res = await get('/sitemap.xml');
  assert.match(res.headers['content-type'] as string, /^application\/xml/);
  assert.equal(res.body.match(/<url>/g)!.length, 3 + 25 + 1 + 2);
  assert.match(res.body, new RegExp(`<loc>${TEST_BASE_URL}/activity/2024-02-10/</loc><lastmod>`));
  assert.doesNotMatch(res.body, /2024-03-01/);
});

test('points robots at the sitemap and away from the admin', async () => {
  const res = await get('/robots.txt');
  assert.match(res.body, /Disallow: \/admin\//);
  assert.match(res.body, new RegExp(`Sitemap: ${TEST_BASE_URL}/sitemap.xml`));
});

test('lists reports in the JSON API with total and paginated items', async () => {
  const res = await get('/api/v1/reports?limit=10&page=1');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['access-control-allow-origin'], '*');
  const data = res.json() as { total: number; items: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(data), ['total', 'items']);
  assert.equal(data.total, 25);
  assert.equal(data.items.length, 10);
  assert.deepEqual(data.items[0], {
    id: 1,
    title: '予算委員会で質問 <script>',
    url: `${TEST_BASE_URL}/activity/2024-02-10/`,
    date: '2024-02-10',
    category: '国会活動',
    tags: ['予算委員会', '子育て支援', '<i>再質問'],
    // No confirmed activity record: the field is there, null (issue 16 item 6).
    record: null,
  });
  const last = (await get('/api/v1/reports?limit=10&page=3')).json() as { items: unknown[] };
  assert.equal(last.items.length, 5);
});

test('returns one report in the JSON API with html, text and outline', async () => {
  const data = (await get('/api/v1/reports/1')).json() as Record<string, unknown>;
  assert.equal(data.title, '予算委員会で質問 <script>');
  assert.equal(data.date, '2024-02-10');
  assert.match(data.html as string, /<h2 id="s1"><span class="no">1<\/span> 質問の<wbr>要旨<\/h2>/);
  assert.match(data.text as string, /\(1\)子育て支援の財源について質した。/);
  assert.deepEqual(data.outline, [{ id: 's1', depth: 1, number: '1', title: '質問の要旨' }]);
  assert.equal((await get('/api/v1/reports/26')).statusCode, 404);
});

test('escapes plain text where feed readers expect HTML, and keeps the Atom XML well-formed', async () => {
  const rss = (await get('/feed.xml')).body;
  assert.match(rss, /<description><!\[CDATA\[財源を質した &lt;b&gt;要旨&lt;\/b&gt; &amp; 答弁\]\]><\/description>/);
  const atom = (await get('/atom.xml')).body;
  assert.match(atom, /<title type="html"><!\[CDATA\[予算委員会で質問 &lt;script&gt;\]\]><\/title>/);
  assert.match(atom, /<summary type="html"><!\[CDATA\[財源を質した &lt;b&gt;要旨&lt;\/b&gt; &amp; 答弁\]\]><\/summary>/);
  assert.match(atom, /<category label="&lt;i&gt;再質問"\/>/);
  assert.doesNotMatch(atom, /label="[^"]*</);
  const json = JSON.parse((await get('/feed.json')).body) as { items: { title: string; summary?: string }[] };
  const item = json.items.find((i) => i.title.startsWith('予算委員会'))!;
  assert.equal(item.title, '予算委員会で質問 <script>');
  assert.equal(item.summary, '財源を質した <b>要旨</b> & 答弁');
});
