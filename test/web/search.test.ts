import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createReport } from '../../src/actions/reports/create-report.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { addCategory, publishReport, setSettings, TEST_SETTINGS } from '../support/factories.js';

let t: TestApp;

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await setSettings(site);
      await addCategory(site, 'diplomacy', '外交・安全保障');
      await addCategory(site, 'local', '地元活動');
      // 外交 as a word, and (newer, so recency alone would put it first) inside 海外交流.
      await publishReport(site, {
        title: '委員会で質問',
        bodySource: '本日の委員会で外交について質問した。',
        activityDate: '2023-03-01',
        categorySlug: 'diplomacy',
        tags: ['外交'],
      });
      await publishReport(site, { title: '交流事業に参加', bodySource: '海外交流事業の式典に参加した。', activityDate: '2024-09-01', categorySlug: 'local' });
      await publishReport(site, { title: '商店街を訪問', bodySource: '駅前の商店街を訪問した。', activityDate: '2024-01-10' });
      await createReport(site, { title: '未公開の外交メモ', activityDate: '2024-10-01', bodySource: '外交の下書き。ヒミツの語句。' }, { status: 'draft' });
      // Full-width and half-width forms, and the two forms of 高.
      await publishReport(site, { title: 'ＴＰＰ協定の説明会', bodySource: '２＋２の会合について説明を受けた。', activityDate: '2022-05-01' });
      await publishReport(site, { title: '髙橋市長と会談', bodySource: '髙橋市長と意見交換した。', activityDate: '2022-06-01' });
      await publishReport(site, { title: '高橋議員の講演会', bodySource: 'TPP と 2+2 について講演を聴いた。', activityDate: '2021-04-01' });
      // Markup in the text stays text.
      await publishReport(site, { title: '防災の<b>報告</b>', bodySource: '防災について。<script>alert("防災")</script> 防災訓練も。', activityDate: '2021-05-01' });
      // For the filters: two years, two categories.
      await publishReport(site, { title: '予算の審議', bodySource: '予算の審議に出席した。', activityDate: '2023-02-01', categorySlug: 'diplomacy' });
      await publishReport(site, { title: '予算の要望', bodySource: '予算の要望を受けた。', activityDate: '2023-02-02', categorySlug: 'local' });
      await publishReport(site, { title: '予算案の説明', bodySource: '予算案について説明した。', activityDate: '2024-02-03', categorySlug: 'local' });
      await publishReport(site, { title: '予算の勉強会', bodySource: '予算の勉強会を開いた。', activityDate: '2024-02-04' });
      // For pagination: 25 matches of 地元.
      for (let i = 1; i <= 25; i++) await publishReport(site, { title: `地元の集会${i}`, activityDate: `2020-01-${String(i).padStart(2, '0')}` });
    },
  });
});
after(async () => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const search = (q: string, extra = '') => get(`/search?q=${encodeURIComponent(q)}${extra}`);

/** The report links of a result page, in order. */
function resultPaths(html: string): string[] {
  return [...html.matchAll(/<h2 class="report-list-title"><a href="([^"]+)">/g)].map((m) => m[1]!);
}

function resultCount(html: string): string | undefined {
  return html.match(/<p class="result-count">([^<]*)<\/p>/)?.[1];
}

test('puts the search form and the OpenSearch link on every public page', async () => {
  const pages = [
    '/',
    '/activity/',
    '/activity/2023-03-01/',
    '/activity/2023/',
    '/activity/2023/03/',
    '/category/diplomacy/',
    `/tag/${encodeURIComponent('外交')}/`,
    '/profile/',
    '/search',
    '/search?q=%E5%A4%96%E4%BA%A4',
    '/no-such-page/',
  ];
  for (const path of pages) {
    const body = (await get(path)).body;
    assert.match(
      body,
      /<form class="site-search" action="\/search" method="get" role="search" aria-label="サイト内検索"><label for="site-search-q" class="visually-hidden">サイト内検索<\/label><input type="search" id="site-search-q" name="q"\/><button type="submit">検索<\/button><\/form>/,
      path,
    );
    assert.match(body, /<link rel="search" type="application\/opensearchdescription\+xml" title="衆議院議員 試験 花子 公式サイト" href="\/opensearch.xml"\/>/, path);
  }
});

test('finds exactly the reports containing a 2-character word, the word as a word first', async () => {
  const res = await search('外交');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(resultPaths(res.body), ['/activity/2023-03-01/', '/activity/2024-09-01/']);
  assert.equal(resultCount(res.body), '2件');
  assert.match(res.body, /<h1 id="page-title">「外交」の検索結果<\/h1>/);
  assert.match(res.body, /<title>「外交」の検索結果 \| 衆議院議員 試験 花子 公式サイト<\/title>/);
  assert.match(res.body, /<input type="search" id="search-q" name="q" value="外交"\/>/);
});

test('finds a 1-character query wherever the character stands', async () => {
  const res = await search('交');
  assert.deepEqual(resultPaths(res.body).sort(), ['/activity/2022-06-01/', '/activity/2023-03-01/', '/activity/2024-09-01/']);
  assert.deepEqual(resultPaths((await search('訪')).body), ['/activity/2024-01-10/']);
});

test('finds full-width and half-width forms and the variant forms of a name from either side', async () => {
  const both = ['/activity/2021-04-01/', '/activity/2022-05-01/'];
  for (const q of ['TPP', 'ＴＰＰ', 'tpp', '2+2', '２＋２']) assert.deepEqual(resultPaths((await search(q)).body).sort(), both, q);
  const takahashi = ['/activity/2021-04-01/', '/activity/2022-06-01/'];
  for (const q of ['高橋', '髙橋']) assert.deepEqual(resultPaths((await search(q)).body).sort(), takahashi, q);
  assert.match((await search('高橋')).body, /<a href="\/activity\/2022-06-01\/"><mark>髙橋<\/mark>市長と会談<\/a>/);
});

test('never finds drafts, on the page or in the API', async () => {
  const res = await search('ヒミツ');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(resultPaths(res.body), []);
  assert.doesNotMatch(res.body, /未公開/);
  assert.deepEqual(JSON.parse((await get(`/api/v1/search?q=${encodeURIComponent('外交')}`)).body).total, 2);
});

test('tells a search without results to shorten the words or use fewer of them', async () => {
  const res = await search('存在しない語句');
  assert.equal(res.statusCode, 200);
  assert.equal(resultCount(res.body), '0件');
  assert.match(res.body, /「存在しない語句」に一致する活動報告は見つかりませんでした。/);
  assert.match(res.body, /語を短くする/);
  assert.match(res.body, /語の数を減らす/);
});

test('narrows results by year and category and counts exactly what is shown', async () => {
  const cases: [string, string[]][] = [
    ['', ['2023-02-01', '2023-02-02', '2024-02-03', '2024-02-04']],
    ['&year=2023', ['2023-02-01', '2023-02-02']],
    ['&category=local', ['2023-02-02', '2024-02-03']],
    ['&year=2024&category=local', ['2024-02-03']],
    ['&year=&category=', ['2023-02-01', '2023-02-02', '2024-02-03', '2024-02-04']],
  ];
  for (const [filter, dates] of cases) {
    const res = await search('予算', filter);
    assert.equal(res.statusCode, 200, filter);
    assert.deepEqual(
      resultPaths(res.body).sort(),
      dates.map((d) => `/activity/${d}/`),
      filter,
    );
    assert.equal(resultCount(res.body), `${dates.length}件`, filter);
  }
  const body = (await search('予算', '&year=2024&category=local')).body;
  assert.match(body, /<option value="2024" selected>2024年<\/option>/);
  assert.match(body, /<option value="local" selected>地元活動<\/option>/);
});

test('offers to drop the filters when a filtered search finds nothing', async () => {
  const res = await search('予算', '&year=2022');
  assert.equal(res.statusCode, 200);
  assert.equal(resultCount(res.body), '0件');
  assert.match(res.body, /<a href="\/search\?q=%E4%BA%88%E7%AE%97">年・カテゴリーの絞り込みを外して探す<\/a>/);
});

test('refuses an unknown category with a message next to its box', async () => {
  const res = await search('予算', '&category=no-such-category');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /<p id="search-category-error" class="field-error">指定されたカテゴリーはありません。/);
});

test('paginates results and keeps the words and filters in the page links', async () => {
  const first = await search('地元');
  assert.equal(resultPaths(first.body).length, 20);
  assert.equal(resultCount(first.body), '25件(1/2ページ)');
  assert.match(first.body, /<a href="\/search\?q=%E5%9C%B0%E5%85%83&amp;page=2" rel="next">次のページ<\/a>/);
  const second = await search('地元', '&page=2');
  assert.equal(resultPaths(second.body).length, 5);
  assert.match(second.body, /<a href="\/search\?q=%E5%9C%B0%E5%85%83" rel="prev">前のページ<\/a>/);
  assert.equal(new Set([...resultPaths(first.body), ...resultPaths(second.body)]).size, 25);
  const filtered = await search('地元', '&year=2020&page=2');
  assert.match(filtered.body, /<a href="\/search\?q=%E5%9C%B0%E5%85%83&amp;year=2020" rel="prev">/);
  assert.equal((await search('地元', '&page=3')).statusCode, 404);
  assert.equal((await search('存在しない語句', '&page=2')).statusCode, 404);
});

test('marks every match in titles and snippets and shows markup from the text as text', async () => {
  const res = await search('防災');
  assert.match(res.body, /<a href="\/activity\/2021-05-01\/"><mark>防災<\/mark>の&lt;b>報告&lt;\/b><\/a>/);
  const snippet = res.body.match(/<p class="search-snippet">(.*?)<\/p>/)?.[1] ?? '';
  assert.equal(snippet.match(/<mark>防災<\/mark>/g)?.length, 3, snippet);
  assert.match(snippet, /&lt;script>alert\(&quot;<mark>防災<\/mark>&quot;\)&lt;\/script>/);
  assert.doesNotMatch(res.body, /<script>alert|<b>報告/);
});

test('reads spaces, 全角 spaces, quotes, minus signs and OR from the box', async () => {
  const paths = async (q: string) => resultPaths((await search(q)).body).sort();
  assert.deepEqual(await paths('予算 説明'), ['/activity/2024-02-03/']);
  assert.deepEqual(await paths('予算　説明'), ['/activity/2024-02-03/']);
  assert.deepEqual(await paths('予算 -説明 -勉強会'), ['/activity/2023-02-01/', '/activity/2023-02-02/']);
  assert.deepEqual(await paths('審議 OR 要望'), ['/activity/2023-02-01/', '/activity/2023-02-02/']);
  assert.deepEqual(await paths('"予算の審議"'), ['/activity/2023-02-01/']);
  assert.deepEqual(resultPaths((await get('/search?q=%E4%BA%88%E7%AE%97+%E8%AA%AC%E6%98%8E')).body), ['/activity/2024-02-03/']);
});

test('shows the form and how to search for an empty box', async () => {
  for (const url of ['/search', '/search?q=', '/search?q=+++%E3%80%80', '/search?q=%22%22', '/search?year=2023']) {
    const res = await get(url);
    assert.equal(res.statusCode, 200, url);
    assert.match(res.body, /<h1 id="page-title">サイト内検索<\/h1>/, url);
    assert.match(res.body, /<input type="search" id="search-q" name="q" value/, url);
    assert.match(res.body, /<h2 id="search-help-title">検索のしかた<\/h2>/, url);
    assert.equal(resultCount(res.body), undefined, url);
  }
});

test('marks every search page noindex', async () => {
  for (const url of ['/search', '/search?q=%E5%A4%96%E4%BA%A4', '/search?q=%FF', `/search?q=${'a'.repeat(201)}`]) {
    assert.match((await get(url)).body, /<meta name="robots" content="noindex"\/>/, url);
  }
});

test('answers a 201-character query with 400, the Japanese message and the words kept in the box', async () => {
  const q = 'あ'.repeat(201);
  const res = await search(q);
  assert.equal(res.statusCode, 400);
  assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.match(res.body, /<p id="search-q-error" class="field-error">検索語は200文字以内にしてください。<\/p>/);
  assert.match(res.body, new RegExp(`<input type="search" id="search-q" name="q" value="${q}" aria-invalid="true" aria-describedby="search-q-error"/>`));
  assert.equal((await search('あ'.repeat(200))).statusCode, 200);
});

test('answers too many words and exclusions alone with 400 and their messages', async () => {
  const many = await search(Array.from({ length: 11 }, (_, i) => `語${i}`).join(' '));
  assert.equal(many.statusCode, 400);
  assert.match(many.body, /検索語は10個までにしてください。/);
  const onlyExcluded = await search('-外交');
  assert.equal(onlyExcluded.statusCode, 400);
  assert.match(onlyExcluded.body, /除外する語だけでは検索できません。/);
});

test('answers percent-encoding that is not UTF-8 with 400 and a message, not a search for the letters', async () => {
  for (const q of ['%E3%81', '%FF', '%', '%E5%A4%96%E4%BA']) {
    const res = await get(`/search?q=${q}`);
    assert.equal(res.statusCode, 400, q);
    assert.match(res.body, /検索語の一部を文字として読み取れませんでした/, q);
    const api = await get(`/api/v1/search?q=${q}`);
    assert.equal(api.statusCode, 400, q);
    assert.match(JSON.parse(api.body).error.message, /読み取れませんでした/, q);
  }
});

test('reads control characters as spaces, so the box shows what was searched', async () => {
  const res = await get('/search?q=%00%E5%A4%96%E4%BA%A4%01%1F%7F');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<input type="search" id="search-q" name="q" value="外交"\/>/);
  assert.equal(resultCount(res.body), '2件');
});

test('returns the documented JSON from the search API with exact totals and absolute URLs', async () => {
  const res = await get(`/api/v1/search?q=${encodeURIComponent('地元')}&limit=10&page=3`);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^application\/json; charset=utf-8/);
  assert.equal(res.headers['access-control-allow-origin'], '*');
  const body = JSON.parse(res.body);
  assert.deepEqual(Object.keys(body), ['total', 'items']);
  assert.equal(body.total, 25);
  assert.equal(body.items.length, 5);
  for (const item of body.items) {
    assert.deepEqual(Object.keys(item), ['id', 'title', 'url', 'date', 'snippet', 'matchedIn']);
    assert.equal(item.matchedIn, 'report');
    assert.equal(typeof item.id, 'number');
    assert.match(item.title, /^地元の集会\d+$/);
    assert.equal(item.url, `${TEST_BASE_URL}/activity/${item.date}/`);
    assert.match(item.date, /^2020-01-\d\d$/);
  }
  const defaults = JSON.parse((await get(`/api/v1/search?q=${encodeURIComponent('地元')}`)).body);
  assert.equal(defaults.items.length, 20);
  const past = JSON.parse((await get(`/api/v1/search?q=${encodeURIComponent('地元')}&page=9`)).body);
  assert.deepEqual(past, { total: 25, items: [] });
});

test('gives snippets in the API as escaped HTML with every match marked', async () => {
  const body = JSON.parse((await get(`/api/v1/search?q=${encodeURIComponent('防災')}`)).body);
  assert.equal(body.total, 1);
  assert.equal(body.items[0].title, '防災の<b>報告</b>');
  assert.equal(body.items[0].snippet, '<mark>防災</mark>について。&lt;script&gt;alert(&quot;<mark>防災</mark>&quot;)&lt;/script&gt; <mark>防災</mark>訓練も。');
});

test('answers bad API parameters with a JSON 400 and a message', async () => {
  const cases = ['', '?q=', `?q=${'a'.repeat(201)}`, '?q=-a', '?q=a&limit=0', '?q=a&limit=101', '?q=a&page=0', '?q=a&page=x', '?q=a&q=b'];
  for (const query of cases) {
    const res = await get(`/api/v1/search${query}`);
    assert.equal(res.statusCode, 400, query);
    assert.match(res.headers['content-type'] as string, /^application\/json/, query);
    assert.equal(res.headers['access-control-allow-origin'], '*', query);
    assert.equal(typeof JSON.parse(res.body).error.message, 'string', query);
  }
  assert.equal(JSON.parse((await get(`/api/v1/search?q=${'a'.repeat(201)}`)).body).error.message, '検索語は200文字以内にしてください。');
  assert.equal(JSON.parse((await get('/api/v1/search')).body).error.message, '検索語(q)を指定してください。');
});

test('publishes an OpenSearch description that is well-formed XML with the search template', async () => {
  const res = await get('/opensearch.xml');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/opensearchdescription+xml; charset=utf-8');
  assert.doesNotThrow(() => checkWellFormed(res.body), res.body);
  assert.match(res.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<OpenSearchDescription xmlns="http:\/\/a9.com\/-\/spec\/opensearch\/1.1\/">/);
  assert.match(res.body, /<ShortName>試験 花子 公式サイト<\/ShortName>/);
  assert.match(res.body, new RegExp(`<Url type="text/html" method="get" template="${TEST_BASE_URL}/search\\?q=\\{searchTerms\\}"/>`));
  assert.match(res.body, /<InputEncoding>UTF-8<\/InputEncoding>/);
  assert.match(res.body, new RegExp(`<Image width="32" height="32" type="image/svg\\+xml">${TEST_BASE_URL}/assets/icon\\.[0-9a-f]{12}\\.svg</Image>`));
});

test('keeps the OpenSearch short name within 16 characters and escapes the settings', async () => {
  const long = await createTestApp({
    seed: (site) => setSettings(site, { ...TEST_SETTINGS, chamber: '参議院議員', legislatorName: '<寿限無>寿限無五劫の擦り切れ海砂利水魚' }),
  });
  try {
    const body = (await long.app.inject({ url: '/opensearch.xml' })).body;
    assert.doesNotThrow(() => checkWellFormed(body), body);
    assert.match(body, /<ShortName>&lt;寿限無&gt;寿限無五劫の擦り切れ海<\/ShortName>/);
  } finally {
    await long.close();
  }
});

test('serves a repeated search from the cache with its ETag until a report is published', async () => {
  const own = await createTestApp({ seed: async (site) => void (await publishReport(site, { title: '蓄積の試験', activityDate: '2024-01-01' })) });
  try {
    const url = `/search?q=${encodeURIComponent('蓄積')}`;
    const first = await own.app.inject({ url });
    assert.equal(first.statusCode, 200);
    assert.match(first.headers['cache-control'] as string, /^public, max-age=\d+/);
    const again = await own.app.inject({ url, headers: { 'if-none-match': first.headers.etag as string } });
    assert.equal(again.statusCode, 304);
    await publishReport(own.site, { title: '蓄積の試験その2', activityDate: '2024-01-02' });
    const after = await own.app.inject({ url, headers: { 'if-none-match': first.headers.etag as string } });
    assert.equal(after.statusCode, 200);
    assert.equal(resultCount(after.body), '2件');
  } finally {
    await own.close();
  }
});

/**
 * A strict check of the XML subset the site writes: declaration, elements, attributes in
 * double quotes, text and the five entities or numeric references; one root, proper nesting.
 */
function checkWellFormed(xml: string): void {
  const TEXT = /^(?:[^<&]|&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)*$/;
  const TOKEN = /<\?xml( [a-z]+="[^"]*")*\?>|<(\/?)([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  while (at < xml.length) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(xml);
    if (!m) throw new Error(`not XML at ${at}: ${xml.slice(at, at + 40)}`);
    at = TOKEN.lastIndex;
    const [token, , closing, name, attributes, selfClosing, text] = m;
    if (text !== undefined) {
      if (!TEXT.test(text)) throw new Error(`bad text: ${text}`);
      if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root: ${text}`);
      continue;
    }
    if (name === undefined) {
      if (m.index !== 0) throw new Error('declaration not first');
      continue;
    }
    for (const a of (attributes ?? '').matchAll(/="([^"]*)"/g)) if (!TEXT.test(a[1]!)) throw new Error(`bad attribute: ${token}`);
    if (closing) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
      continue;
    }
    if (stack.length === 0) roots += 1;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0 || roots !== 1) throw new Error(`open elements ${stack.join(',')}, ${roots} roots`);
}
