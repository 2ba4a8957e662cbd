// The static index's postings round-trip through the file format (client/format.ts, format 4):
// positions Rice-coded per token, including a position 0, gaps of one and gaps far past a
// byte, in several columns of one document; the counts read without the positions. The
// postings are logged as a batch logs them (postings-log.ts: occurrences of several tokens
// interleaved, sorted by token when written).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packPostings, readPostingCounts, readPostings, readShard, writeShard } from '../../../src/exporter/search/client/format.js';
import { PostingsLog } from '../../../src/exporter/search/postings-log.js';

const documents: { key: number; columns: number[][] }[] = [
  { key: 2, columns: [[0], [], []] },
  { key: 7, columns: [[3, 4, 5], [1, 200, 70_000], [9]] },
  { key: 10, columns: [[], [5_000_000], []] },
  { key: 4_000, columns: [[], [], [0, 1, 2, 3, 1_000]] },
  // More occurrences than the log's first arrays hold.
  { key: 4_002, columns: [[], Array.from({ length: 1_500 }, (_, i) => i * 3), []] },
];

test('positions packed into Rice codes read back as written, and counts without them', () => {
  const log = new PostingsLog<string>();
  for (const doc of documents) {
    log.startDocument(doc.key);
    // Another token's occurrences interleaved with 外交's, one position after each.
    doc.columns.forEach((positions, column) =>
      positions.forEach((p) => {
        log.add('外交', column, p);
        log.add('交流', column, p + 1);
      }),
    );
  }
  const postings = log.finish();
  assert.deepEqual(log.names, ['外交', '交流']);
  const shard = [readShard(writeShard(log.names.map((name, i) => [name, packPostings(postings[i]!)])))];
  assert.deepEqual(
    readPostings(shard, '交流'),
    documents.map((d) => ({ key: d.key, columns: d.columns.map((ps) => ps.map((p) => p + 1)) })),
  );
  assert.deepEqual(readPostings(shard, '外交'), documents);
  assert.deepEqual(readPostings(shard, '外交', new Set([7])), [documents[1]]);
  const counts: [number, number[]][] = [];
  readPostingCounts(shard, '外交', (key, perColumn) => counts.push([key, perColumn]));
  assert.deepEqual(
    counts,
    documents.map((d) => [d.key, d.columns.map((p) => p.length)]),
  );
});
