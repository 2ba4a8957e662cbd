// The index opener reads each file once however many results or terms ask for it (a page of
// 20 results often shares text files of 8 reports each; in the browser each read is a fetch).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INDEX_VERSION, writeShard, type DocTable } from '../../../src/exporter/search/client/format.js';
import { openStaticIndex } from '../../../src/exporter/search/client/open-static-index.js';

const table: DocTable = {
  v: INDEX_VERSION,
  buckets: 4,
  wordBuckets: 4,
  split: {},
  stats: { report: [0, 0], page: [0, 0] },
  categories: [],
  activityKinds: [],
  shards: ['b1'],
  reports: [],
  pages: [],
};

test('each text file and shard is read once, even when asked for at the same time', async () => {
  const reads: string[] = [];
  const index = openStaticIndex(table, async (name) => {
    reads.push(name);
    return name.startsWith('x') ? new TextEncoder().encode(JSON.stringify({ 1: ['/activity/a/', 'a', 'body', []] })) : writeShard([]);
  });
  const [a, b] = await Promise.all([index.texts('x0'), index.texts('x0')]);
  assert.deepEqual(a, b);
  await index.texts('x0');
  await Promise.all([index.shard('b1'), index.shard('b1')]);
  assert.equal(await index.shard('b2'), undefined);
  assert.deepEqual(reads, ['x0', 'b1']);
});
