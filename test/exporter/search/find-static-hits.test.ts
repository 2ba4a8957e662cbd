// The static evaluator reads a query's postings once for both of its searches (the reports'
// and the fixed pages' of one search page), as the search page runs them one after the other.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSearchQuery } from '../../../src/domain/search/query.js';
import { findStaticPageHits, findStaticReportHits, type StaticIndex } from '../../../src/exporter/search/client/find-static-hits.js';
import { INDEX_VERSION, readShard, reportKey, pageKey, type DocTable, type ShardPart } from '../../../src/exporter/search/client/format.js';
import { packShard, TASKS } from '../../../src/exporter/search/index-tasks.js';
import { PostingsLog } from '../../../src/exporter/search/postings-log.js';

/** A token map that counts the look-ups of postings. */
class CountingMap extends Map<string, { start: number; end: number }> {
  gets = 0;
  override get(key: string) {
    this.gets++;
    return super.get(key);
  }
}

/** A doc table of one token bucket, with the given rows and counts. */
const tableOf = (rows: Pick<DocTable, 'stats' | 'reports' | 'pages' | 'shards'>): DocTable => ({
  v: INDEX_VERSION,
  buckets: 1,
  split: {},
  categories: [],
  activityKinds: [],
  names: 'n',
  ...rows,
});

test("a query's term postings are read once for the reports' and the pages' searches", async () => {
  const log = new PostingsLog<string>();
  for (const key of [reportKey(1), pageKey(1), reportKey(2)]) {
    log.startDocument(key);
    [0, 4].forEach((p) => log.add('外交', 1, p));
  }
  const [part] = log.finish(log.names, 1, () => 0);
  const parsed = readShard(packShard(part!));
  const tokens = new CountingMap(parsed.tokens);
  const shard: ShardPart[] = [{ bytes: parsed.bytes, tokens }];
  const table = tableOf({
    stats: { report: [2, 20], page: [1, 10] },
    shards: ['b0'],
    reports: [
      [1, 10, '2024-01-01', -1, -1],
      [2, 10, '2024-02-01', -1, -1],
    ],
    pages: [[1, 10, '/about/', '概要', '外交の概要']],
  });
  const index: StaticIndex = { table, shard: async () => shard };
  const query = parseSearchQuery('外交')!;
  const reports = await findStaticReportHits(index, query, {});
  const afterReports = tokens.gets;
  const pages = await findStaticPageHits(index, query);
  assert.deepEqual(
    reports.rows.map((row) => row[0]),
    [2, 1],
  );
  assert.deepEqual(
    pages.map((row) => row[2]),
    ['/about/'],
  );
  assert.equal(tokens.gets, afterReports, 'the pages searched without reading the postings again');
  // Another query (a new parse of the same text) reads them anew.
  await findStaticPageHits(index, parseSearchQuery('外交')!);
  assert.ok(tokens.gets > afterReports);
});

test('the best rows of a page are the first of the whole order, ties broken by date then id', async () => {
  const log = new PostingsLog<string>();
  const ids = [3, 9, 4, 12, 7, 5, 10, 8];
  for (const id of [...ids].sort((a, b) => a - b)) {
    log.startDocument(reportKey(id));
    // Two instances for ids 9 and 12 (a better bm25), one for the others (equal scores, so newer first, then the higher id).
    (id === 9 || id === 12 ? [0, 4] : [0]).forEach((p) => log.add('交流', 1, p));
  }
  const [part] = log.finish(log.names, 1, () => 0);
  const shard = [readShard(packShard(part!))];
  const dates = ['2024-01-01', '2024-03-01', '2024-03-01'];
  const table = tableOf({
    stats: { report: [ids.length, ids.length * 10], page: [0, 0] },
    shards: ['b0'],
    reports: ids.map((id, i) => [id, 10, dates[i % dates.length]!, -1, -1]),
    pages: [],
  });
  const index: StaticIndex = { table, shard: async (name) => (name === 'b0' ? shard : undefined) };
  const query = parseSearchQuery('交流')!;
  const all = await findStaticReportHits(index, query, {});
  assert.equal(all.total, ids.length);
  assert.deepEqual(
    all.rows.map((row) => row[0]),
    [9, 12, 8, 7, 5, 4, 10, 3],
  );
  for (const through of [1, 3, 5, 8, 20]) {
    const some = await findStaticReportHits(index, parseSearchQuery('交流')!, {}, through);
    assert.equal(some.total, ids.length);
    assert.deepEqual(some.rows, all.rows.slice(0, through));
  }
});

/** An index of reports (id → title and body) built as a full build tokenises them, every token in one shard. */
async function builtIndex(reports: Record<number, [string, string]>): Promise<StaticIndex> {
  const ids = Object.keys(reports).map(Number);
  const built = await TASKS.indexBatch({
    shape: { buckets: 1, partitions: 1 },
    docs: ids.map((id) => ({ key: reportKey(id), title: reports[id]![0], bodyText: reports[id]![1], attachments: [] })),
  });
  const shard = [readShard(packShard(built.tokens[0]!))];
  const table = tableOf({
    stats: { report: [ids.length, built.sizes.reduce((a, b) => a + b, 0)], page: [0, 0] },
    shards: ['b0'],
    reports: ids.map((id, i) => [id, built.sizes[i]!, '2024-01-01', -1, -1]),
    pages: [],
  });
  return { table, shard: async (name) => (name === 'b0' ? shard : undefined) };
}

test('a report where the term stands as words ranks above one with more instances inside words, from the edge symbols', async () => {
  const index = await builtIndex({
    1: ['', '外交、政策'],
    2: ['', '海外交流 海外交流 海外交流'],
    3: ['', '外交政策について'],
    4: ['', '新外交政策 新外交政策 新外交政策'],
    5: ['国土交通省', ''],
    6: ['', '省庁 省庁 省庁'],
    7: ['', '𠮷、ほか'],
    8: ['', '𠮷野 𠮷野 𠮷野'],
    9: ['', 'abcd efg'],
    10: ['', 'xabcdx xabcdx xabcdx'],
  });
  const order = async (q: string) => (await findStaticReportHits(index, parseSearchQuery(q)!, {})).rows.map((row) => row[0]);
  // 2 characters (one token: its symbol), 1 character (every token starting with it: a word of its own), 3+ characters (a phrase).
  assert.deepEqual(await order('外交'), [1, 3, 2, 4]);
  assert.deepEqual(await order('外交政策'), [3, 4]);
  assert.deepEqual(await order('省'), [5, 6]);
  assert.deepEqual(await order('𠮷'), [7, 8]);
  assert.deepEqual(await order('abcd'), [9, 10]);
  // A term holding punctuation never stands as words: bm25 alone.
  assert.deepEqual(await order('交、'), [1]);
  // Two groups: a report counts one for each group with a term standing as words.
  assert.deepEqual(await order('外交 政策'), [1, 3, 4]);
});
