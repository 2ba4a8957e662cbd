// The static index's postings, built in two steps that the work pool's threads run (given
// as extra tasks, work-pool.ts `extraTasksUrl`; a small build calls them on its own thread):
//
// 1. `indexBatch`: a batch of documents (in key order) tokenised by the server's rules
//    (domain/search/document.ts) and their positions appended to each token's postings with,
//    in the title and body, the occurrence's edge symbol (where words start and end at its
//    two characters: domain/search/words.ts wordEdges, client/format.ts edgeSymbol), the
//    postings split into `partitions` by the shard they will land in (a token by its first
//    character), each partition's as one part (postings-log.ts).
// 2. `indexPartition`: one partition's parts of every batch, in batch order, joined into each
//    token's whole postings as the file holds them (bytes as one batch of them all would have
//    written them: the runs of keys and heads concatenated, each part's first key re-based,
//    the positions of all parts Rice-coded together, client/format.ts writeRicePositions, then
//    the symbols concatenated), the characters to split decided, grouped into shards and
//    gzip-compressed.
//
// A token's shard depends only on its first character, so every token of a character (and the
// split decision for it) is in one partition: no partition needs another's postings.
// scripts/build.mjs bundles this file as its own entry.
import { normalizedAttachmentText, normalizedDocument } from '../../domain/search/document.js';
import { forEachIndexToken } from '../../domain/search/tokens.js';
import { wordEdges } from '../../domain/search/words.js';
import { ByteReader, ByteWriter, EDGE_COLUMNS, edgeSymbol, firstCharacter, hashString, tokenShard, writeRicePositions, writeShard } from './client/format.js';
import { encodeJsonText, encodeShard, encodeText } from './encode-index-file.js';
import { PostingsLog } from './postings-log.js';

/** How tokens are spread over shards and partitions. */
export interface IndexShape {
  buckets: number;
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
  /** Per partition: the batch's part of its token postings (postings-log.ts). */
  tokens: Uint8Array[];
}

export interface PartitionInput {
  shape: IndexShape;
  /** This partition's parts of every batch, in batch order. */
  tokens: Uint8Array[];
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

export const TASKS = {
  indexBatch: async (input: { shape: IndexShape; docs: BatchDocument[] }): Promise<BatchPostings> => postBatch(input.shape, input.docs),
  indexPartition: async (input: PartitionInput): Promise<PartitionShards> => {
    const { tokens, edgeBytes } = joinParts(input.tokens);
    const split = splitOf(tokens, edgeBytes);
    const shape = { ...input.shape, split };
    const grouped = new Map<string, [string, Uint8Array][]>();
    const put = (name: string, entry: [string, Uint8Array]) => {
      const list = grouped.get(name);
      if (list) list.push(entry);
      else grouped.set(name, [entry]);
    };
    for (const entry of tokens) put(tokenShard(shape, entry[0]), entry);
    const shards = [...grouped].map(([name, entries]): [string, Uint8Array] => [name, encodeShard(writeShard(entries))]);
    return { split, shards };
  },
  /** JSON files (the doc table, the names file) compressed as they are written. */
  gzipJson: async (texts: string[]): Promise<Uint8Array[]> => texts.map(encodeJsonText),
  /** Text files compressed from the site's dictionary (text-dictionary.ts). */
  deflateTexts: async (input: { texts: string[]; dictionary: Uint8Array }): Promise<Uint8Array[]> => input.texts.map((json) => encodeText(json, input.dictionary)),
};

let threadIds: TokenIds | undefined;

/** Step 1: the batch's postings per partition (its occurrences logged flat, postings-log.ts). */
function postBatch(shape: IndexShape, docs: BatchDocument[]): BatchPostings {
  const ids = (threadIds ??= new TokenIds());
  // About a token per character: room for them all from the start.
  const characters = docs.reduce((n, doc) => n + doc.title.length + doc.bodyText.length, 0);
  const tokens = new PostingsLog<number>(characters + 1024);
  const sizes: number[] = [];
  for (const source of docs) {
    // The server's document (domain/search/document.ts searchDocument), its tokens taken as they are found.
    const doc = normalizedDocument(source.title, source.bodyText);
    const columns = [doc.title, doc.body, normalizedAttachmentText(source.attachments)];
    tokens.startDocument(source.key);
    let size = doc.words.length;
    for (let c = 0; c < columns.length; c++) size += appendTokens(tokens, ids, columns[c]!, c);
    // FTS5's row size counts every column, the words column too (bm25's |D|).
    sizes.push(size);
  }
  const tokenTexts = tokens.names.map((id) => ids.token(id));
  const firsts = new Set(tokenTexts.map(firstCharacter));
  return {
    firsts: [...firsts],
    sizes,
    tokens: tokens.finish(tokenTexts, shape.partitions, (token) => tokenPartition(shape, token)),
  };
}

/** A batch's part (every document of its partition: an incremental build's delta) as a shard file. */
export function packShard(part: Uint8Array): Uint8Array {
  return writeShard(joinParts([part]).tokens);
}

/** Where one name's entry in one part lies (postings-log.ts): its runs of keys, heads, gaps and symbols. */
interface PartEntry {
  bytes: Uint8Array;
  documents: number;
  lastKey: number;
  keysAt: number;
  headsAt: number;
  gapsAt: number;
  symbolsAt: number;
  end: number;
}

const fromUtf8 = new TextDecoder();

/** Each name's entries in the parts, in part order (the names in the order they first appear). */
function entriesByName(parts: Uint8Array[]): Map<string, PartEntry[]> {
  const byName = new Map<string, PartEntry[]>();
  for (const bytes of parts) {
    const reader = new ByteReader(bytes);
    while (reader.at < bytes.length) {
      const length = reader.varint();
      const name = fromUtf8.decode(bytes.subarray(reader.at, reader.at + length));
      reader.at += length;
      const documents = reader.varint();
      const lastKey = reader.varint();
      const keysLength = reader.varint();
      const headsLength = reader.varint();
      const gapsLength = reader.varint();
      const symbolsLength = reader.varint();
      const keysAt = reader.at;
      const gapsAt = keysAt + keysLength + headsLength;
      reader.at = gapsAt + gapsLength + symbolsLength;
      const entry: PartEntry = { bytes, documents, lastKey, keysAt, headsAt: keysAt + keysLength, gapsAt, symbolsAt: gapsAt + gapsLength, end: reader.at };
      const entries = byName.get(name);
      if (entries) entries.push(entry);
      else byName.set(name, [entry]);
    }
  }
  return byName;
}

/**
 * Step 2: each token's postings as the file holds them, from its parts (postings-log.ts) in
 * the batches' order, written into one buffer; and, per token in the same order, how many of
 * its bytes are edge bytes.
 */
function joinParts(parts: Uint8Array[]): { tokens: [string, Uint8Array][]; edgeBytes: number[] } {
  const byName = entriesByName(parts);
  const out = new ByteWriter();
  out.bytes = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  const ends: number[] = [];
  const edgeBytes: number[] = [];
  let gaps = new Int32Array(1024);
  for (const entries of byName.values()) {
    out.varint(entries.reduce((n, e) => n + e.documents, 0));
    let lastKey = 0;
    for (const e of entries) {
      const keys = new ByteReader(e.bytes, e.keysAt);
      out.varint(keys.varint() - lastKey);
      out.append(e.bytes.subarray(keys.at, e.headsAt));
      lastKey = e.lastKey;
    }
    for (const e of entries) out.append(e.bytes.subarray(e.headsAt, e.gapsAt));
    const gapBytes = entries.reduce((n, e) => n + e.symbolsAt - e.gapsAt, 0);
    if (gaps.length < gapBytes) gaps = new Int32Array(Math.max(gapBytes, gaps.length * 2));
    let count = 0;
    let total = 0;
    for (const { bytes, gapsAt, symbolsAt: end } of entries) {
      for (let at = gapsAt; at < end; count++) {
        let b = bytes[at++]!;
        let gap = b & 0x7f;
        for (let shift = 7; b >= 0x80; shift += 7) gap |= ((b = bytes[at++]!) & 0x7f) << shift;
        gaps[count] = gap;
        total += gap;
      }
    }
    writeRicePositions(out, gaps, count, total);
    const edgesAt = out.length;
    for (const e of entries) out.append(e.bytes.subarray(e.symbolsAt, e.end));
    ends.push(out.length);
    edgeBytes.push(out.length - edgesAt);
  }
  const tokens = [...byName.keys()].map((name, n): [string, Uint8Array] => [name, out.bytes.subarray(n === 0 ? 0 : ends[n - 1]!, ends[n]!)]);
  return { tokens, edgeBytes };
}

/** Characters whose tokens' postings exceed SPLIT_BYTES, and into how many shards (a power of two). */
function splitOf(tokens: [string, Uint8Array][], edgeBytes: readonly number[]): Record<string, number> {
  const bytes = new Map<string, number>();
  tokens.forEach(([token, postings], i) => {
    const first = firstCharacter(token);
    // Edge bytes left out: a byte an occurrence in the file, they gzip to a few per cent of
    // it (0.85 of 24 MB at 10,000 reports); counted, they split a common character's tokens
    // into twice the shards, and a lone-character search fetched 86 files instead of 56.
    bytes.set(first, (bytes.get(first) ?? 0) + postings.length - edgeBytes[i]! + token.length * 3);
  });
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
 * order of appearance, the pair of numbers looked up in an open-addressing table of its
 * own, the token numbered in order of appearance too (the PostingsLog then finds its slot
 * by that number, without a map). Tokens of characters past the 32,767th go through a map
 * of their strings. One numbering per thread, kept across its batches (the numbers never
 * leave the thread).
 */
class TokenIds {
  private readonly numbers = new Int32Array(0x110000);
  private readonly characters: string[] = [''];
  private readonly tokens: string[] = [];
  private readonly others = new Map<string, number>();
  /** Pair (first's number × 2^15 + second's + 1) → token number, linear probing; 0: empty. */
  private pairs = new Int32Array(1 << 14);
  private ids = new Int32Array(1 << 14);
  private shift = 32 - 14;

  id(first: number, second: number): number {
    const a = this.number(first);
    const b = second === 0 ? 0 : this.number(second);
    if (a >= 0x8000 || b >= 0x8000) return this.other(this.characters[a]! + this.characters[b]!);
    const pair = a * 0x8000 + b + 1;
    const mask = this.pairs.length - 1;
    let at = Math.imul(pair, 0x9e3779b1) >>> this.shift;
    for (let found = this.pairs[at]!; found !== 0; found = this.pairs[at]!) {
      if (found === pair) return this.ids[at]!;
      at = (at + 1) & mask;
    }
    const id = this.tokens.push(this.characters[a]! + this.characters[b]!) - 1;
    this.pairs[at] = pair;
    this.ids[at] = id;
    if (this.tokens.length * 2 > this.pairs.length) this.rehash();
    return id;
  }

  token(id: number): string {
    return this.tokens[id]!;
  }

  private other(token: string): number {
    let id = this.others.get(token);
    if (id === undefined) this.others.set(token, (id = this.tokens.push(token) - 1));
    return id;
  }

  private rehash(): void {
    const { pairs, ids } = this;
    this.pairs = new Int32Array(pairs.length * 2);
    this.ids = new Int32Array(pairs.length * 2);
    this.shift--;
    const mask = this.pairs.length - 1;
    for (let i = 0; i < pairs.length; i++) {
      if (pairs[i] === 0) continue;
      let at = Math.imul(pairs[i]!, 0x9e3779b1) >>> this.shift;
      while (this.pairs[at] !== 0) at = (at + 1) & mask;
      this.pairs[at] = pairs[i]!;
      this.ids[at] = ids[i]!;
    }
  }

  private number(codePoint: number): number {
    let n = this.numbers[codePoint]!;
    if (n === 0) this.numbers[codePoint] = n = this.characters.push(String.fromCodePoint(codePoint)) - 1;
    return n;
  }
}

/** Appends the tokens of one column's normalised text to the log, with their edge symbols in the title and body; returns how many there were. */
function appendTokens(log: PostingsLog<number>, ids: TokenIds, normalized: string, column: number): number {
  let p = 0;
  if (column >= EDGE_COLUMNS) {
    forEachIndexToken(normalized, (first, second) => log.add(ids.id(first, second), column, p++));
    return p;
  }
  const edges = wordEdges(normalized);
  forEachIndexToken(normalized, (first, second, start, end) => {
    // The second character's first unit: the token's end less its width (encoding keeps widths).
    const symbol = edgeSymbol(edges[start]!, second === 0 ? 0 : edges[end - (second > 0xffff ? 2 : 1)]!);
    log.add(ids.id(first, second), column, p++, symbol);
  });
  return p;
}
