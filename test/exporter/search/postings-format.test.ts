// The static index's postings round-trip through the file format (client/format.ts, format 4):
// positions Rice-coded per token, including a position 0, gaps of one and gaps far past a
// byte, in several columns of one document; the counts read without the positions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packPostings, PostingsWriter, readPostingCounts, readPostings, readShard, writeShard } from '../../../src/exporter/search/client/format.js';

const documents: { key: number; columns: number[][] }[] = [
  { key: 2, columns: [[0], [], []] },
  { key: 7, columns: [[3, 4, 5], [1, 200, 70_000], [9]] },
  { key: 10, columns: [[], [5_000_000], []] },
  { key: 4_000, columns: [[], [], [0, 1, 2, 3, 1_000]] },
];

test('positions packed into Rice codes read back as written, and counts without them', () => {
  const writer = new PostingsWriter();
  for (const doc of documents) {
    doc.columns.forEach((positions, column) => positions.forEach((p) => writer.position(column, p)));
    writer.endDocument(doc.key);
  }
  const shard = [readShard(writeShard([['外交', packPostings(writer.finish())]]))];
  assert.deepEqual(readPostings(shard, '外交'), documents);
  assert.deepEqual(readPostings(shard, '外交', new Set([7])), [documents[1]]);
  const counts: [number, number[]][] = [];
  readPostingCounts(shard, '外交', (key, perColumn) => counts.push([key, perColumn]));
  assert.deepEqual(
    counts,
    documents.map((d) => [d.key, d.columns.map((p) => p.length)]),
  );
});
