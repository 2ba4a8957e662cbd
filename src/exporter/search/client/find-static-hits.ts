// The server's search (store/search.ts, store/page-search.ts) over the static index: the
// same matches and the same order, so /search on a static host answers as `katsudo serve`.
//
// Matching: a term is the phrase of its tokens (domain/search/tokens.ts) in the title, body
// or attachment text, its last token a prefix when it is a lone character; groups are ANDed,
// terms inside a group ORed, excluded terms must not match.
// Order of reports: the number of groups one of whose terms stands as words first (read from
// the edge symbols beside the token positions, format.ts: the term's characters stand in the
// title or body with exactly the term's own word edges), then FTS5's bm25 (https://sqlite.org/fts5.html#the_bm25_function, source
// ext/fts5/fts5_aux.c), then newer activity date, then higher id. Pages: bm25, then id.
// bm25 is computed as FTS5 computes it: per phrase, IDF = ln((N − n + 0.5) / (n + 0.5))
// (1e-6 when not positive) over the rows n of the whole index holding the phrase; the
// phrase's frequency is the sum of the column weights of its instances; the row's size and
// the average size count the tokens of all four columns; k1 = 1.2, b = 0.75; the score is
// minus the sum over phrases in query order (a phrase absent from the row adds 0).
import type { SearchQuery, SearchTerm } from '../../../domain/search/query.js';
import { termTokens } from '../../../domain/search/tokens.js';
import { termWords, wordEdges, WORD_END, WORD_START } from '../../../domain/search/words.js';
import {
  COLUMNS,
  EDGE_COLUMNS,
  edgeSymbol,
  firstCharacter,
  pageKey,
  prefixShards,
  readPostingCounts,
  readPostings,
  reportKey,
  shardTokens,
  tokenShard,
  type DocPostings,
  type DocTable,
  type PageRow,
  type ReportRow,
  type Shard,
  type SymbolTest,
} from './format.js';

/** Where the script (or a test) gets the index's files. */
export interface StaticIndex {
  table: DocTable;
  /** A shard by name; undefined when the index has no such file (no token falls in it). */
  shard(name: string): Promise<Shard | undefined>;
}

export interface StaticFilter {
  year?: number;
  /** Category slug (unknown: no report matches; callers refuse it first). */
  category?: string;
  /** Kind of activity (DocTable.activityKinds): only reports whose confirmed record is of this kind (an unknown kind: none). */
  activity?: string;
}

/**
 * Every shard the query reads: its terms' token shards (all parts of a lone last character's).
 * Asked for at once, so a query costs one round of fetches after the doc table instead of one
 * per step of the evaluation.
 */
export function queryShards(table: Pick<DocTable, 'buckets' | 'split'>, query: SearchQuery): Set<string> {
  const names = new Set<string>();
  for (const term of [...query.all.flat(), ...query.none]) {
    const tokens = termTokens(term.text);
    if (!tokens) continue;
    tokens.tokens.forEach((token, i) => {
      const isPrefix = tokens.isLastPrefix && i === tokens.tokens.length - 1;
      for (const name of isPrefix ? prefixShards(table, token) : [tokenShard(table, token)]) names.add(name);
    });
  }
  return names;
}

const K1 = 1.2;
const B = 0.75;

/** Instance counts per column (COLUMNS order), by document key. */
type Counts = Map<number, number[]>;

/** A term's instances, and the documents where it stands as words (none when the term is not made of words, or excluded). */
interface TermMatches {
  counts: Counts;
  asWords: Set<number>;
}

/**
 * The reports matching the query and the filter: how many, and the best `through` of them in
 * order (all without it). A page of results needs only its own rows in order: they are picked
 * in one pass instead of sorting every hit (4,500 for 外交).
 */
export async function findStaticReportHits(
  index: StaticIndex,
  query: SearchQuery,
  filter: StaticFilter,
  through?: number,
): Promise<{ total: number; rows: ReportRow[] }> {
  const scored = await scoreMatches(index, query, 0);
  if (!scored) return { total: 0, rows: [] };
  const { table } = index;
  const { reportByKey } = lookupsOf(table);
  const category = filter.category === undefined ? undefined : table.categories.findIndex(([slug]) => slug === filter.category);
  const activity = filter.activity === undefined ? undefined : table.activityKinds.indexOf(filter.activity);
  const from = filter.year === undefined ? undefined : `${filter.year}-01-01`;
  const to = filter.year === undefined ? undefined : `${filter.year + 1}-01-01`;
  const wordCounts = await wordGroupCounts(index, query);
  const hits: RankedHit[] = [];
  for (const [key, score] of scored) {
    const row = reportByKey[key];
    if (!row) continue;
    if (from !== undefined && (row[2] < from || row[2] >= to!)) continue;
    if (category !== undefined && row[3] !== category) continue;
    if (activity !== undefined && (activity < 0 || row[4] !== activity)) continue;
    hits.push({ row, words: wordCounts.get(key) ?? 0, score });
  }
  return { total: hits.length, rows: best(hits, through ?? hits.length, byRank).map((h) => h.row) };
}

type RankedHit = { row: ReportRow; words: number; score: number };

/** More groups standing as words, then bm25, then newer, then higher id: a total order. */
const byRank = (a: RankedHit, b: RankedHit) => b.words - a.words || a.score - b.score || (a.row[2] < b.row[2] ? 1 : a.row[2] > b.row[2] ? -1 : 0) || b.row[0] - a.row[0];

/** The first `count` of `items` in the order of `compare` (a total order), without sorting the rest. */
function best<T>(items: T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (count >= items.length) return items.sort(compare);
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === count && compare(item, kept[count - 1]!) >= 0) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(kept[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

/** Reachable pages matching the query, best first. */
export async function findStaticPageHits(index: StaticIndex, query: SearchQuery): Promise<PageRow[]> {
  const scored = await scoreMatches(index, query, 1);
  if (!scored) return [];
  const { pageByKey } = lookupsOf(index.table);
  return [...scored]
    .map(([key, score]) => ({ row: pageByKey.get(key), score }))
    .filter((h): h is { row: PageRow; score: number } => h.row !== undefined && h.row[2] !== null)
    .sort((a, b) => a.score - b.score || a.row[0] - b.row[0])
    .map((h) => h.row);
}

/** bm25 score by key of the documents of one kind (0 reports, 1 pages) matching the query; undefined when a group has no tokens. */
async function scoreMatches(index: StaticIndex, query: SearchQuery, parity: 0 | 1): Promise<Map<number, number> | undefined> {
  const groups: Counts[][] = [];
  for (const group of query.all) {
    const found = (await Promise.all(group.map((term) => termCountsOnce(index, query, term)))).filter((m) => m !== undefined).map((m) => m.counts);
    if (found.length === 0) return undefined;
    groups.push(found);
  }
  const excluded = (await Promise.all(query.none.map((term) => termCountsOnce(index, query, term)))).filter((m) => m !== undefined).map((m) => m.counts);
  // The documents of this kind in every group (a term of it holds them), in no excluded term.
  let keys: number[] = [];
  groups.forEach((group, g) => {
    if (g > 0) keys = keys.filter((key) => group.some((counts) => counts.has(key)));
    else {
      const inGroup = new Set<number>();
      for (const counts of group) for (const key of counts.keys()) if (key % 2 === parity) inGroup.add(key);
      keys = [...inGroup];
    }
  });
  const matching = excluded.length === 0 ? keys : keys.filter((key) => !excluded.some((counts) => counts.has(key)));
  const phrases = [...groups.flat(), ...excluded];
  const [rows, totalSize] = parity === 0 ? index.table.stats.report : index.table.stats.page;
  const avgdl = totalSize / rows;
  const idf = phrases.map((counts) => {
    let n = 0; // rows of this kind holding the phrase
    for (const key of counts.keys()) if (key % 2 === parity) n++;
    const value = Math.log((rows - n + 0.5) / (n + 0.5));
    return value <= 0 ? 1e-6 : value;
  });
  const { reportByKey, pageByKey } = lookupsOf(index.table);
  const rowOf = (key: number) => (parity === 0 ? reportByKey[key] : pageByKey.get(key));
  const scores = new Map<number, number>();
  for (const key of matching) {
    const size = rowOf(key)?.[1] ?? 0;
    let score = 0;
    for (let i = 0; i < phrases.length; i++) {
      const columns = phrases[i]!.get(key);
      if (!columns) continue;
      let frequency = 0;
      for (let c = 0; c < columns.length; c++) frequency += columns[c]! * COLUMNS[c]!.weight;
      score += idf[i]! * ((frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + (B * size) / avgdl)));
    }
    scores.set(key, -1.0 * score);
  }
  return scores;
}

const counted = new WeakMap<StaticIndex, WeakMap<SearchQuery, Map<SearchTerm, Promise<TermMatches | undefined>>>>();

/** termCounts once per term of a query over an index: the reports' and the pages' searches share one reading of the postings. */
function termCountsOnce(index: StaticIndex, query: SearchQuery, term: SearchTerm): Promise<TermMatches | undefined> {
  let byQuery = counted.get(index);
  if (!byQuery) counted.set(index, (byQuery = new WeakMap()));
  let byTerm = byQuery.get(query);
  if (!byTerm) byQuery.set(query, (byTerm = new Map()));
  let found = byTerm.get(term);
  if (!found) byTerm.set(term, (found = termCounts(index, term, !query.none.includes(term))));
  return found;
}

/** reportByKey: an array indexed by key (building a Map of 10,000 rows took ~1.3 ms of a cold search in Node, the array a fraction). */
type Lookups = { reportByKey: (ReportRow | undefined)[]; pageByKey: Map<number, PageRow> };

const lookups = new WeakMap<DocTable, Lookups>();

/** The table's rows by document key, made once per table (not per query). */
function lookupsOf(table: DocTable): Lookups {
  let found = lookups.get(table);
  if (!found) {
    const reportByKey: (ReportRow | undefined)[] = [];
    for (const row of table.reports) reportByKey[reportKey(row[0])] = row;
    found = { reportByKey, pageByKey: new Map(table.pages.map((row) => [pageKey(row[0]), row])) };
    lookups.set(table, found);
  }
  return found;
}

/** Per document, how many of the query's groups have a term standing as words (store/search.ts wordExpressions). */
async function wordGroupCounts(index: StaticIndex, query: SearchQuery): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const group of query.all) {
    const inGroup = new Set<number>();
    for (const term of group) for (const key of (await termCountsOnce(index, query, term))?.asWords ?? []) inGroup.add(key);
    for (const key of inGroup) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function readPostingsFrom(shard: Shard | undefined, token: string, only?: ReadonlySet<number>): Map<number, DocPostings> {
  return new Map((shard ? readPostings(shard, token, only) : []).map((d) => [d.key, d]));
}

/**
 * The edge symbols a term's tokens have where it stands as words (format.ts edgeSymbol), for a
 * term made of words (termWords): one run of characters, so its tokens are its n − 1 2-grams.
 */
function termSymbols(text: string): number[] {
  const edges = wordEdges(text);
  const starts: number[] = [];
  for (let at = 0; at < text.length; at += text.codePointAt(at)! > 0xffff ? 2 : 1) starts.push(at);
  return starts.slice(1).map((at, i) => edgeSymbol(edges[starts[i]!]!, edges[at]!));
}

/** The term's instances per column, by key, and (`withWords`) where it stands as words; undefined when the term has no tokens. */
async function termCounts(index: StaticIndex, term: SearchTerm, withWords: boolean): Promise<TermMatches | undefined> {
  const tokens = termTokens(term.text);
  if (!tokens) return undefined;
  // The word test (docs/search.md): a term made of words whose characters stand with its own word edges.
  const symbols = withWords && termWords(term.text).length > 0 ? termSymbols(term.text) : undefined;
  // One token (every 1- and 2-character term): its instances are its positions, counted without reading them.
  if (tokens.tokens.length === 1) {
    // A lone character stands as a word where a word of that one character starts and ends; a 2-gram where its symbol is the term's.
    const wordTest = symbols && (tokens.isLastPrefix ? { mask: 3, symbol: WORD_START | WORD_END } : { mask: 15, symbol: symbols[0]! });
    return tokenCounts(index, tokens.tokens[0]!, tokens.isLastPrefix, wordTest);
  }
  const fixed = tokens.isLastPrefix ? tokens.tokens.slice(0, -1) : tokens.tokens;
  const shards = await Promise.all(fixed.map((token) => index.shard(tokenShard(index.table, token))));
  // Only documents holding every fixed token (read from the heads) need their positions.
  const candidates = commonKeys(shards, fixed);
  const postings = fixed.map((token, i) => readPostingsFrom(shards[i], token, candidates));
  if (tokens.isLastPrefix) {
    const last = tokens.tokens[tokens.tokens.length - 1]!;
    postings.push(prefixPostings(await Promise.all(prefixShards(index.table, last).map((name) => index.shard(name))), last, candidates));
  }
  return phraseCounts(postings, symbols);
}

/** The keys holding every one of `tokens` (token i in shards[i]), from the postings' heads. */
function commonKeys(shards: readonly (Shard | undefined)[], tokens: readonly string[]): Set<number> {
  let common: Set<number> | undefined;
  tokens.forEach((token, i) => {
    const keys = new Set<number>();
    if (shards[i]) readPostingCounts(shards[i], token, (key) => (!common || common.has(key)) && keys.add(key));
    common = keys;
  });
  return common ?? new Set();
}

/**
 * Instances per column of one token, or (prefix) of every token starting with it, by key; and
 * the documents where one of its title or body symbols passes `wordTest` (masked, equal).
 */
async function tokenCounts(index: StaticIndex, token: string, isPrefix: boolean, wordTest?: Omit<SymbolTest, 'found'>): Promise<TermMatches> {
  const counts: Counts = new Map();
  const test = wordTest && { ...wordTest, found: [] };
  const matches = () => ({ counts, asWords: new Set(test ? [...counts.keys()].filter((key) => test.found[key]) : []) });
  const add = (key: number, perColumn: number[]) => {
    const sum = counts.get(key);
    if (!sum) counts.set(key, perColumn);
    else perColumn.forEach((n, c) => (sum[c]! += n));
  };
  const read = (shard: Shard, name: string) => readPostingCounts(shard, name, add, test);
  if (!isPrefix) {
    const shard = await index.shard(tokenShard(index.table, token));
    if (shard) read(shard, token);
    return matches();
  }
  for (const shard of await Promise.all(prefixShards(index.table, token).map((name) => index.shard(name)))) {
    if (!shard) continue;
    for (const candidate of shardTokens(shard)) if (firstCharacter(candidate) === token) read(shard, candidate);
  }
  return matches();
}

/** Every token starting with `first`, positions merged per document and column, for the documents `only` (no symbols: never word-tested). */
function prefixPostings(shards: (Shard | undefined)[], first: string, only: ReadonlySet<number>): Map<number, DocPostings> {
  const merged = new Map<number, DocPostings>();
  for (const shard of shards) {
    if (!shard) continue;
    for (const token of shardTokens(shard)) {
      if (firstCharacter(token) !== first) continue;
      for (const doc of readPostings(shard, token, only)) addPositions(merged, doc);
    }
  }
  for (const { columns } of merged.values()) for (const positions of columns) positions.sort((a, b) => a - b);
  return merged;
}

function addPositions(merged: Map<number, DocPostings>, doc: DocPostings): void {
  const found = merged.get(doc.key);
  if (!found) merged.set(doc.key, { key: doc.key, columns: doc.columns.map((p) => [...p]), symbols: [] });
  else doc.columns.forEach((positions, c) => found.columns[c]!.push(...positions));
}

/**
 * Instances of the phrase whose i-th token has postings[i]: start positions p where token i
 * stands at p + i, per column, for the documents with at least one; with `symbols`, also the
 * documents where an instance in the title or body has symbols[i] at each token i (the term
 * stands as words there).
 */
function phraseCounts(postings: Map<number, DocPostings>[], symbols?: readonly number[]): TermMatches {
  const counts: Counts = new Map();
  const asWords = new Set<number>();
  const [first, ...rest] = postings;
  for (const [key, doc] of first!) {
    const others = rest.map((p) => p.get(key));
    if (others.some((o) => o === undefined)) continue;
    const perColumn = doc.columns.map((starts, c) => {
      const isTested = symbols !== undefined && c < EDGE_COLUMNS;
      let n = 0;
      starts.forEach((p, k) => {
        let standsAsWords = isTested && doc.symbols[c]![k] === symbols[0];
        for (let i = 0; i < others.length; i++) {
          const o = others[i]!;
          const at = indexOf(o.columns[c]!, p + i + 1);
          if (at < 0) return;
          standsAsWords &&= o.symbols[c]![at] === symbols![i + 1];
        }
        n++;
        if (standsAsWords) asWords.add(key);
      });
      return n;
    });
    if (perColumn.some((n) => n > 0)) counts.set(key, perColumn);
  }
  return { counts, asWords };
}

/** The index of `value` in `sorted`, or -1. */
function indexOf(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
