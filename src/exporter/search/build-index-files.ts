// The static search index's files from the search sources (actions/search/list-search-documents.ts):
// each document tokenised by the server's own rules (domain/search/document.ts), its token
// positions appended to the postings of each token, the postings grouped into shards
// (client/format.ts describes the files). Pure apart from the document builder, which runs
// on worker threads for large sites as `katsudo reindex` does.
import { documentBuilderFor } from '../../actions/search/build-search-documents.js';
import type { PageSearchSource, ReportSearchSource, SearchSources } from '../../actions/search/list-search-documents.js';
import { attachmentTokens, type SearchDocument } from '../../domain/search/document.js';
import {
  ByteWriter,
  firstCharacter,
  INDEX_VERSION,
  PAGE_TEXTS,
  pageKey,
  reportKey,
  textShard,
  tokenShard,
  wordShard,
  writeDocPostings,
  writeShard,
  type DocTable,
  type ReportText,
} from './client/format.js';

/** Shards of one first character hold about this much before the character is split. */
const SPLIT_BYTES = 64 * 1024;
const MAX_SPLIT = 256;
const BUCKETS = 1024;
const WORD_BUCKETS = 512;

/**
 * One token's postings as they are appended, documents in ascending key order; `pending`
 * holds the current document's positions per column until the document is done (reused, so
 * appending allocates nothing per token and document).
 */
interface PostingsBuilder {
  out: ByteWriter;
  count: number;
  lastKey: number;
  pending: number[][];
  isPending: boolean;
}

export interface IndexFiles {
  table: DocTable;
  /** File name (no directory) → bytes, not yet compressed. */
  shards: Map<string, Uint8Array>;
  texts: Map<string, Record<string, ReportText>>;
}

interface Tokenised {
  key: number;
  size: number;
  columns: string[][];
  words: string[];
}

const split = (tokens: string): string[] => (tokens === '' ? [] : tokens.split(' '));

/**
 * Builds every file of the index. `split` (the characters spread over several shards) is
 * decided from the postings' sizes unless given: an incremental build keeps the published
 * index's, so the shards it does not touch keep their names.
 */
export async function buildIndexFiles(sources: SearchSources, keepSplit?: Record<string, number>): Promise<IndexFiles> {
  const documents = await tokenise(sources);
  const tokens = new Map<string, PostingsBuilder>();
  const words = new Map<string, PostingsBuilder>();
  for (const doc of documents) {
    appendDocument(tokens, doc.key, doc.columns);
    appendDocument(words, doc.key, [doc.words]);
  }
  const shape = { buckets: BUCKETS, wordBuckets: WORD_BUCKETS, split: keepSplit ?? splitOf(tokens) };
  const grouped = new Map<string, [string, Uint8Array][]>();
  const put = (name: string, token: string, builder: PostingsBuilder) => {
    const list = grouped.get(name) ?? [];
    list.push([token, finish(builder)]);
    grouped.set(name, list);
  };
  for (const [token, builder] of tokens) put(tokenShard(shape, token), token, builder);
  for (const [word, builder] of words) put(wordShard(shape, word), word, builder);
  const shards = new Map([...grouped].map(([name, entries]) => [name, writeShard(entries)]));
  const sizeOf = new Map(documents.map((d) => [d.key, d.size]));
  const table: DocTable = { v: INDEX_VERSION, ...shape, ...rowsOf(sources, sizeOf), shards: [...shards.keys()].sort() };
  return { table, shards, texts: textsOf(sources) };
}

function rowsOf(sources: SearchSources, sizeOf: Map<number, number>): Pick<DocTable, 'stats' | 'categories' | 'reports' | 'pages'> {
  const categories: [string, string][] = [];
  const categoryIndex = new Map<string, number>();
  const reports = sources.reports.map((r): DocTable['reports'][number] => {
    let index = -1;
    if (r.category) {
      index = categoryIndex.get(r.category.slug) ?? categories.push([r.category.slug, r.category.name]) - 1;
      categoryIndex.set(r.category.slug, index);
    }
    return [r.id, sizeOf.get(reportKey(r.id))!, r.path, r.title, r.activityDate, index];
  });
  const pages = sources.pages.map((p): DocTable['pages'][number] => [p.id, sizeOf.get(pageKey(p.id))!, p.path ?? null, p.title, p.excerpt]);
  const { report, page } = sources.statistics;
  return { stats: { report: [report.rows, report.totalTokens], page: [page.rows, page.totalTokens] }, categories, reports, pages };
}

/** Reports' texts (for snippets) and pages' texts (for an incremental build to find what a page's old text indexed). */
function textsOf(sources: SearchSources): Map<string, Record<string, ReportText>> {
  const texts = new Map<string, Record<string, ReportText>>();
  const add = (name: string, source: ReportSearchSource | PageSearchSource) => {
    const shard = texts.get(name) ?? {};
    shard[source.id] = [source.bodyText, source.attachments.map((a) => [a.label, a.text])];
    texts.set(name, shard);
  };
  for (const r of sources.reports) add(textShard(r.id), r);
  for (const p of sources.pages) add(PAGE_TEXTS, p);
  return texts;
}

/** The documents' tokens per column, in key order (reports and pages interleaved by key). */
async function tokenise(sources: SearchSources): Promise<Tokenised[]> {
  const items = [...sources.reports.map((r) => ({ key: reportKey(r.id), source: r as ReportSearchSource | PageSearchSource }))];
  items.push(...sources.pages.map((p) => ({ key: pageKey(p.id), source: p })));
  items.sort((a, b) => a.key - b.key);
  const builder = documentBuilderFor(items.length);
  let built: SearchDocument[];
  try {
    built = (await builder.build(items.map((item, i) => ({ id: i, title: item.source.title, bodyText: item.source.bodyText })))).map((b) => b.doc);
  } finally {
    await builder.close();
  }
  return items.map(({ key, source }, i) => {
    const doc = built[i]!;
    const columns = [split(doc.title), split(doc.body), split(attachmentTokens(source.attachments.map((a) => a.text)))];
    const words = split(doc.words);
    // FTS5's row size counts every column, the words column too (bm25's |D|).
    const size = columns.reduce((sum, c) => sum + c.length, 0) + words.length;
    return { key, size, columns, words };
  });
}

/** Adds one document's token positions (per column) to the postings of each token. */
function appendDocument(postings: Map<string, PostingsBuilder>, key: number, columns: string[][]): void {
  const touched: PostingsBuilder[] = [];
  columns.forEach((tokens, c) => {
    for (let p = 0; p < tokens.length; p++) {
      const token = tokens[p]!;
      let builder = postings.get(token);
      if (!builder) postings.set(token, (builder = { out: new ByteWriter(), count: 0, lastKey: 0, pending: columns.map(() => []), isPending: false }));
      if (!builder.isPending) {
        builder.isPending = true;
        touched.push(builder);
      }
      builder.pending[c]!.push(p);
    }
  });
  for (const builder of touched) {
    writeDocPostings(builder.out, builder.lastKey, { key, columns: builder.pending });
    builder.count++;
    builder.lastKey = key;
    builder.isPending = false;
    for (const positions of builder.pending) positions.length = 0;
  }
}

function finish(builder: PostingsBuilder): Uint8Array {
  const out = new ByteWriter();
  out.varint(builder.count);
  out.append(builder.out.view());
  return out.view();
}

/** Characters whose tokens' postings exceed SPLIT_BYTES, and into how many shards (a power of two). */
function splitOf(tokens: Map<string, PostingsBuilder>): Record<string, number> {
  const bytes = new Map<string, number>();
  for (const [token, builder] of tokens) {
    const first = firstCharacter(token);
    bytes.set(first, (bytes.get(first) ?? 0) + builder.out.length + token.length * 3);
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
