// The static search index's file format, shared by its writer (exporter/search/) and the
// search page's script (this folder, bundled for the browser), so both name and read files
// the same way. Everything lives under `<DIR>/search-index/`:
//
// - `docs.dat`: the doc table (DocTable below) as JSON: what ranking and the filters need
//   besides the postings (bm25's row count and total size per index, each row's size, a
//   report's date, category and kind of activity; a page's path, title and excerpt).
// - token shards: the postings of the search tokens (domain/search/tokens.ts) of title, body
//   and attachment texts, with positions, so phrases are checked and counted as FTS5 does,
//   and, for each title and body occurrence, where words start and end at its two characters
//   (its edge symbol, below), so the "stands as words" ranking needs no file of its own.
//   A token lives in the shard of its first character (`b<bucket>`), so a one-character
//   term (every token starting with it) reads one file; a character whose postings are
//   large is split further by the whole token (`s<code>-<i>`, DocTable.split), so a
//   2-character term reads a fraction of it.
// - names `n<hash>` (DocTable.names): every report's [path, title] as JSON, one a line (after a
//   line of offsets, namesText), in the doc table's report order, so a search lists its results (highlighted title, link) without
//   another round of files; named by a hash of its content, so a doc table is never read with
//   another build's names. The page decodes only the lines it shows (ReportNames).
// - text shards `x<n>`: a report's snippet sources: body text and attachment texts, 4 reports
//   per file by id; only the shown page's are fetched (the page fills the snippets as they come).
//   Raw deflate from a preset dictionary (DocTable.dictionary, client/inflate-text.ts), not gzip.
// - the text files' dictionary `t<hash>` (DocTable.dictionary): up to 32 KB of the site's own
//   text (exporter/search/text-dictionary.ts), named by a hash of its content.
// - delta `d<n>` (only after incremental builds, DocTable.delta): the token postings of the
//   documents changed since the last full build; their entries in the shards are
//   stale and skipped. An incremental build rewrites this one small file instead of the
//   hundreds of shards a report's tokens fall in; past DELTA_LIMIT it builds afresh.
// Each file may be gzip-compressed (the writer does; the reader checks the magic bytes), so
// no web server setting is needed.

export const INDEX_DIR = 'search-index';
export const INDEX_VERSION = 7;
export const TEXT_SHARD_REPORTS = 4;

/** Columns of the token postings, as bits; the bm25 weights are those of store/search.ts. */
export const COLUMNS = [
  { bit: 1, weight: 5 }, // title
  { bit: 2, weight: 1 }, // body
  { bit: 4, weight: 0.5 }, // attachments
] as const;

/**
 * [id, size in tokens (all four columns), activity date, category index or -1, index in
 * DocTable.activityKinds of its confirmed activity record's kind or -1 (none, or a kind the
 * site no longer lists: no `activity` filter finds it)]: what ranking and the filters need
 * (path and title are in the names file, DocTable.names).
 */
export type ReportRow = [number, number, string, number, number];
/** [id, size in tokens, path (null: published under an unpublished parent, never shown), title, excerpt] */
export type PageRow = [number, number, string | null, string, string];

export interface DocTable {
  v: number;
  buckets: number;
  /** Characters whose tokens are spread over several shards, and how many. */
  split: Record<string, number>;
  /** Per index: [rows, total size in tokens], bm25's N and N × avgdl as the server's FTS5 index holds them. */
  stats: { report: [number, number]; page: [number, number] };
  categories: [slug: string, name: string][];
  /** The site's kinds of activity: the values the `activity` filter accepts (another is refused, as on the server). */
  activityKinds: string[];
  /** The token shards that exist (a query's other shards hold none of its tokens: not fetched). */
  shards: string[];
  reports: ReportRow[];
  pages: PageRow[];
  /**
   * After incremental builds: the keys of the documents changed since the last full build
   * (changed, added or removed) and the file holding their postings (`d<generation>`, a new
   * name each time, so a reader holding the previous table reads the previous delta: `superseded`).
   */
  delta?: { file: string; keys: number[] };
  /** The names file (`n<hash of its content>`): ReportName per row of `reports`, in that order. */
  names: string;
  /**
   * The text files' preset dictionary (`t<hash of its content>`), chosen by a full build and
   * kept by incremental ones; absent without reports (and text files read as they are).
   */
  dictionary?: string;
  /**
   * After incremental builds: the delta and names files the previous table named and this one
   * does not. They stay one more build, so a reader that fetched the previous table just before
   * this one replaced it still finds its files; the next incremental build removes them.
   */
  superseded?: string[];
  /**
   * A full build's hash of every other file of the index, so that the doc table's bytes differ
   * whenever any file does (the search page keeps results by them: client/stored-results.ts).
   * An incremental build keeps it (its new delta file's name changes the table).
   */
  build?: string;
}

export const deltaFile = (generation: number) => `d${generation}`;
/** An incremental build writes the index afresh instead once the delta holds more documents than this, or more bytes (compressed). */
export const DELTA_LIMIT = { documents: 64, bytes: 96 * 1024 };

/** One report in a text shard: [body text, [[attachment label, text], …]], where its snippet comes from. */
export type ReportText = [string, [string, string][]];

/** One report in the names file: [path, title], what its result lists. */
export type ReportName = [string, string];

/** Rows between two offsets of the names file's first line. */
const NAMES_BLOCK = 64;

/** UTF-8 bytes of a well-formed string (JSON.stringify escapes lone surrogates). */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The names file's text: a first line `[rows, [byte offset of every 64th row]]` (offsets from
 * the second line's start), then a report's ReportName as JSON a line (JSON escapes line
 * breaks, so a line is a report).
 */
export function namesText(names: readonly ReportName[]): string {
  return namesTextOf(names.map((name) => JSON.stringify(name)));
}

/** The names file's text from its rows' lines (ReportName JSON each, as ReportNames.lines gives them). */
export function namesTextOf(lines: readonly string[]): string {
  const offsets: number[] = [];
  let at = 0;
  lines.forEach((line, i) => {
    if (i % NAMES_BLOCK === 0) offsets.push(at);
    at += utf8Length(line) + 1;
  });
  return [JSON.stringify([lines.length, offsets]), ...lines].join('\n');
}

/**
 * The names file as read: a report's line found from the offset of its block of 64 and decoded
 * only when asked for (a page shows 20 of 10,000; decoding and parsing all of the 1 MB took
 * ~12 ms of the search in Node, finding every line start 3-6 ms in Chromium at load 4).
 */
export class ReportNames {
  readonly length: number;
  private readonly offsets: number[];
  private readonly start: number;
  private readonly decoder = new TextDecoder();
  constructor(private readonly bytes: Uint8Array) {
    const end = bytes.indexOf(0x0a);
    const head: [number, number[]] = bytes.length === 0 ? [0, []] : (JSON.parse(this.decoder.decode(end < 0 ? bytes : bytes.subarray(0, end))) as [number, number[]]);
    [this.length, this.offsets] = head;
    this.start = end < 0 ? bytes.length : end + 1;
  }

  /** Every row's line (its ReportName as JSON), in order: for a writer that keeps most of them as they are. */
  lines(): string[] {
    return this.length === 0 ? [] : this.decoder.decode(this.bytes.subarray(this.start)).split('\n');
  }

  /** The report of row `index` of the doc table's reports. */
  at(index: number): ReportName | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const { bytes } = this;
    let start = this.start + this.offsets[Math.floor(index / NAMES_BLOCK)]!;
    for (let row = index - (index % NAMES_BLOCK); row < index; row++) start = bytes.indexOf(0x0a, start) + 1;
    const end = bytes.indexOf(0x0a, start);
    return JSON.parse(this.decoder.decode(bytes.subarray(start, end < 0 ? bytes.length : end))) as ReportName;
  }
}

/** The index in `table.reports` of the report `id` (the rows are in id order), or -1. */
export function reportIndex(table: Pick<DocTable, 'reports'>, id: number): number {
  let low = 0;
  let high = table.reports.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = table.reports[mid]![0];
    if (at === id) return mid;
    if (at < id) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

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

export function textShard(reportId: number): string {
  return `x${Math.floor(reportId / TEXT_SHARD_REPORTS)}`;
}

/**
 * Postings of one token in one document: positions per column, ascending (index = COLUMNS
 * index), and the edge symbol of each title and body position (`symbols[c][k]` for
 * `columns[c][k]`; attachments have none).
 */
export interface DocPostings {
  key: number;
  columns: number[][];
  symbols: Uint8Array[];
}

/** Columns whose occurrences carry edge symbols: title and body (the columns words are taken from). */
export const EDGE_COLUMNS = 2;

/**
 * A token occurrence's edge symbol: the word edges (domain/search/words.ts wordEdges:
 * WORD_START | WORD_END) of its first character, and of its second (none for a character
 * alone at the end of a run) two bits up.
 */
export const edgeSymbol = (first: number, second: number) => first | (second << 2);

/** Reports and pages share the token shards: a document's key is 2 × id, plus 1 for a page. */
export const reportKey = (id: number) => id * 2;
export const pageKey = (id: number) => id * 2 + 1;

// ---- Binary postings (format 6): unsigned LEB128 varints, a token's documents in four runs so
// that counting (every one-token term) reads the first two only and gzip sees like with like.
// shard    := count(tokens) { len(utf8) utf8 len(postings) postings }
// postings := count(docs) { key − previous key } { head } k positions symbols
// head     := (n << 2) | column when the token stands in one column, n times;
//             else (column bits << 2) | 3, then n per set bit
// positions := per document, per column holding the token: n × (position − previous position),
//             Rice-coded with the token's own parameter k (a varint before them): each value v
//             as v >> k ones, a zero, then the low k bits, most significant bit first, padded
//             to a whole byte at the end. Positions are ~80 % of the postings; as varints their
//             gaps took whole bytes, which gzip could not win back (format 4: −2.6 MB of 35).
// symbols  := per document, its title then its body positions' edge symbols (edgeSymbol), a
//             byte each in position order: the postings' last bytes, as many as the heads'
//             title and body counts, so the word test of a one-token term reads them without
//             the positions. They replaced format 5's word shards (postings of the words
//             column): 9.6 MB of 41.5 at 10,000 reports against 0.85 MB.
// A build logs the positions as varint gaps first (exporter/search/postings-log.ts, so the
// postings of consecutive batches of documents join by concatenation); writeRicePositions
// turns each token's gaps into Rice codes for the file.

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
    this.reserve(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  /** `text` as its UTF-8 length (a varint), then its UTF-8 as TextEncoder writes it (a lone surrogate as U+FFFD), without an array per string. */
  text(text: string): void {
    this.reserve(5 + text.length * 3);
    const lengthAt = this.length;
    const bytes = this.bytes;
    let at = lengthAt + 1; // most names are shorter than 128 bytes: their length is one byte
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp < 0x80) {
        bytes[at++] = cp;
        continue;
      }
      if (cp < 0x800) {
        bytes[at++] = 0xc0 | (cp >>> 6);
        bytes[at++] = 0x80 | (cp & 0x3f);
        continue;
      }
      if (cp >= 0xd800 && cp <= 0xdfff) {
        const next = text.charCodeAt(i + 1);
        if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
          i++;
          bytes[at++] = 0xf0 | (cp >>> 18);
          bytes[at++] = 0x80 | ((cp >>> 12) & 0x3f);
          bytes[at++] = 0x80 | ((cp >>> 6) & 0x3f);
          bytes[at++] = 0x80 | (cp & 0x3f);
          continue;
        }
        cp = 0xfffd;
      }
      bytes[at++] = 0xe0 | (cp >>> 12);
      bytes[at++] = 0x80 | ((cp >>> 6) & 0x3f);
      bytes[at++] = 0x80 | (cp & 0x3f);
    }
    const length = at - lengthAt - 1;
    if (length < 0x80) {
      bytes[lengthAt] = length;
      this.length = at;
      return;
    }
    let width = 1;
    while (length >= 2 ** (7 * width)) width++;
    this.bytes.copyWithin(lengthAt + width, lengthAt + 1, at);
    this.length = lengthAt;
    this.varint(length);
    this.length += length;
  }

  /** Room for `extra` more bytes. */
  reserve(extra: number): void {
    if (this.length + extra > this.bytes.length) this.grow(extra);
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

const MIXED = 3;

/** A document's head (see `postings` above), from its number of positions per column. */
export function writeHead(out: ByteWriter, counts: readonly number[]): void {
  let bits = 0;
  let only = -1;
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] === 0) continue;
    bits |= 1 << c;
    only = only === -1 ? c : MIXED;
  }
  if (only !== MIXED) out.varint((counts[only]! << 2) | only);
  else {
    out.varint((bits << 2) | MIXED);
    for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) out.varint(counts[c]!);
  }
}

/** Most Rice parameter tried (gaps are below 2^24 in any document the server indexes). */
const MAX_RICE_K = 24;

/**
 * Writes a token's positions (`count` gaps, summing to `total`) as the file holds them: the
 * Rice parameter k that makes them fewest bits (a one-byte varint), then the codes.
 */
export function writeRicePositions(out: ByteWriter, gaps: Int32Array, count: number, total: number): void {
  // The k of fewest bits (the smallest, on a tie): each value costs (v >> k) + 1 + k. The cost
  // is convex in k, so the walk starts from the mean's k and moves to the smallest minimum.
  const bitsWith = (candidate: number) => {
    let bits = count * (1 + candidate);
    for (let i = 0; i < count; i++) bits += gaps[i]! >>> candidate;
    return bits;
  };
  let k = Math.min(MAX_RICE_K, Math.max(0, Math.floor(Math.log2(total / Math.max(1, count) + 1)) - 1));
  let fewest = bitsWith(k);
  let moved = false;
  while (k > 0) {
    const lower = bitsWith(k - 1);
    if (lower > fewest) break;
    fewest = lower;
    k--;
    moved = true;
  }
  while (!moved && k < MAX_RICE_K) {
    const higher = bitsWith(k + 1);
    if (higher >= fewest) break;
    fewest = higher;
    k++;
  }
  out.reserve(1 + Math.ceil(fewest / 8));
  const bytes = out.bytes;
  let at = out.length;
  bytes[at++] = k; // a one-byte varint (k ≤ MAX_RICE_K)
  // Bits gather in `pending` (fewer than 8 between values) and leave a byte at a time; a
  // value's ones, zero and low bits go in together when they fit in 24 bits.
  let pending = 0;
  let pendingBits = 0;
  const low = (1 << k) - 1;
  for (let i = 0; i < count; i++) {
    const gap = gaps[i]!;
    let q = gap >>> k;
    for (; q >= 16; q -= 16) {
      pending = (pending << 16) | 0xffff;
      for (pendingBits += 16; pendingBits >= 8;) bytes[at++] = pending >>> (pendingBits -= 8);
      pending &= (1 << pendingBits) - 1;
    }
    const width = q + 1 + k;
    if (width <= 24) {
      pending = (pending << width) | (((((1 << q) - 1) << 1) << k) | (gap & low));
      pendingBits += width;
    } else {
      pending = (pending << (q + 1)) | (((1 << q) - 1) << 1); // q ones and the zero ending them
      for (pendingBits += q + 1; pendingBits >= 8;) bytes[at++] = pending >>> (pendingBits -= 8);
      pending &= (1 << pendingBits) - 1;
      pending = (pending << k) | (gap & low);
      pendingBits += k;
    }
    for (; pendingBits >= 8;) bytes[at++] = pending >>> (pendingBits -= 8);
    pending &= (1 << pendingBits) - 1;
  }
  if (pendingBits > 0) bytes[at++] = pending << (8 - pendingBits);
  out.length = at;
}

/** Reads Rice-coded positions (writeRicePositions) from where `reader` stands: k, then the bits. */
class RiceReader {
  private readonly k: number;
  private bit: number;
  constructor(
    private readonly bytes: Uint8Array,
    reader: ByteReader,
  ) {
    this.k = reader.varint();
    this.bit = reader.at * 8;
  }

  /** The next value: the ones before the first zero counted a byte at a time, then k bits taken a byte's worth at a time. */
  next(): number {
    const { bytes, k } = this;
    let bit = this.bit;
    let q = 0;
    for (;;) {
      const offset = bit & 7;
      const rest = 8 - offset;
      // The byte's unread bits at the top of 32 (zeros below): leading ones of its complement's zeros.
      const ones = Math.clz32(~(((bytes[bit >>> 3]! << offset) & 0xff) << 24));
      if (ones < rest) {
        q += ones;
        bit += ones + 1;
        break;
      }
      q += rest;
      bit += rest;
    }
    let r = 0;
    for (let need = k; need > 0;) {
      const rest = 8 - (bit & 7);
      const take = need < rest ? need : rest;
      r = r * (1 << take) + ((bytes[bit >>> 3]! >>> (rest - take)) & ((1 << take) - 1));
      bit += take;
      need -= take;
    }
    this.bit = bit;
    return q * 2 ** k + r;
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

const fromUtf8 = new TextDecoder();

/**
 * One file's postings: for each token, where its postings lie in `bytes` (decoded on
 * demand). `stale`: documents whose entries here are replaced by the delta (see DocTable.delta).
 */
export interface ShardPart {
  bytes: Uint8Array;
  tokens: Map<string, { start: number; end: number }>;
  stale?: ReadonlySet<number>;
}

/** A shard as a query reads it: the published file's part and, after incremental builds, the delta's part for the same tokens. */
export type Shard = readonly ShardPart[];

export function readShard(bytes: Uint8Array): ShardPart {
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

/** Every token of the shard, once. */
export function shardTokens(shard: Shard): Set<string> {
  return new Set(shard.flatMap((part) => [...part.tokens.keys()]));
}

/** Keys and per-column counts of one token's postings in one part, and where its symbols start; the reader is left at the positions. */
function readHeads(part: ShardPart, token: string): { reader: ByteReader; keys: number[]; counts: number[][]; symbolsAt: number } | undefined {
  const place = part.tokens.get(token);
  if (!place) return undefined;
  const reader = new ByteReader(part.bytes, place.start);
  const n = reader.varint();
  const keys = new Array<number>(n);
  let key = 0;
  for (let i = 0; i < n; i++) keys[i] = key += reader.varint();
  const counts = new Array<number[]>(n);
  let symbols = 0;
  for (let i = 0; i < n; i++) {
    const head = reader.varint();
    const column = head & MIXED;
    const perColumn = [0, 0, 0]; // COLUMNS.length
    if (column !== MIXED) perColumn[column] = head >>> 2;
    else for (let c = 0; c < COLUMNS.length; c++) if ((head >>> 2) & (1 << c)) perColumn[c] = reader.varint();
    counts[i] = perColumn;
    symbols += perColumn[0]! + perColumn[1]!; // EDGE_COLUMNS
  }
  return { reader, keys, counts, symbolsAt: place.end - symbols };
}

/**
 * A token's postings; with `only`, just those documents (the others' positions are stepped
 * over, not kept).
 */
export function readPostings(shard: Shard, token: string, only?: ReadonlySet<number>): DocPostings[] {
  const docs: DocPostings[] = [];
  for (const part of shard) {
    const heads = readHeads(part, token);
    if (!heads) continue;
    const { reader, keys, counts } = heads;
    let { symbolsAt } = heads;
    const gaps = new RiceReader(part.bytes, reader);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const perColumn = counts[i]!;
      if ((only && !only.has(key)) || part.stale?.has(key)) {
        for (let c = 0; c < perColumn.length; c++) for (let k = perColumn[c]!; k > 0; k--) gaps.next();
        symbolsAt += perColumn[0]! + perColumn[1]!;
        continue;
      }
      const columns: number[][] = [];
      const symbols: Uint8Array[] = [];
      for (let c = 0; c < perColumn.length; c++) {
        const n = perColumn[c]!;
        const positions = new Array<number>(n);
        let p = 0;
        for (let k = 0; k < n; k++) positions[k] = p += gaps.next();
        columns.push(positions);
        symbols.push(part.bytes.subarray(symbolsAt, (symbolsAt += c < EDGE_COLUMNS ? n : 0)));
      }
      docs.push({ key, columns, symbols });
    }
  }
  return docs;
}

/**
 * A one-token term's word test: `found[key]` is set for the documents where some title or body
 * symbol `s` of the token has `(s & mask) === symbol` (an array by key: a Set's look-up for each
 * of the 450,000 documents of の's tokens cost more than the test itself).
 */
export interface SymbolTest {
  mask: number;
  symbol: number;
  found: boolean[];
}

/**
 * A token's documents with only the number of positions per column (a one-token phrase needs no
 * more); with `test`, its symbols read too (never the positions), except for documents already found.
 */
export function readPostingCounts(shard: Shard, token: string, add: (key: number, counts: number[]) => void, test?: SymbolTest): void {
  for (const part of shard) {
    const heads = readHeads(part, token);
    if (!heads) continue;
    const { keys, counts } = heads;
    const { bytes } = part;
    let at = heads.symbolsAt;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const start = at;
      at += counts[i]![0]! + counts[i]![1]!;
      if (part.stale?.has(key)) continue;
      add(key, counts[i]!);
      if (!test || test.found[key]) continue;
      for (let k = start; k < at; k++) {
        if ((bytes[k]! & test.mask) !== test.symbol) continue;
        test.found[key] = true;
        break;
      }
    }
  }
}

/** A shard file from tokens and their encoded postings, tokens sorted. */
export function writeShard(entries: Iterable<[string, Uint8Array]>): Uint8Array {
  return writeShardAsGiven([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The same with the entries in the order given (a build's partial shards, read back into a map, need no order). */
export function writeShardAsGiven(entries: readonly [string, Uint8Array][]): Uint8Array {
  const out = new ByteWriter();
  out.varint(entries.length);
  for (const [token, postings] of entries) {
    out.text(token);
    out.varint(postings.length);
    out.append(postings);
  }
  return out.view();
}

/** The delta's postings (a token shard of the changed documents) as parts of the shards their tokens belong to. */
export function readDelta(table: Pick<DocTable, 'buckets' | 'split'>, bytes: Uint8Array): Map<string, ShardPart> {
  const parts = new Map<string, ShardPart>();
  const delta = readShard(bytes);
  for (const [token, place] of delta.tokens) {
    const name = tokenShard(table, token);
    const into = parts.get(name) ?? { bytes, tokens: new Map() };
    into.tokens.set(token, place);
    parts.set(name, into);
  }
  return parts;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
