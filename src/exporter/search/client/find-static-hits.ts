// The server's search (store/search.ts, store/page-search.ts) over the static index: the
// same matches and the same order, so /search on a static host answers as `katsudo serve`.
//
// Matching: a term is the phrase of its tokens (domain/search/tokens.ts) in the title, body
// or attachment text, its last token a prefix when it is a lone character; groups are ANDed,
// terms inside a group ORed, excluded terms must not match.
// Order of reports: the number of groups one of whose terms stands as words (the words
// column) first, then FTS5's bm25 (https://sqlite.org/fts5.html#the_bm25_function, source
// ext/fts5/fts5_aux.c), then newer activity date, then higher id. Pages: bm25, then id.
// bm25 is computed as FTS5 computes it: per phrase, IDF = ln((N − n + 0.5) / (n + 0.5))
// (1e-6 when not positive) over the rows n of the whole index holding the phrase; the
// phrase's frequency is the sum of the column weights of its instances; the row's size and
// the average size count the tokens of all four columns; k1 = 1.2, b = 0.75; the score is
// minus the sum over phrases in query order (a phrase absent from the row adds 0).
import type { SearchQuery, SearchTerm } from '../../../domain/search/query.js';
import { termTokens } from '../../../domain/search/tokens.js';
import { termWords } from '../../../domain/search/words.js';
import {
  COLUMNS,
  firstCharacter,
  pageKey,
  prefixShards,
  readPostingCounts,
  readPostings,
  reportKey,
  shardTokens,
  tokenShard,
  wordShard,
  type DocPostings,
  type DocTable,
  type PageRow,
  type ReportRow,
  type Shard,
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
 * Every shard the query reads: its terms' token shards (all parts of a lone last character's),
 * and the word shards of the ANDed groups' terms. Asked for at once, so a query costs one round
 * of fetches after the doc table instead of one per step of the evaluation.
 */
export function queryShards(table: Pick<DocTable, 'buckets' | 'wordBuckets' | 'split'>, query: SearchQuery): Set<string> {
  const names = new Set<string>();
  for (const term of [...query.all.flat(), ...query.none]) {
    const tokens = termTokens(term.text);
    if (!tokens) continue;
    tokens.tokens.forEach((token, i) => {
      const isPrefix = tokens.isLastPrefix && i === tokens.tokens.length - 1;
      for (const name of isPrefix ? prefixShards(table, token) : [tokenShard(table, token)]) names.add(name);
    });
  }
  for (const term of query.all.flat()) for (const word of termWords(term.text)) names.add(wordShard(table, word));
  return names;
}

const K1 = 1.2;
const B = 0.75;

/** Instance counts per column (COLUMNS order), by document key. */
type Counts = Map<number, number[]>;

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
    const found = (await Promise.all(group.map((term) => termCountsOnce(index, query, term)))).filter((c): c is Counts => c !== undefined);
    if (found.length === 0) return undefined;
    groups.push(found);
  }
  const excluded = (await Promise.all(query.none.map((term) => termCountsOnce(index, query, term)))).filter((c): c is Counts => c !== undefined);
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

const counted = new WeakMap<StaticIndex, WeakMap<SearchQuery, Map<SearchTerm, Promise<Counts | undefined>>>>();

/** termCounts once per term of a query over an index: the reports' and the pages' searches share one reading of the postings. */
function termCountsOnce(index: StaticIndex, query: SearchQuery, term: SearchTerm): Promise<Counts | undefined> {
  let byQuery = counted.get(index);
  if (!byQuery) counted.set(index, (byQuery = new WeakMap()));
  let byTerm = byQuery.get(query);
  if (!byTerm) byQuery.set(query, (byTerm = new Map()));
  let found = byTerm.get(term);
  if (!found) byTerm.set(term, (found = termCounts(index, term)));
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
    const phrases = group.map((term) => termWords(term.text)).filter((words) => words.length > 0);
    if (phrases.length === 0) continue;
    const inGroup = new Set<number>();
    for (const words of phrases) {
      if (words.length === 1) {
        // One word: the documents holding it, no positions needed.
        const shard = await index.shard(wordShard(index.table, words[0]!));
        if (shard) readPostingCounts(shard, words[0]!, (key) => inGroup.add(key));
        continue;
      }
      const shards = await Promise.all(words.map((word) => index.shard(wordShard(index.table, word))));
      const candidates = commonKeys(shards, words);
      for (const [key] of phraseCounts(
        words.map((word, i) => readPostingsFrom(shards[i], word, candidates)),
        false,
      ))
        inGroup.add(key);
    }
    for (const key of inGroup) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function readPostingsFrom(shard: Shard | undefined, token: string, only?: ReadonlySet<number>): Map<number, number[][]> {
  return new Map((shard ? readPostings(shard, token, only) : []).map((d) => [d.key, d.columns]));
}

/** The term's instances per column, by key; undefined when the term has no tokens. */
async function termCounts(index: StaticIndex, term: SearchTerm): Promise<Counts | undefined> {
  const tokens = termTokens(term.text);
  if (!tokens) return undefined;
  // One token (every 1- and 2-character term): its instances are its positions, counted without reading them.
  if (tokens.tokens.length === 1) return tokenCounts(index, tokens.tokens[0]!, tokens.isLastPrefix);
  const fixed = tokens.isLastPrefix ? tokens.tokens.slice(0, -1) : tokens.tokens;
  const shards = await Promise.all(fixed.map((token) => index.shard(tokenShard(index.table, token))));
  // Only documents holding every fixed token (read from the heads) need their positions.
  const candidates = commonKeys(shards, fixed);
  const postings = fixed.map((token, i) => readPostingsFrom(shards[i], token, candidates));
  if (tokens.isLastPrefix) {
    const last = tokens.tokens[tokens.tokens.length - 1]!;
    postings.push(prefixPostings(await Promise.all(prefixShards(index.table, last).map((name) => index.shard(name))), last, candidates));
  }
  return phraseCounts(postings, true);
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

/** Instances per column of one token, or (prefix) of every token starting with it, by key. */
async function tokenCounts(index: StaticIndex, token: string, isPrefix: boolean): Promise<Counts> {
  const out: Counts = new Map();
  const add = (key: number, counts: number[]) => {
    const sum = out.get(key);
    if (!sum) out.set(key, counts);
    else counts.forEach((n, c) => (sum[c]! += n));
  };
  if (!isPrefix) {
    const shard = await index.shard(tokenShard(index.table, token));
    if (shard) readPostingCounts(shard, token, add);
    return out;
  }
  for (const shard of await Promise.all(prefixShards(index.table, token).map((name) => index.shard(name)))) {
    if (!shard) continue;
    for (const candidate of shardTokens(shard)) if (firstCharacter(candidate) === token) readPostingCounts(shard, candidate, add);
  }
  return out;
}

/** Every token starting with `first`, positions merged per document and column, for the documents `only`. */
function prefixPostings(shards: (Shard | undefined)[], first: string, only: ReadonlySet<number>): Map<number, number[][]> {
  const merged = new Map<number, number[][]>();
  for (const shard of shards) {
    if (!shard) continue;
    for (const token of shardTokens(shard)) {
      if (firstCharacter(token) !== first) continue;
      for (const doc of readPostings(shard, token, only)) addPositions(merged, doc);
    }
  }
  for (const columns of merged.values()) for (const positions of columns) positions.sort((a, b) => a - b);
  return merged;
}

function addPositions(merged: Map<number, number[][]>, doc: DocPostings): void {
  const columns = merged.get(doc.key);
  if (!columns)
    merged.set(
      doc.key,
      doc.columns.map((p) => [...p]),
    );
  else doc.columns.forEach((positions, c) => columns[c]!.push(...positions));
}

/**
 * Instances of the phrase whose i-th token has postings[i]: start positions p where token i
 * stands at p + i, per column, for the documents with at least one (in some column when
 * `anyColumn`, else in the first).
 */
function phraseCounts(postings: Map<number, number[][]>[], anyColumn: boolean): Counts {
  const out: Counts = new Map();
  const [first, ...rest] = postings;
  for (const [key, columns] of first!) {
    const others = rest.map((p) => p.get(key));
    if (others.some((o) => o === undefined)) continue;
    const counts = columns.map((starts, c) => {
      if (!anyColumn && c > 0) return 0;
      let n = 0;
      for (const p of starts) if (others.every((o, i) => includes(o![c]!, p + i + 1))) n++;
      return n;
    });
    if (counts.some((n) => n > 0)) out.set(key, counts);
  }
  return out;
}

function includes(sorted: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
