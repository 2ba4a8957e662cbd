// The static search index's files from the search sources (actions/search/list-search-documents.ts):
// each document tokenised by the server's own rules (domain/search/document.ts), its token
// positions appended to the postings of each token, the postings grouped into shards
// (client/format.ts describes the files). Pure apart from the document builder, which runs
// on worker threads for large sites as `katsudo reindex` does.
import { documentBuilderFor } from '../../actions/search/build-search-documents.js';
import type { PageSearchSource, ReportSearchSource, SearchSources } from '../../actions/search/list-search-documents.js';
import { attachmentTokens } from '../../domain/search/document.js';
import {
  firstCharacter,
  INDEX_VERSION,
  pageKey,
  reportKey,
  textShard,
  tokenShard,
  wordShard,
  PostingsWriter,
  writeShard,
  type DocTable,
  type ReportText,
} from './client/format.js';

/** Shards of one first character hold about this much before the character is split. */
const SPLIT_BYTES = 64 * 1024;
const MAX_SPLIT = 256;
const BUCKETS = 1024;
const WORD_BUCKETS = 512;

/** Every token's and word's postings, encoded, of a set of documents. */
export interface Postings {
  tokens: Map<string, Uint8Array>;
  words: Map<string, Uint8Array>;
}

export interface IndexFiles {
  table: DocTable;
  /** File name (no directory) → bytes, not yet compressed. */
  shards: Map<string, Uint8Array>;
  texts: Map<string, Record<string, ReportText>>;
}

interface Tokenised {
  key: number;
  /** Title, body and attachment tokens as domain/search/tokens.ts writes them (joined with spaces). */
  columns: string[];
  words: string[];
}

const split = (tokens: string): string[] => (tokens === '' ? [] : tokens.split(' '));

/**
 * Builds every file of the index. `split` (the characters spread over several shards) is
 * decided from the postings' sizes unless given: an incremental build keeps the published
 * index's, so the shards it does not touch keep their names.
 */
export async function buildIndexFiles(sources: SearchSources, keepSplit?: Record<string, number>): Promise<IndexFiles> {
  const { tokens, words, sizeOf } = await postingsOf(sources);
  const shape = { buckets: BUCKETS, wordBuckets: WORD_BUCKETS, split: keepSplit ?? splitOf(tokens) };
  const grouped = new Map<string, [string, Uint8Array][]>();
  const put = (name: string, token: string, postings: Uint8Array) => {
    const list = grouped.get(name) ?? [];
    list.push([token, postings]);
    grouped.set(name, list);
  };
  for (const [token, postings] of tokens) put(tokenShard(shape, token), token, postings);
  for (const [word, postings] of words) put(wordShard(shape, word), word, postings);
  const shards = new Map([...grouped].map(([name, entries]) => [name, writeShard(entries)]));
  const table: DocTable = { v: INDEX_VERSION, ...shape, ...rowsOf(sources, sizeOf), shards: [...shards.keys()].sort() };
  return { table, shards, texts: textsOf(sources) };
}

/** The postings of the sources' documents (an incremental build's delta), their rows and texts as a full build writes them. */
export async function buildDeltaFiles(sources: SearchSources): Promise<Postings & Pick<IndexFiles, 'table' | 'texts'>> {
  const { tokens, words, sizeOf } = await postingsOf(sources);
  const table: DocTable = { v: INDEX_VERSION, buckets: BUCKETS, wordBuckets: WORD_BUCKETS, split: {}, ...rowsOf(sources, sizeOf), shards: [] };
  return { tokens, words, table, texts: textsOf(sources) };
}

/** Every document's tokens appended to the postings, a batch at a time while the workers tokenise the next; each document's size. */
async function postingsOf(sources: SearchSources): Promise<Postings & { sizeOf: Map<number, number> }> {
  const tokens = new Map<number | string, PostingsWriter>();
  const ids = new TokenIds();
  const words = new Map<string, PostingsWriter>();
  const sizeOf = new Map<number, number>();
  for await (const batch of tokenise(sources)) {
    for (const doc of batch) {
      const touched: PostingsWriter[] = [];
      let size = doc.words.length;
      for (let c = 0; c < doc.columns.length; c++) size += appendTokens(tokens, ids, doc.columns[c]!, c, touched);
      for (let p = 0; p < doc.words.length; p++) {
        const word = doc.words[p]!;
        let writer = words.get(word);
        if (!writer) words.set(word, (writer = new PostingsWriter()));
        if (writer.position(0, p)) touched.push(writer);
      }
      for (const writer of touched) writer.endDocument(doc.key);
      // FTS5's row size counts every column, the words column too (bm25's |D|).
      sizeOf.set(doc.key, size);
    }
  }
  return {
    tokens: new Map([...tokens].map(([id, writer]) => [ids.token(id), writer.finish()])),
    words: new Map([...words].map(([word, writer]) => [word, writer.finish()])),
    sizeOf,
  };
}

function rowsOf(sources: SearchSources, sizeOf: Map<number, number>): Pick<DocTable, 'stats' | 'categories' | 'activityKinds' | 'reports' | 'pages'> {
  const categories: [string, string][] = [];
  const categoryIndex = new Map<string, number>();
  const reports = sources.reports.map((r): DocTable['reports'][number] => {
    let index = -1;
    if (r.category) {
      index = categoryIndex.get(r.category.slug) ?? categories.push([r.category.slug, r.category.name]) - 1;
      categoryIndex.set(r.category.slug, index);
    }
    return [r.id, sizeOf.get(reportKey(r.id))!, r.activityDate, index, r.activityKind === null ? -1 : sources.activityKinds.indexOf(r.activityKind)];
  });
  const pages = sources.pages.map((p): DocTable['pages'][number] => [p.id, sizeOf.get(pageKey(p.id))!, p.path ?? null, p.title, p.excerpt]);
  const { report, page } = sources.statistics;
  const stats: DocTable['stats'] = { report: [report.rows, report.totalTokens], page: [page.rows, page.totalTokens] };
  return { stats, categories, activityKinds: sources.activityKinds, reports, pages };
}

/** What reports' results show (and what an incremental build compares to see whether a report changed). */
function textsOf(sources: SearchSources): Map<string, Record<string, ReportText>> {
  const texts = new Map<string, Record<string, ReportText>>();
  for (const r of sources.reports) {
    const shard = texts.get(textShard(r.id)) ?? {};
    shard[r.id] = [r.path, r.title, r.bodyText, r.attachments.map((a) => [a.label, a.text])];
    texts.set(textShard(r.id), shard);
  }
  return texts;
}

/**
 * A token (one or two code points, domain/search/tokens.ts) as a small integer while
 * appending, so no string is made for each of the millions: each character numbered in
 * order of appearance, the token the first's number × 2^15 + the second's (0 for none).
 * Tokens of characters past the 32,767th keep their string.
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

/** Appends the tokens of one column (space-separated) to their postings; returns how many there were. */
function appendTokens(postings: Map<number | string, PostingsWriter>, ids: TokenIds, text: string, column: number, touched: PostingsWriter[]): number {
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
    const id = ids.id(first, second);
    let writer = postings.get(id);
    if (!writer) postings.set(id, (writer = new PostingsWriter()));
    if (writer.position(column, p)) touched.push(writer);
  }
  return p;
}

const BATCH = 1000;

/** The documents' tokens per column, in key order (reports and pages interleaved by key), in batches: the next batch is tokenised while the caller appends this one. */
async function* tokenise(sources: SearchSources): AsyncGenerator<Tokenised[]> {
  const items = [...sources.reports.map((r) => ({ key: reportKey(r.id), source: r as ReportSearchSource | PageSearchSource }))];
  items.push(...sources.pages.map((p) => ({ key: pageKey(p.id), source: p })));
  items.sort((a, b) => a.key - b.key);
  const builder = documentBuilderFor(items.length);
  const build = (from: number) => {
    const slice = items.slice(from, from + BATCH);
    return builder.build(slice.map((item, i) => ({ id: from + i, title: item.source.title, bodyText: item.source.bodyText })));
  };
  try {
    let next = items.length > 0 ? build(0) : undefined;
    for (let from = 0; next; from += BATCH) {
      const built = await next;
      next = from + BATCH < items.length ? build(from + BATCH) : undefined;
      yield built.map(({ doc }, i) => {
        const { key, source } = items[from + i]!;
        return { key, columns: [doc.title, doc.body, attachmentTokens(source.attachments.map((a) => a.text))], words: split(doc.words) };
      });
    }
  } finally {
    await builder.close();
  }
}

/** Characters whose tokens' postings exceed SPLIT_BYTES, and into how many shards (a power of two). */
function splitOf(tokens: Map<string, Uint8Array>): Record<string, number> {
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
