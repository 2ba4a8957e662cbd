import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inlineBuilder, workerBuilder } from '../../src/actions/search/build-search-documents.js';
import { reindexSearch } from '../../src/actions/search/reindex.js';
import { parseSearchQuery } from '../../src/domain/search/query.js';
import { listPublishedForIndex } from '../../src/store/reports.js';
import { clearSearchIndex, findSearchHits, type SearchFilter } from '../../src/store/search.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { buildSearchCorpus, categoryIdOf, trueIds, type SearchCorpus } from '../support/search-corpus.js';

// Enough published reports for documentBuilderFor to choose worker threads (400 or more).
const COUNT = 440;
const QUERIES = ['外交', '中国', '中国 -中国地方', '外交 OR 交流', '外', '鳴門海峡', 'ＩＰＥＦ', '髙橋', '2+2', '協力 地域 説明', '"1 二国間関係"'];

let site: TestSite;
let corpus: SearchCorpus;

before(async () => {
  site = await createTestSite();
  corpus = await buildSearchCorpus(site, COUNT, 5);
});
after(() => site.cleanup());

async function results(filter: SearchFilter = {}) {
  const out: Record<string, unknown> = {};
  for (const q of QUERIES) out[q] = await findSearchHits(site.db, parseSearchQuery(q)!, filter, { offset: 0, limit: 1000 });
  return out;
}

test('builds the same documents on worker threads as on this thread', async () => {
  const items = await listPublishedForIndex(site.db, 0, 300);
  const workers = workerBuilder(2);
  try {
    const [fromWorkers, inline] = await Promise.all([workers.build(items), inlineBuilder().build(items)]);
    assert.equal(fromWorkers.length, items.length);
    assert.deepEqual(fromWorkers, inline);
    // A second batch on the same workers comes back in order too.
    assert.deepEqual(await workers.build(items.slice(0, 7)), inline.slice(0, 7));
  } finally {
    await workers.close();
  }
});

test('rebuilds an emptied index on worker threads with the results the writes gave, reporting progress', async () => {
  const diplomacy = await categoryIdOf(site, 'diplomacy');
  const before = await results();
  const beforeFiltered = await results({ categoryId: diplomacy });
  assert.ok(corpus.published.length >= 400 && corpus.published.length < corpus.reports.length);

  await site.db.transaction().execute((trx) => clearSearchIndex(trx));
  assert.equal((await findSearchHits(site.db, parseSearchQuery('の')!, {}, { offset: 0, limit: 1 })).total, 0);

  const progress: [number, number][] = [];
  const count = await reindexSearch(site, (done, total) => progress.push([done, total]));
  assert.equal(count, corpus.published.length);
  assert.deepEqual(progress.at(-1), [count, count]);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i]![0] > progress[i - 1]![0]);

  assert.deepEqual(await results(), before);
  assert.deepEqual(await results({ categoryId: diplomacy }), beforeFiltered);
  // And those are the true results: published reports only.
  for (const q of QUERIES) {
    const found = (before[q] as { ids: number[] }).ids;
    assert.deepEqual(
      [...found].sort((a, b) => a - b),
      trueIds(corpus, parseSearchQuery(q)!),
      q,
    );
  }
});

test('replaces what the index held rather than adding to it', async () => {
  const first = await results();
  await reindexSearch(site);
  assert.deepEqual(await results(), first);
});

test('rebuilds a small index on this thread', async () => {
  const small = await createTestSite();
  try {
    const a = await publishReport(small, { title: '鱒寿司の製造現場を視察', bodySource: '富山市で鱒寿司を見た。' });
    await publishReport(small, { title: '白えびの漁港を視察', bodySource: '白えびの漁港を視察した。' });
    await small.db.transaction().execute((trx) => clearSearchIndex(trx));
    assert.equal(await reindexSearch(small), 2);
    assert.deepEqual(await findSearchHits(small.db, parseSearchQuery('鱒寿司')!, {}, { offset: 0, limit: 20 }), { total: 1, ids: [a.id] });
  } finally {
    await small.cleanup();
  }
});
