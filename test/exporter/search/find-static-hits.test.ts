// The static evaluator reads a query's postings once for both of its searches (the reports'
// and the fixed pages' of one search page), as the search page runs them one after the other.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSearchQuery } from '../../../src/domain/search/query.js';
import { findStaticPageHits, findStaticReportHits, type StaticIndex } from '../../../src/exporter/search/client/find-static-hits.js';
import { INDEX_VERSION, readShard, reportKey, pageKey, type DocTable, type ShardPart } from '../../../src/exporter/search/client/format.js';
import { packShard } from '../../../src/exporter/search/index-tasks.js';
import { PostingsLog } from '../../../src/exporter/search/postings-log.js';

/** A token map that counts the look-ups of postings. */
class CountingMap extends Map<string, { start: number; end: number }> {
  gets = 0;
  override get(key: string) {
    this.gets++;
    return super.get(key);
  }
}

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
  const table: DocTable = {
    v: INDEX_VERSION,
    buckets: 1,
    wordBuckets: 1,
    split: {},
    stats: { report: [2, 20], page: [1, 10] },
    categories: [],
    activityKinds: [],
    shards: ['b0', 'w0'],
    reports: [
      [1, 10, '2024-01-01', -1, -1],
      [2, 10, '2024-02-01', -1, -1],
    ],
    pages: [[1, 10, '/about/', '概要', '外交の概要']],
  };
  const index: StaticIndex = { table, shard: async () => shard };
  const query = parseSearchQuery('外交')!;
  const reports = await findStaticReportHits(index, query, {});
  const afterReports = tokens.gets;
  const pages = await findStaticPageHits(index, query);
  assert.deepEqual(
    reports.map((row) => row[0]),
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
