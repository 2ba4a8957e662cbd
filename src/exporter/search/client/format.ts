// The static search index's file format, shared by its writer (exporter/search/) and the
// search page's script (this folder, bundled for the browser), so both name and read files
// the same way. Everything lives under `<DIR>/search-index/`:
//
// - `docs.dat`: the doc table (DocTable below) as JSON: what ranking needs besides the
//   postings (bm25's row count and total size per index, each row's size) and what a
//   result shows (path, title, date, category; a page's excerpt).
// - token shards: the postings of the search tokens (domain/search/tokens.ts) of title, body
//   and attachment texts, with positions, so phrases are checked and counted as FTS5 does.
//   A token lives in the shard of its first character (`b<bucket>`), so a one-character
//   term (every token starting with it) reads one file; a character whose postings are
//   large is split further by the whole token (`s<code>-<i>`, DocTable.split), so a
//   2-character term reads a fraction of it.
// - word shards `w<bucket>`: the postings of the words column (domain/search/words.ts), by
//   the word's hash, for the "stands as a word" ranking.
// - text shards `x<n>`: reports' body texts and attachment texts, for snippets, 8 reports
//   per file by id; `xp`: the pages' texts (read only by an incremental build).
// Each file may be gzip-compressed (the writer does; the reader checks the magic bytes), so
// no web server setting is needed.

export const INDEX_DIR = 'search-index';
export const INDEX_VERSION = 1;
export const TEXT_SHARD_REPORTS = 8;

/** Columns of the token postings, as bits; the bm25 weights are those of store/search.ts. */
export const COLUMNS = [
  { bit: 1, weight: 5 }, // title
  { bit: 2, weight: 1 }, // body
  { bit: 4, weight: 0.5 }, // attachments
] as const;

/** [id, size in tokens (all four columns), path, title, activity date, category index or -1] */
export type ReportRow = [number, number, string, string, string, number];
/** [id, size in tokens, path (null: published under an unpublished parent, never shown), title, excerpt] */
export type PageRow = [number, number, string | null, string, string];

export interface DocTable {
  v: number;
  buckets: number;
  wordBuckets: number;
  /** Characters whose tokens are spread over several shards, and how many. */
  split: Record<string, number>;
  /** Per index: [rows, total size in tokens], bm25's N and N × avgdl as the server's FTS5 index holds them. */
  stats: { report: [number, number]; page: [number, number] };
  categories: [slug: string, name: string][];
  /** The token and word shards that exist (a query's other shards hold none of its tokens: not fetched). */
  shards: string[];
  reports: ReportRow[];
  pages: PageRow[];
}

/** One report's texts in a text shard: [body text, [[attachment label, text], …]]. */
export type ReportText = [string, [string, string][]];

/** FNV-1a over UTF-16 code units. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function firstCharacter(token: string): string {
  return String.fromCodePoint(token.codePointAt(0)!);
}

/** The shard holding `token`'s postings. */
export function tokenShard(table: Pick<DocTable, 'buckets' | 'split'>, token: string): string {
  const first = firstCharacter(token);
  const parts = table.split[first];
  if (parts) return `s${first.codePointAt(0)!.toString(36)}-${hashString(token) % parts}`;
  return `b${hashString(first) % table.buckets}`;
}

/** Every shard that may hold a token starting with `first` (a one-character term). */
export function prefixShards(table: Pick<DocTable, 'buckets' | 'split'>, first: string): string[] {
  const parts = table.split[first];
  if (!parts) return [tokenShard(table, first)];
  return Array.from({ length: parts }, (_, i) => `s${first.codePointAt(0)!.toString(36)}-${i}`);
}

export function wordShard(table: Pick<DocTable, 'wordBuckets'>, word: string): string {
  return `w${hashString(word) % table.wordBuckets}`;
}

/** The text file of every page's texts (pages are few). */
export const PAGE_TEXTS = 'xp';

export function textShard(reportId: number): string {
  return `x${Math.floor(reportId / TEXT_SHARD_REPORTS)}`;
}

/** Postings of one token in one document: positions per column, ascending (index = COLUMNS index). */
export interface DocPostings {
  key: number;
  columns: number[][];
}

/** Reports and pages share the token shards: a document's key is 2 × id, plus 1 for a page. */
export const reportKey = (id: number) => id * 2;
export const pageKey = (id: number) => id * 2 + 1;

// ---- Binary postings: unsigned LEB128 varints.
// shard  := count(tokens) { len(utf8) utf8 len(postings) postings }
// postings := count(docs) { key − previous key, column bits, per set bit: count(n) n × (position − previous position) }

export class ByteWriter {
  bytes = new Uint8Array(16);
  length = 0;

  varint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.grow(5);
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  append(data: Uint8Array): void {
    if (this.length + data.length > this.bytes.length) this.grow(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  private grow(extra: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

/** Appends one document's entry to a token's postings (keys must ascend). */
export function writeDocPostings(out: ByteWriter, previousKey: number, doc: DocPostings): void {
  out.varint(doc.key - previousKey);
  let bits = 0;
  doc.columns.forEach((positions, c) => {
    if (positions.length > 0) bits |= 1 << c;
  });
  out.varint(bits);
  for (const positions of doc.columns) {
    if (positions.length === 0) continue;
    out.varint(positions.length);
    let previous = 0;
    for (const p of positions) {
      out.varint(p - previous);
      previous = p;
    }
  }
}

export class ByteReader {
  at: number;
  constructor(
    readonly bytes: Uint8Array,
    at = 0,
  ) {
    this.at = at;
  }

  varint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = this.bytes[this.at++]!;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  }
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** A shard: for each token, where its postings lie in `bytes` (decoded on demand). */
export interface Shard {
  bytes: Uint8Array;
  tokens: Map<string, { start: number; end: number }>;
}

export function readShard(bytes: Uint8Array): Shard {
  const reader = new ByteReader(bytes);
  const tokens = new Map<string, { start: number; end: number }>();
  const count = reader.varint();
  for (let i = 0; i < count; i++) {
    const length = reader.varint();
    const token = fromUtf8.decode(bytes.subarray(reader.at, reader.at + length));
    reader.at += length;
    const size = reader.varint();
    tokens.set(token, { start: reader.at, end: reader.at + size });
    reader.at += size;
  }
  return { bytes, tokens };
}

/** A token's postings; with `only`, just those documents (the others are skipped, not decoded into arrays). */
export function readPostings(shard: Shard, token: string, only?: ReadonlySet<number>): DocPostings[] {
  const place = shard.tokens.get(token);
  if (!place) return [];
  const reader = new ByteReader(shard.bytes, place.start);
  const count = reader.varint();
  const docs: DocPostings[] = [];
  let key = 0;
  for (let i = 0; i < count; i++) {
    key += reader.varint();
    const bits = reader.varint();
    const isWanted = !only || only.has(key);
    const columns: number[][] = [];
    for (let c = 0; c < COLUMNS.length; c++) {
      const positions: number[] = [];
      if (bits & (1 << c)) {
        const n = reader.varint();
        let p = 0;
        for (let k = 0; k < n; k++) {
          p += reader.varint();
          if (isWanted) positions.push(p);
        }
      }
      columns.push(positions);
    }
    if (isWanted) docs.push({ key, columns });
  }
  return docs;
}

/** A token's documents with only the number of positions per column (a one-token phrase needs no more). */
export function readPostingCounts(shard: Shard, token: string, add: (key: number, counts: number[]) => void): void {
  const place = shard.tokens.get(token);
  if (!place) return;
  const reader = new ByteReader(shard.bytes, place.start);
  const count = reader.varint();
  let key = 0;
  for (let i = 0; i < count; i++) {
    key += reader.varint();
    const bits = reader.varint();
    const counts = COLUMNS.map(() => 0);
    for (let c = 0; c < COLUMNS.length; c++) {
      if (!(bits & (1 << c))) continue;
      const n = reader.varint();
      counts[c] = n;
      for (let k = 0; k < n; k++) reader.varint();
    }
    add(key, counts);
  }
}

/** A shard file from tokens and their encoded postings (count of docs first), tokens sorted. */
export function writeShard(entries: Iterable<[string, Uint8Array]>): Uint8Array {
  const out = new ByteWriter();
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  out.varint(sorted.length);
  for (const [token, postings] of sorted) {
    const name = utf8.encode(token);
    out.varint(name.length);
    out.append(name);
    out.varint(postings.length);
    out.append(postings);
  }
  return out.view();
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
