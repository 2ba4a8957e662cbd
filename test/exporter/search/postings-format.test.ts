// The static index's postings round-trip through the file format (client/format.ts, format 6):
// positions Rice-coded per token, including a position 0, gaps of one and gaps far past a
// byte, in several columns of one document, and the title and body positions' edge symbols;
// the counts and the symbols read without the positions. The
// postings are logged as a batch logs them (postings-log.ts: occurrences of several tokens
// interleaved, sorted by token when written) and joined as a partition joins them
// (index-tasks.ts), from one batch or from several.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPostingCounts, readPostings, readShard, writeShard, type DocPostings } from '../../../src/exporter/search/client/format.js';
import { packShard, TASKS, type BatchDocument } from '../../../src/exporter/search/index-tasks.js';
import { PostingsLog } from '../../../src/exporter/search/postings-log.js';

const documents: { key: number; columns: number[][] }[] = [
  { key: 2, columns: [[0], [], []] },
  { key: 7, columns: [[3, 4, 5], [1, 200, 70_000], [9]] },
  { key: 10, columns: [[], [5_000_000], []] },
  { key: 4_000, columns: [[], [], [0, 1, 2, 3, 1_000]] },
  // More occurrences than the log's first arrays hold.
  { key: 4_002, columns: [[], Array.from({ length: 1_500 }, (_, i) => i * 3), []] },
];

/** Postings without their edge symbols (for tests of the positions alone). */
const positionsOnly = (docs: DocPostings[]) => docs.map(({ key, columns }) => ({ key, columns }));

/** A made-up edge symbol per position and column (any of the 16), as the test logs them. */
const symbolAt = (column: number, p: number) => (p * 7 + column * 5) % 16;

test('positions packed into Rice codes read back as written, with their edge symbols, and counts and symbols without them', () => {
  const log = new PostingsLog<string>();
  for (const doc of documents) {
    log.startDocument(doc.key);
    // Another token's occurrences interleaved with 外交's, one position after each.
    doc.columns.forEach((positions, column) =>
      positions.forEach((p) => {
        log.add('外交', column, p, symbolAt(column, p));
        log.add('交流', column, p + 1, symbolAt(column, p + 1));
      }),
    );
  }
  const [part] = log.finish(log.names, 1, () => 0);
  assert.deepEqual(log.names, ['外交', '交流']);
  const shard = [readShard(packShard(part!))];
  // Title and body positions carry their symbols; attachments none.
  const withSymbols = (d: { key: number; columns: number[][] }) => ({
    ...d,
    symbols: d.columns.map((ps, c) => new Uint8Array(c < 2 ? ps.map((p) => symbolAt(c, p)) : [])),
  });
  assert.deepEqual(
    readPostings(shard, '交流'),
    documents.map((d) => withSymbols({ key: d.key, columns: d.columns.map((ps) => ps.map((p) => p + 1)) })),
  );
  assert.deepEqual(readPostings(shard, '外交'), documents.map(withSymbols));
  assert.deepEqual(readPostings(shard, '外交', new Set([7])), [withSymbols(documents[1]!)]);
  const counts: [number, number[]][] = [];
  readPostingCounts(shard, '外交', (key, perColumn) => counts.push([key, perColumn]));
  assert.deepEqual(
    counts,
    documents.map((d) => [d.key, d.columns.map((p) => p.length)]),
  );
  for (const [mask, symbol] of [
    [15, symbolAt(1, 200)],
    [3, 3],
    [15, symbolAt(2, 9)],
  ] as const) {
    const found: boolean[] = [];
    readPostingCounts(shard, '外交', () => {}, { mask, symbol, found });
    const expected = documents.filter((d) => d.columns.some((ps, c) => c < 2 && ps.some((p) => (symbolAt(c, p) & mask) === symbol))).map((d) => d.key);
    assert.deepEqual(
      documents.filter((d) => found[d.key]).map((d) => d.key),
      expected,
      `mask ${mask}, symbol ${symbol}`,
    );
  }
});

test('positions millions apart read back as written, whatever the Rice parameter makes of them', () => {
  // One token's own parameter is about 20 bits here, so a gap of 11 × 2^20 has more ones, zero and low bits than go in at once.
  const far = [0, 1 << 20, 2 << 20, 3 << 20, 14 << 20];
  const log = new PostingsLog<string>();
  log.startDocument(3);
  far.forEach((p) => log.add('遠い', 1, p));
  log.startDocument(9);
  [5, 6, 9_000_000].forEach((p) => log.add('遠い', 0, p));
  const [part] = log.finish(log.names, 1, () => 0);
  assert.deepEqual(positionsOnly(readPostings([readShard(packShard(part!))], '遠い')), [
    { key: 3, columns: [[], far, []] },
    { key: 9, columns: [[5, 6, 9_000_000], [], []] },
  ]);
});

test("a partition joined from several batches' parts is the shard one batch of all the documents gives", async () => {
  const docs: BatchDocument[] = [
    { key: 2, title: '外交の基本方針', bodyText: '海外交流と外交。2+2 の会合', attachments: [] },
    { key: 4, title: 'TPP', bodyText: '外交 '.repeat(300), attachments: ['添付の外交資料'] },
    { key: 5, title: '固定ページ', bodyText: '外交と交流', attachments: [] },
    { key: 8, title: '地域', bodyText: '中国地方の外交', attachments: [] },
  ];
  const shape = { buckets: 8, partitions: 1 };
  const whole = await TASKS.indexBatch({ shape, docs });
  const halves = await Promise.all([TASKS.indexBatch({ shape, docs: docs.slice(0, 2) }), TASKS.indexBatch({ shape, docs: docs.slice(2) })]);
  const one = await TASKS.indexPartition({ shape, tokens: whole.tokens });
  const joined = await TASKS.indexPartition({ shape, tokens: halves.map((h) => h.tokens[0]!) });
  assert.deepEqual(joined, one);
  assert.deepEqual(
    halves.flatMap((h) => h.sizes),
    whole.sizes,
  );
});

test('names are written in UTF-8 as TextEncoder writes them, past 127 bytes and with a lone surrogate', () => {
  const names = ['外交', 'a'.repeat(50) + '𠮷'.repeat(30), 'x\ud800y', '😀'];
  const bytes = writeShard(names.map((name) => [name, new Uint8Array([1, 2, 3])]));
  const expected: number[] = [names.length];
  for (const name of [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const utf8 = new TextEncoder().encode(name);
    expected.push(...(utf8.length < 128 ? [utf8.length] : [(utf8.length & 0x7f) | 0x80, utf8.length >>> 7]), ...utf8, 3, 1, 2, 3);
  }
  assert.deepEqual([...bytes], expected);
  assert.deepEqual([...readShard(bytes).tokens.keys()].sort(), names.map((name) => new TextDecoder().decode(new TextEncoder().encode(name))).sort());
});

test('tokens of more characters than a thread numbers as pairs keep their own postings', async () => {
  // 40,000 distinct characters in one run: past the 32,767 characters whose pairs are numbered, and many rehashes of the pair table.
  const characters = Array.from({ length: 40_000 }, (_, i) => String.fromCodePoint(0x20000 + i));
  const built = await TASKS.indexBatch({
    shape: { buckets: 8, partitions: 1 },
    docs: [{ key: 6, title: '', bodyText: characters.join(''), attachments: [] }],
  });
  const shard = [readShard(packShard(built.tokens[0]!))];
  assert.equal(shard[0]!.tokens.size, 40_000);
  for (const i of [0, 5, 20_000, 32_767, 35_000, 39_998]) {
    assert.deepEqual(positionsOnly(readPostings(shard, characters[i]! + characters[i + 1]!)), [{ key: 6, columns: [[], [i], []] }]);
  }
  assert.deepEqual(positionsOnly(readPostings(shard, characters[39_999]!)), [{ key: 6, columns: [[], [39_999], []] }]);
});

test('long runs of ones at every bit offset read back, and documents left out by `only` are stepped over exactly', () => {
  // Mostly gaps of 1 (a parameter of 0 or 1), so the rare gaps of hundreds are runs of ones across whole bytes, starting at every offset.
  const positionsOf = (key: number) => Array.from({ length: 40 }, (_, i) => i * 2 + (i % 9 === key % 9 ? 700 * (key + i) : 0)).sort((a, b) => a - b);
  const log = new PostingsLog<string>();
  const keys = [2, 4, 6, 8, 10, 12, 14, 16, 18];
  for (const key of keys) {
    log.startDocument(key);
    positionsOf(key).forEach((p) => log.add('連続', key % 3 === 0 ? 2 : 1, p));
  }
  const [part] = log.finish(log.names, 1, () => 0);
  const shard = [readShard(packShard(part!))];
  const expected = keys.map((key) => ({ key, columns: key % 3 === 0 ? [[], [], positionsOf(key)] : [[], positionsOf(key), []] }));
  assert.deepEqual(positionsOnly(readPostings(shard, '連続')), expected);
  assert.deepEqual(
    positionsOnly(readPostings(shard, '連続', new Set([6, 14, 18]))),
    expected.filter((d) => [6, 14, 18].includes(d.key)),
  );
});

test("a batch gives each title and body token the word edges of its two characters, a surrogate pair's at its first unit; attachments none", async () => {
  // Words: TPP | の | 説明 in the title; 𠮷 | 、(none) | 海外 | 交流 in the body (kanji-words.ts cuts 海外交流).
  const built = await TASKS.indexBatch({
    shape: { buckets: 8, partitions: 1 },
    docs: [{ key: 2, title: 'TPPの説明', bodyText: '𠮷、海外交流', attachments: ['TPPの説明'] }],
  });
  const shard = [readShard(packShard(built.tokens[0]!))];
  const symbolsOf = (token: string) => readPostings(shard, token)[0]!.symbols.map((s) => [...s]);
  const [START, END] = [1, 2];
  // First character's edges | second's << 2.
  assert.deepEqual(symbolsOf('tp'), [[START], [], []]);
  assert.deepEqual(symbolsOf('pp'), [[END << 2], [], []]);
  assert.deepEqual(symbolsOf('pの'), [[END | ((START | END) << 2)], [], []]);
  assert.deepEqual(symbolsOf('説明'), [[START | (END << 2)], [], []]);
  assert.deepEqual(symbolsOf('明'), [[END], [], []]);
  assert.deepEqual(symbolsOf('𠮷、'), [[], [START | END], []]);
  assert.deepEqual(symbolsOf('外交'), [[], [END | (START << 2)], []]);
});

test("a character's shards are split by its postings without their edge bytes, as when it stands only in attachments (which have none)", async () => {
  // あい 150 times in each of 1,000 documents: ~59 KB of keys, heads and positions (3 bits a
  // gap of 2; under the 64 KB at which a character is split) and 150 KB of edge bytes in the body.
  const text = 'あい'.repeat(150);
  const inBody: BatchDocument[] = Array.from({ length: 1000 }, (_, i) => ({ key: 2 * i + 2, title: '', bodyText: text, attachments: [] }));
  const inAttachments = inBody.map((doc) => ({ ...doc, bodyText: '', attachments: [text] }));
  const shape = { buckets: 8, partitions: 1 };
  const splitOf = async (docs: BatchDocument[]) => (await TASKS.indexPartition({ shape, tokens: (await TASKS.indexBatch({ shape, docs })).tokens })).split;
  assert.deepEqual(await splitOf(inBody), await splitOf(inAttachments));
  assert.deepEqual(await splitOf(inBody), {});
  // And a character with more is split.
  assert.ok((await splitOf(inBody.map((doc) => ({ ...doc, bodyText: text.repeat(3) }))))['あ']! > 1);
});
