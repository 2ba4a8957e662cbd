// The static index's postings, built in two steps that the work pool's threads run (given
// as extra tasks, work-pool.ts `extraTasksUrl`; a small build calls them on its own thread):
//
// 1. `indexBatch`: a batch of documents (in key order) tokenised by the server's rules
//    (domain/search/document.ts) and their positions appended to each token's postings, the
//    postings split into `partitions` by the shard they will land in (a token by its first
//    character, a word by its bucket), each partition as a shard of partial postings.
// 2. `indexPartition`: one partition's parts of every batch, in batch order, joined into each
//    token's whole postings (bytes as one batch of them all would have written them: the runs of
//    keys, heads and positions concatenated, each part's first key re-based), the positions
//    Rice-coded (client/format.ts packPostings), the characters to split decided, grouped into
//    shards and gzip-compressed.
//
// A token's shard depends only on its first character, so every token of a character (and the
// split decision for it) is in one partition: no partition needs another's postings.
// scripts/build.mjs bundles this file as its own entry.
import { buildDocument } from '../../actions/search/build-document.js';
import { attachmentTokens } from '../../domain/search/document.js';
import { ByteReader, ByteWriter, firstCharacter, hashString, packPostings, readShard, tokenShard, wordShard, writeShard, writeShardAsGiven } from './client/format.js';
import { encodeShard } from './encode-index-file.js';
import { PostingsLog } from './postings-log.js';

/** How tokens and words are spread over shards and partitions. */
export interface IndexShape {
  buckets: number;
  wordBuckets: number;
  partitions: number;
}

export interface BatchDocument {
  key: number;
  title: string;
  bodyText: string;
  attachments: string[];
}

export interface BatchPostings {
  /** The first characters of the batch's tokens in the order they first appear (the doc table lists split characters in that order). */
  firsts: string[];
  /** Per document of the batch, in order: its size in tokens (all four columns, bm25's |D|). */
  sizes: number[];
  /** Per partition: the batch's token postings (a shard of partial postings), then its word postings. */
  tokens: Uint8Array[];
  words: Uint8Array[];
}

export interface PartitionInput {
  shape: IndexShape;
  /** This partition's parts of every batch, in batch order. */
  tokens: Uint8Array[];
  words: Uint8Array[];
}

export interface PartitionShards {
  /** The characters of this partition spread over several shards, and into how many. */
  split: Record<string, number>;
  /** Shard name → bytes as written (compressed). */
  shards: [string, Uint8Array][];
}

/** Shards of one first character hold about this much before the character is split. */
const SPLIT_BYTES = 64 * 1024;
const MAX_SPLIT = 256;

export const tokenPartition = (shape: IndexShape, token: string) => (hashString(firstCharacter(token)) % shape.buckets) % shape.partitions;
export const wordPartition = (shape: IndexShape, word: string) => (hashString(word) % shape.wordBuckets) % shape.partitions;

export const TASKS = {
  indexBatch: async (input: { shape: IndexShape; docs: BatchDocument[] }): Promise<BatchPostings> => postBatch(input.shape, input.docs),
  indexPartition: async (input: PartitionInput): Promise<PartitionShards> => {
    const tokens = joinParts(input.tokens);
    const words = joinParts(input.words);
    for (const entry of tokens) entry[1] = packPostings(entry[1]);
    for (const entry of words) entry[1] = packPostings(entry[1]);
    const split = splitOf(tokens);
    const shape = { ...input.shape, split };
    const grouped = new Map<string, [string, Uint8Array][]>();
    const put = (name: string, entry: [string, Uint8Array]) => {
      const list = grouped.get(name);
      if (list) list.push(entry);
      else grouped.set(name, [entry]);
    };
    for (const entry of tokens) put(tokenShard(shape, entry[0]), entry);
    for (const entry of words) put(wordShard(shape, entry[0]), entry);
    const shards = [...grouped].map(([name, entries]): [string, Uint8Array] => [name, encodeShard(writeShard(entries))]);
    return { split, shards };
  },
};

let threadIds: TokenIds | undefined;

const split = (tokens: string): string[] => (tokens === '' ? [] : tokens.split(' '));

/** Step 1: the batch's postings per partition (its occurrences logged flat, postings-log.ts). */
function postBatch(shape: IndexShape, docs: BatchDocument[]): BatchPostings {
  const ids = (threadIds ??= new TokenIds());
  const tokens = new PostingsLog<number | string>();
  const words = new PostingsLog<string>();
  const sizes: number[] = [];
  for (const source of docs) {
    const { doc } = buildDocument({ id: source.key, title: source.title, bodyText: source.bodyText });
    const columns = [doc.title, doc.body, attachmentTokens(source.attachments)];
    const docWords = split(doc.words);
    tokens.startDocument(source.key);
    words.startDocument(source.key);
    let size = docWords.length;
    for (let c = 0; c < columns.length; c++) size += appendTokens(tokens, ids, columns[c]!, c);
    for (let p = 0; p < docWords.length; p++) words.add(docWords[p]!, 0, p);
    // FTS5's row size counts every column, the words column too (bm25's |D|).
    sizes.push(size);
  }
  const tokenParts = Array.from({ length: shape.partitions }, (): [string, Uint8Array][] => []);
  const firsts = new Set<string>();
  const tokenPostings = tokens.finish();
  tokens.names.forEach((id, slot) => {
    const token = ids.token(id);
    firsts.add(firstCharacter(token));
    tokenParts[tokenPartition(shape, token)]!.push([token, tokenPostings[slot]!]);
  });
  const wordParts = Array.from({ length: shape.partitions }, (): [string, Uint8Array][] => []);
  const wordPostings = words.finish();
  words.names.forEach((word, slot) => wordParts[wordPartition(shape, word)]!.push([word, wordPostings[slot]!]));
  return { firsts: [...firsts], sizes, tokens: tokenParts.map(writeShardAsGiven), words: wordParts.map(writeShardAsGiven) };
}

/** A batch's shard of partial postings (one batch: whole postings) as the file holds it, positions Rice-coded. */
export function packShard(bytes: Uint8Array): Uint8Array {
  return writeShard([...readShard(bytes).tokens].map(([token, place]): [string, Uint8Array] => [token, packPostings(bytes.subarray(place.start, place.end))]));
}

/** Step 2: each token's postings from its parts, in the batches' order. */
function joinParts(parts: Uint8Array[]): [string, Uint8Array][] {
  const slices = new Map<string, Uint8Array[]>();
  for (const bytes of parts) {
    for (const [token, place] of readShard(bytes).tokens) {
      const slice = bytes.subarray(place.start, place.end);
      const list = slices.get(token);
      if (list) list.push(slice);
      else slices.set(token, [slice]);
    }
  }
  return [...slices].map(([token, list]) => [token, list.length === 1 ? list[0]! : joinPostings(list)]);
}

/** Postings (PostingsLog.finish) of consecutive batches joined: count, then every part's keys, heads and positions. */
function joinPostings(list: Uint8Array[]): Uint8Array {
  const runs = list.map(postingRuns);
  const out = new ByteWriter();
  out.varint(runs.reduce((n, r) => n + r.count, 0));
  let lastKey = 0;
  for (const run of runs) {
    out.varint(run.firstKey - lastKey);
    out.append(run.keys);
    lastKey = run.lastKey;
  }
  for (const run of runs) out.append(run.heads);
  for (const run of runs) out.append(run.positions);
  return out.view();
}

/** Where one part's runs lie: the keys after the first (deltas, unchanged when joined), heads, positions. */
function postingRuns(bytes: Uint8Array) {
  const reader = new ByteReader(bytes);
  const count = reader.varint();
  const firstKey = reader.varint();
  const keysAt = reader.at;
  let lastKey = firstKey;
  for (let i = 1; i < count; i++) lastKey += reader.varint();
  const headsAt = reader.at;
  for (let i = 0; i < count; i++) {
    const head = reader.varint();
    if ((head & 3) === 3) for (let bits = head >>> 2; bits > 0; bits &= bits - 1) reader.varint();
  }
  return { count, firstKey, lastKey, keys: bytes.subarray(keysAt, headsAt), heads: bytes.subarray(headsAt, reader.at), positions: bytes.subarray(reader.at) };
}

/** Characters whose tokens' postings exceed SPLIT_BYTES, and into how many shards (a power of two). */
function splitOf(tokens: [string, Uint8Array][]): Record<string, number> {
  const bytes = new Map<string, number>();
  for (const [token, postings] of tokens) {
    const first = firstCharacter(token);
    bytes.set(first, (bytes.get(first) ?? 0) + postings.length + token.length * 3);
  }
  const out: Record<string, number> = {};
  for (const [first, size] of bytes) {
    if (size <= SPLIT_BYTES) continue;
    let parts = 2;
    while (parts < MAX_SPLIT && size / parts > SPLIT_BYTES) parts *= 2;
    out[first] = parts;
  }
  return out;
}

/**
 * A token (one or two code points, domain/search/tokens.ts) as a small integer while
 * appending, so no string is made for each of the millions: each character numbered in
 * order of appearance, the token the first's number × 2^15 + the second's (0 for none).
 * Tokens of characters past the 32,767th keep their string. One numbering per thread, kept
 * across its batches (the numbers never leave the thread).
 */
class TokenIds {
  private readonly numbers = new Int32Array(0x110000);
  private readonly characters: string[] = [''];

  id(first: number, second: number): number | string {
    const a = this.number(first);
    const b = second === 0 ? 0 : this.number(second);
    if (a < 0x8000 && b < 0x8000) return a * 0x8000 + b;
    return String.fromCodePoint(first) + (second === 0 ? '' : String.fromCodePoint(second));
  }

  token(id: number | string): string {
    return typeof id === 'string' ? id : this.characters[Math.floor(id / 0x8000)]! + this.characters[id % 0x8000]!;
  }

  private number(codePoint: number): number {
    let n = this.numbers[codePoint]!;
    if (n === 0) this.numbers[codePoint] = n = this.characters.push(String.fromCodePoint(codePoint)) - 1;
    return n;
  }
}

/** Appends the tokens of one column (space-separated) to the log; returns how many there were. */
function appendTokens(log: PostingsLog<number | string>, ids: TokenIds, text: string, column: number): number {
  let p = 0;
  for (let i = 0; i < text.length; p++) {
    const first = text.codePointAt(i)!;
    i += first > 0xffff ? 2 : 1;
    let second = 0;
    if (i < text.length && text.charCodeAt(i) !== 0x20) {
      second = text.codePointAt(i)!;
      i += second > 0xffff ? 2 : 1;
    }
    i++; // the space after the token
    log.add(ids.id(first, second), column, p);
  }
  return p;
}
