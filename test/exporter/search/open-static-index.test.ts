// The index opener reads each file once however many results or terms ask for it (a page of
// 20 results may share text files of 4 reports each; in the browser each read is a fetch).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INDEX_VERSION, namesText, ReportNames, writeShard, type DocTable } from '../../../src/exporter/search/client/format.js';
import { openStaticIndex } from '../../../src/exporter/search/client/open-static-index.js';
import { encodeText } from '../../../src/exporter/search/encode-index-file.js';

const table: DocTable = {
  v: INDEX_VERSION,
  buckets: 4,
  split: {},
  stats: { report: [0, 0], page: [0, 0] },
  categories: [],
  activityKinds: [],
  shards: ['b1'],
  reports: [],
  pages: [],
  names: 'nTest',
};

test('each text file, the names file and each shard are read once, even when asked for at the same time', async () => {
  const reads: string[] = [];
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const index = openStaticIndex(table, async (name) => {
    reads.push(name);
    if (name === 'nTest') return new TextEncoder().encode(namesText([['/activity/a/', 'a']]));
    return name.startsWith('x') ? json({ 1: ['body', []] }) : writeShard([]);
  });
  const [a, b] = await Promise.all([index.texts('x0'), index.texts('x0')]);
  assert.deepEqual(a, b);
  await index.texts('x0');
  const [names] = await Promise.all([index.names(), index.names()]);
  assert.deepEqual([names.length, names.at(0)], [1, ['/activity/a/', 'a']]);
  await Promise.all([index.shard('b1'), index.shard('b1')]);
  assert.equal(await index.shard('b2'), undefined);
  assert.deepEqual(reads, ['x0', 'nTest', 'b1']);
});

test('the names file is a line a report, read back whatever its titles hold (line breaks, tabs, quotes, astral characters)', () => {
  const names: [string, string][] = [
    ['/activity/a/', '題名'],
    ['/activity/b/', '改行\nと\tタブ、"引用"と\\'],
    ['/activity/c/', '𠮷野家\u2028'],
    ['/activity/d/', ''],
  ];
  // Past a block of 64 rows too, with titles of one- to four-byte characters.
  const many = Array.from({ length: 200 }, (_, i): [string, string] => [`/activity/${i}/`, `${'aé題𠮷'.slice(0, 1 + (i % 5))}${i}\n`.repeat(1 + (i % 3))]);
  for (const list of [names, [...names, ...many]]) {
    const read = new ReportNames(new TextEncoder().encode(namesText(list)));
    assert.equal(read.length, list.length);
    assert.deepEqual(
      list.map((_, i) => read.at(i)),
      list,
    );
    assert.equal(read.at(list.length), undefined);
    assert.equal(read.at(-1), undefined);
  }
  assert.equal(new ReportNames(new TextEncoder().encode(namesText([]))).length, 0);
});

test('the text files are read from the dictionary the doc table names, which is read once', async () => {
  const reads: string[] = [];
  const dictionary = new TextEncoder().encode('["1 概要\\n(1)鯖江市を訪問し、意見交換を行った。",[]]');
  const file = (id: number) => encodeText(JSON.stringify({ [id]: ['1 概要\n(1)鯖江市を訪問し、意見交換を行った。', []] }), dictionary);
  const index = openStaticIndex({ ...table, dictionary: 'tTest' }, async (name) => {
    reads.push(name);
    return name === 'tTest' ? dictionary : file(name === 'x0' ? 1 : 5);
  });
  const [first, second] = await Promise.all([index.texts('x0'), index.texts('x1')]);
  assert.deepEqual(
    [first[1], second[5]],
    [
      ['1 概要\n(1)鯖江市を訪問し、意見交換を行った。', []],
      ['1 概要\n(1)鯖江市を訪問し、意見交換を行った。', []],
    ],
  );
  assert.deepEqual(reads.sort(), ['tTest', 'x0', 'x1']);
});
