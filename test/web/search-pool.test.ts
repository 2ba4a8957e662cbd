// Searches run in the work pool (issue 9): while every worker is busy, report pages still
// answer, uncached searches are refused at once with 503 and Retry-After, and cached ones
// are still served. Queries whose cost is capped are refused with a Japanese message.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEPTH_MESSAGE, ONE_CHARACTER_MESSAGE } from '../../src/domain/search/query.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { publishReport, setSettings } from '../support/factories.js';
import { createGate, runTestTask, TEST_TASKS_URL } from '../support/test-tasks.js';

let t: TestApp;

before(async () => {
  t = await createTestApp({
    threads: { size: 1, queueLimit: 1, extraTasksUrl: TEST_TASKS_URL },
    seed: async (site) => {
      await setSettings(site);
      await publishReport(site, { title: '外交の質問', bodySource: '委員会で外交について質問した。', activityDate: '2024-05-01' });
      for (let i = 1; i <= 30; i++) await publishReport(site, { title: `地元の集会${i}`, activityDate: `2020-01-${String(i).padStart(2, '0')}` });
    },
  });
});
after(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const search = (q: string, extra = '') => get(`/search?q=${encodeURIComponent(q)}${extra}`);
const apiSearch = (q: string, extra = '') => get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);

test('while every worker is busy, report pages answer, cached searches are served and new ones get 503 at once', async () => {
  // The page cache keeps a page from its second rendering: cached from now on; the worker is up.
  for (let i = 0; i < 2; i++) assert.equal((await search('外交')).statusCode, 200);
  const { gate, open } = createGate();
  // One task runs and one waits: the pool (size 1, queue 1) is full.
  const blocked = [runTestTask(t.site.work, 'block', { gate }), runTestTask(t.site.work, 'block', { gate })];
  let isReleased = false;
  const released = Promise.all(blocked).then((r) => ((isReleased = true), r));
  try {
    const [report, cached, busy, busyApi] = await Promise.all([get('/activity/2024-05-01/'), search('外交'), search('地元'), apiSearch('地元')]);
    assert.equal(isReleased, false, 'the slow tasks are still running');
    assert.equal(report.statusCode, 200);
    assert.equal(cached.statusCode, 200);
    assert.match(cached.body, /外交<\/mark>の質問/);
    assert.equal(busy.statusCode, 503);
    assert.ok(Number(busy.headers['retry-after']) > 0);
    assert.match(busy.body, /ただいま混み合っています/);
    assert.equal(busy.headers['cache-control'], 'no-store');
    assert.equal(busyApi.statusCode, 503);
    assert.ok(Number(busyApi.headers['retry-after']) > 0);
    assert.equal(JSON.parse(busyApi.body).error.status, 503);
  } finally {
    open();
  }
  assert.deepEqual(await released, ['released', 'released']);
  // The refusal was not cached: the same search now runs.
  const after = await search('地元');
  assert.equal(after.statusCode, 200);
  assert.match(after.body, /の集会30</);
});

test('fired at once beyond the queue, searches are answered with 200 or 503, never held or failed', async () => {
  const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => search(`地元の集会${i + 1}`)));
  const statuses = answers.map((a) => a.statusCode);
  assert.ok(
    statuses.every((s) => s === 200 || s === 503),
    JSON.stringify(statuses),
  );
  assert.ok(statuses.includes(200));
  for (const busy of answers.filter((a) => a.statusCode === 503)) assert.ok(Number(busy.headers['retry-after']) > 0);
});

test('refuses more than one 1-character word, on the page beside the box and in the API', async () => {
  const page = await search('の を に は が で と 地 会 行', '&page=7');
  assert.equal(page.statusCode, 400);
  assert.ok(page.body.includes(`<p id="search-q-error" class="field-error">${ONE_CHARACTER_MESSAGE}</p>`));
  for (const q of ['外交 の を', '外交 -の 会', '外交 OR 会 OR 地', '"外交 の" 質']) assert.equal((await search(q)).statusCode, 400, q);
  const api = await apiSearch('の を');
  assert.equal(api.statusCode, 400);
  assert.equal(JSON.parse(api.body).error.message, ONE_CHARACTER_MESSAGE);
  // One such word is still a search (DESIGN: 1-character words are found).
  assert.equal((await search('集')).statusCode, 200);
  assert.equal((await search('地元 集')).statusCode, 200);
  assert.equal(JSON.parse((await apiSearch('集')).body).total, 30);
});

test('refuses pages past the 1,000th result, on the page and in the API', async () => {
  const page = await search('地元', '&page=51');
  assert.equal(page.statusCode, 400);
  assert.ok(page.body.includes(DEPTH_MESSAGE));
  const api = await apiSearch('地元', '&limit=100&page=11');
  assert.equal(api.statusCode, 400);
  assert.equal(JSON.parse(api.body).error.message, DEPTH_MESSAGE);
  // Up to the limit, a page past the end is still "not found".
  assert.equal((await search('地元', '&page=50')).statusCode, 404);
  assert.deepEqual(JSON.parse((await apiSearch('地元', '&limit=100&page=10')).body), { total: 30, items: [] });
});
