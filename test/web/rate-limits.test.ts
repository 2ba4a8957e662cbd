// Per-client rate limits (issue 9): search, the API and the feeds answer 429 with
// Retry-After once a client is over its limit, fired at once or not; other clients and
// report pages are not limited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.js';
import { bumpContentVersion } from '../../src/store/site-state.js';
import { publishReport, setSettings, TEST_SETTINGS } from '../support/factories.js';

let t: TestApp;
const LIMITS = { searchPerMinute: 5, apiPerMinute: 8, feedsPerMinute: 3 };

before(async () => {
  t = await createTestApp({
    rateLimits: LIMITS,
    seed: async (site) => {
      await setSettings(site);
      await publishReport(site, { title: '外交の質問', bodySource: '委員会で外交について質問した。', activityDate: '2024-05-01' });
    },
  });
});
after(async () => t.close());

let nextClient = 1;
/** Each test is its own client, so the counters of one test never reach another. */
const newClient = () => `192.0.2.${nextClient++}`;
const get = (url: string, remoteAddress: string) => t.app.inject({ method: 'GET', url, remoteAddress });
const fire = (urls: string[], remoteAddress: string) => Promise.all(urls.map((url) => get(url, remoteAddress)));
const statuses = (answers: { statusCode: number }[]) => answers.map((a) => a.statusCode).sort((a, b) => a - b);

test('answers searches past the limit with 429, Retry-After and a Japanese page, fired at once', async () => {
  const client = newClient();
  const answers = await fire(
    Array.from({ length: 12 }, (_, i) => `/search?q=${encodeURIComponent(`外交${i}`)}`),
    client,
  );
  assert.deepEqual(statuses(answers), [...Array(5).fill(200), ...Array(7).fill(429)]);
  const refused = answers.find((a) => a.statusCode === 429)!;
  assert.ok(Number(refused.headers['retry-after']) > 0);
  assert.match(String(refused.headers['content-type']), /^text\/html/);
  assert.match(refused.body, /<html lang="ja">/);
  assert.match(refused.body, /アクセスが集中しています/);
  assert.equal(refused.headers['cache-control'], 'no-store');
});

test('counts /search and /api/v1/search together and answers the API with JSON', async () => {
  const client = newClient();
  const answers = await fire([...Array(3).fill('/search?q=外交'), ...Array(4).fill('/api/v1/search?q=外交')].map(encodeURI), client);
  assert.deepEqual(statuses(answers), [...Array(5).fill(200), 429, 429]);
  const refused = await get(encodeURI('/api/v1/search?q=外交'), client);
  assert.equal(refused.statusCode, 429);
  assert.ok(Number(refused.headers['retry-after']) > 0);
  assert.match(String(refused.headers['content-type']), /^application\/json/);
  assert.equal(JSON.parse(refused.body).error.status, 429);
});

test('limits the rest of the API on its own counter', async () => {
  const client = newClient();
  const answers = await fire(Array(10).fill('/api/v1/reports'), client);
  assert.deepEqual(statuses(answers), [...Array(8).fill(200), 429, 429]);
  // Search still has its own allowance.
  assert.equal((await get(encodeURI('/search?q=外交'), client)).statusCode, 200);
});

test('limits the three feeds together', async () => {
  const client = newClient();
  const answers = await fire(['/feed.xml', '/atom.xml', '/feed.json', '/feed.xml', '/atom.xml'], client);
  assert.deepEqual(statuses(answers), [200, 200, 200, 429, 429]);
  assert.ok(answers.filter((a) => a.statusCode === 429).every((a) => Number(a.headers['retry-after']) > 0));
});

test('keeps each client to its own counter', async () => {
  const greedy = newClient();
  await fire(Array(8).fill(encodeURI('/search?q=外交')), greedy);
  assert.equal((await get(encodeURI('/search?q=外交'), greedy)).statusCode, 429);
  assert.equal((await get(encodeURI('/search?q=外交'), newClient())).statusCode, 200);
});

test('never limits report pages, lists, the home page or assets', async () => {
  const client = newClient();
  const home = await get('/', client);
  const css = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)![1]!;
  const urls = Array.from({ length: 40 }, (_, i) => ['/activity/2024-05-01/', '/activity/', '/', css][i % 4]!);
  const answers = await fire(urls, client);
  assert.deepEqual(new Set(statuses(answers)), new Set([200]));
  assert.equal(answers[0]!.headers['x-ratelimit-limit'], undefined);
});

test('refuses with a page rendered once and kept until the site changes, compressed when asked', async () => {
  const client = newClient();
  await fire(Array(3).fill('/feed.xml'), client);
  const first = await get('/feed.xml', client);
  assert.equal(first.statusCode, 429);
  assert.match(first.body, /試験 花子/);
  const compressed = await t.app.inject({ method: 'GET', url: '/atom.xml', remoteAddress: client, headers: { 'accept-encoding': 'br' } });
  assert.equal(compressed.statusCode, 429);
  assert.equal(compressed.headers['content-encoding'], 'br');
  // A new site name shows on the next refusal: the page belongs to a content version.
  await setSettings(t.site, { ...TEST_SETTINGS, legislatorName: '改名 太郎' });
  await t.site.db.transaction().execute((trx) => bumpContentVersion(trx));
  const after = await get('/feed.json', client);
  assert.equal(after.statusCode, 429);
  assert.match(after.body, /改名 太郎/);
});

test('counts an IPv6 client by its /64, which one host can fill with addresses', async () => {
  const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => get('/feed.xml', `2001:db8:1:2::${i + 1}`)));
  assert.deepEqual(statuses(answers), [200, 200, 200, 429, 429]);
  assert.equal((await get('/feed.xml', '2001:db8:1:3::1')).statusCode, 200);
});
