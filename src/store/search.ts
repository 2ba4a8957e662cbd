// The search index of published reports: kept in step with report writes (same
// transaction) and queried with ranking. This file is the SQLite (FTS5) implementation;
// its functions are the store's dialect-neutral interface.
//
// Ranking: reports where more of the query's terms stand as words (domain/search/words.ts,
// indexed in the `words` column) first; then bm25 with the title weighted 5 to 1 over the
// body, and the text of attached PDFs (`attachments`) at half the body's weight; then newer
// activity first, then higher id, so the order is total.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { attachmentTokens, searchDocument, type SearchDocument } from '../domain/search/document.js';
import { isPrefixTerm, type SearchQuery, type SearchTerm } from '../domain/search/query.js';
import { termTokens } from '../domain/search/tokens.js';
import { termWords, wordPhraseVariants } from '../domain/search/words.js';
import type { Database, Db } from './database.js';
import { engineOf } from './dialects/engine.js';
import { activityKindSql } from './activity-kind-filter.js';
import { findPostgresHits } from './dialects/postgres-search.js';
import { clearSearchTable, insertSearchEntries, insertSearchEntry } from './dialects/search-table.js';
import { listAttachmentTexts, listReportsAttachmentTexts } from './media-text.js';

type Q = Kysely<Database>;

/**
 * Adds or replaces the report's entry. The text of the PDFs it has attached is read here,
 * so every writer of the index (save, publish, import, reindex, attach) includes it.
 */
export async function indexReport(trx: Q, reportId: number, doc: SearchDocument): Promise<void> {
  const pending = deferred.get(trx);
  if (pending) {
    pending.set(reportId, doc);
    return;
  }
  await unindexReport(trx, reportId);
  await insertIntoIndex(trx, reportId, doc);
}

/**
 * Index writes held back in a transaction (an import's batch): FTS5 flushes its pending
 * rows at every savepoint and at the first statement that needs a statement journal, so
 * writing them one report at a time among other writes costs a flush per report. Held
 * back, they are written together by writeDeferredIndex, in one flush.
 */
const deferred = new WeakMap<object, Map<number, SearchDocument>>();

/** From now on indexReport in `trx` only notes the document (the latest per report). */
export function deferIndexing(trx: Q): void {
  if (!deferred.has(trx)) deferred.set(trx, new Map());
}

/** The documents noted so far, to give back with restoreDeferredIndex when a savepoint is rolled back. */
export function deferredIndexSnapshot(trx: Q): Map<number, SearchDocument> | undefined {
  const pending = deferred.get(trx);
  return pending ? new Map(pending) : undefined;
}

export function restoreDeferredIndex(trx: Q, snapshot: Map<number, SearchDocument> | undefined): void {
  if (snapshot) deferred.set(trx, snapshot);
}

/** Writes the noted documents and stops deferring in `trx`. */
export async function writeDeferredIndex(trx: Q): Promise<void> {
  const pending = deferred.get(trx);
  if (!pending) return;
  deferred.delete(trx);
  // Three statements per chunk of reports, whatever their number (each a round trip on PostgreSQL).
  const ids = [...pending.keys()];
  for (let start = 0; start < ids.length; start += DEFERRED_PER_CHUNK) {
    const chunk = ids.slice(start, start + DEFERRED_PER_CHUNK);
    await sql`delete from report_search where rowid in (${sql.join(chunk)})`.execute(trx);
    const texts = await listReportsAttachmentTexts(trx, chunk);
    const entries = chunk.map((id) => ({ id, ...pending.get(id)!, attachments: attachmentTokens((texts.get(id) ?? []).map((a) => a.text)) }));
    await insertSearchEntries(trx, 'report_search', entries);
  }
}

/** Reports written per chunk by writeDeferredIndex (an import's batch is 200). */
const DEFERRED_PER_CHUNK = 500;

/** Adds an entry for a report known not to be in the index (after clearSearchIndex). */
export async function insertIntoIndex(trx: Q, reportId: number, doc: SearchDocument): Promise<void> {
  const attachments = attachmentTokens((await listAttachmentTexts(trx, reportId)).map((a) => a.text));
  await insertSearchEntry(trx, 'report_search', reportId, { ...doc, attachments });
}

/**
 * Brings the report's entry up to date after a change outside its own row (an attachment
 * added or removed, a PDF's text read): indexed again if it is published, removed otherwise.
 */
export async function refreshReportIndex(trx: Q, reportId: number): Promise<void> {
  const report = await trx.selectFrom('reports').select(['title', 'body_text', 'status']).where('id', '=', reportId).executeTakeFirst();
  if (report?.status === 'published') await indexReport(trx, reportId, searchDocument(report.title, report.body_text));
  else await unindexReport(trx, reportId);
}

export async function unindexReport(trx: Q, reportId: number): Promise<void> {
  deferred.get(trx)?.delete(reportId);
  await sql`delete from report_search where rowid = ${reportId}`.execute(trx);
}

export async function clearSearchIndex(trx: Q): Promise<void> {
  await clearSearchTable(trx, 'report_search');
}

/** Bytes used by the index, for the benchmark and `katsudo reindex`. */
export async function searchIndexBytes(db: Q): Promise<number> {
  const result =
    engineOf(db) === 'postgres'
      ? await sql<{ bytes: number }>`select pg_total_relation_size('report_search') + pg_total_relation_size('report_search_blocks') as bytes`.execute(db)
      : await sql<{ bytes: number }>`select coalesce(sum(pgsize), 0) as bytes from dbstat where name like 'report_search%'`.execute(db);
  return Number(result.rows[0]?.bytes ?? 0);
}

/**
 * bm25 column weights, in the table's column order: title 5, body 1, words 0 (ranking by
 * words is done apart), attachments 0.5 (a word in the report itself counts for more).
 */
export const BM25_WEIGHTS = sql.raw('5.0, 1.0, 0.0, 0.5');

/**
 * An FTS5 string: tokens never contain quotes or spaces (domain/search/tokens.ts, words.ts);
 * the ascii tokenizer takes every non-ASCII character, WORD_GAP_MARK too, as part of a token.
 */
function phrase(tokens: string[], isLastPrefix: boolean): string {
  return `"${tokens.join(' ')}"${isLastPrefix ? ' *' : ''}`;
}

function termMatch(term: SearchTerm): string | undefined {
  const tokens = termTokens(term.text);
  return tokens && `{title body attachments} : ${phrase(tokens.tokens, tokens.isLastPrefix)}`;
}

function anyOf(terms: SearchTerm[]): string | undefined {
  const parts = terms.map(termMatch).filter((p): p is string => p !== undefined);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

/** The FTS5 expression of a query, or undefined when no term has any token. */
export function matchExpression(query: SearchQuery): string | undefined {
  const groups = query.all.map(anyOf);
  if (groups.some((g) => g === undefined)) return undefined;
  const positive = groups.join(' AND ');
  const negative = anyOf(query.none);
  return negative ? `(${positive}) NOT ${negative}` : positive;
}

/**
 * Per group, the expression finding reports where one of its terms stands as words: its
 * words one after another in the words column, the last one followed by another word or by
 * a gap (domain/search/words.ts wordPhraseVariants).
 */
export function wordExpressions(query: SearchQuery): string[] {
  return query.all
    .map((group) =>
      group
        .map((term) => termWords(term.text))
        .filter((words) => words.length > 0)
        .flatMap((words) => wordPhraseVariants(words).map((variant) => `words : ${phrase(variant, false)}`))
        .join(' OR '),
    )
    .filter((expr) => expr !== '');
}

export interface SearchFilter {
  year?: number;
  categoryId?: number;
  /** Reports whose confirmed activity record is of this kind (issue 16). */
  activityKind?: string;
}

export interface SearchHits {
  total: number;
  /** Report ids of the requested page, best first. */
  ids: number[];
}

function filterSql(filter: SearchFilter): RawBuilder<unknown> {
  const parts = [sql`r.status = 'published'`];
  if (filter.year !== undefined) {
    parts.push(sql`r.activity_date >= ${`${filter.year}-01-01`} and r.activity_date < ${`${filter.year + 1}-01-01`}`);
  }
  if (filter.categoryId !== undefined) parts.push(sql`r.category_id = ${filter.categoryId}`);
  if (filter.activityKind !== undefined) parts.push(activityKindSql('r.id', filter.activityKind));
  return sql.join(parts, sql` and `);
}

/** Rows fetched past the page to break ties in bm25 by activity date. */
const TIE_MARGIN = 20;

interface ScoredRow {
  id: number;
  score: number;
}

/**
 * Rows [start, end) of the reports matching `expr`, in the order bm25, newer activity,
 * higher id. FTS5 keeps only the best rows of a LIMIT query, so this costs far less than
 * sorting every hit; rows tied in bm25 at the edge of the page are fetched until the tie
 * is whole, then ordered by date.
 *
 * With `within`, only the rows also matching `within` (a narrower expression: `expr` AND
 * something that bm25 weighs 0, the words column) are ranked, each by `expr`'s bm25, which
 * is the score `within` itself would give them (a phrase in a column of weight 0 adds 0).
 */
async function rankedSlice(db: Db, expr: string, start: number, end: number, within?: string): Promise<number[]> {
  if (end <= start) return [];
  let limit = end + TIE_MARGIN;
  let rows: ScoredRow[];
  for (;;) {
    const result = await (within === undefined ? rankedRows(db, expr, limit) : rankedRowsWithin(db, expr, within, limit));
    rows = result.rows;
    if (rows.length < limit || rows[rows.length - 1]!.score !== rows[end - 1]!.score) break;
    limit *= 2;
  }
  if (rows.length <= start) return [];
  const dates = await db
    .selectFrom('reports')
    .select(['id', 'activity_date'])
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const dateOf = new Map(dates.map((d) => [d.id, d.activity_date]));
  rows.sort((a, b) => a.score - b.score || dateOf.get(b.id)!.localeCompare(dateOf.get(a.id)!) || b.id - a.id);
  return rows.slice(start, end).map((r) => r.id);
}

function rankedRows(db: Db, expr: string, limit: number) {
  return sql<ScoredRow>`
    select rowid as id, bm25(report_search, ${BM25_WEIGHTS}) as score from report_search
    where report_search match ${expr} order by score, rowid desc limit ${limit}`.execute(db);
}

/**
 * The ids matching `within` are read first, without scores; then `expr` is ranked, keeping
 * those. `+rowid` stops SQLite from probing FTS5 once per id instead (which recomputes
 * bm25's statistics every time: seconds).
 */
function rankedRowsWithin(db: Db, expr: string, within: string, limit: number) {
  return sql<ScoredRow>`
    with kept as materialized (select rowid as id from report_search where report_search match ${within})
    select rowid as id, bm25(report_search, ${BM25_WEIGHTS}) as score from report_search
    where report_search match ${expr} and +rowid in kept order by score, rowid desc limit ${limit}`.execute(db);
}

async function countMatches(db: Db, expr: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*) as n from report_search where report_search match ${expr}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * The common case, a query of one term (or one OR group) without filters: the index holds
 * only published reports, so no join is needed; word matches are one ranked slice and the
 * other matches another.
 *
 * With a lone-character term (`"の" *`, in nearly every report) bm25 over `match AND words`
 * also walks the words phrase for every row: a third of the query's time. Such a query
 * ranks `match` alone within the word matches instead: the same scores, the same order.
 */
async function findUnfilteredHits(db: Db, match: string, words: string | undefined, hasPrefixTerm: boolean, page: { offset: number; limit: number }) {
  const total = await countMatches(db, match);
  const start = page.offset;
  const end = Math.min(total, page.offset + page.limit);
  if (start >= end) return { total, ids: [] };
  if (words === undefined) return { total, ids: await rankedSlice(db, match, start, end) };
  const asWords = `(${match}) AND (${words})`;
  const first = hasPrefixTerm ? await rankedSlice(db, match, start, end, asWords) : await rankedSlice(db, asWords, start, end);
  if (first.length === end - start) return { total, ids: first };
  // The page reaches past the word matches: only now is their number needed.
  const wordTotal = await countMatches(db, asWords);
  const rest = await rankedSlice(db, `(${match}) NOT (${words})`, Math.max(0, start - wordTotal), end - wordTotal);
  return { total, ids: [...first, ...rest] };
}

export async function findSearchHits(db: Db, query: SearchQuery, filter: SearchFilter, page: { offset: number; limit: number }): Promise<SearchHits> {
  if (engineOf(db) === 'postgres') return findPostgresHits(db, 'report_search', query, filter, page);
  const match = matchExpression(query);
  if (match === undefined) return { total: 0, ids: [] };
  const words = wordExpressions(query);
  const isFiltered = filter.year !== undefined || filter.categoryId !== undefined || filter.activityKind !== undefined;
  if (!isFiltered && words.length <= 1 && query.all.length === 1) {
    return findUnfilteredHits(db, match, words[0], query.all[0]!.some(isPrefixTerm), page);
  }
  return findFilteredHits(db, match, words, filter, page);
}

/**
 * Any query: the matches joined with reports for the filters, ranked in one statement
 * (exported for tests: it must agree with the fast path).
 *
 * The FTS5 table is read once, first, in a materialised CTE: joined the other way round
 * (reports driving, FTS5 probed per row), SQLite recomputes bm25's statistics on every probe
 * and a filtered query takes seconds. The word scores come from one id list per group,
 * restricted to the matches, grouped and joined.
 */
export async function findFilteredHits(db: Db, match: string, words: string[], filter: SearchFilter, page: { offset: number; limit: number }): Promise<SearchHits> {
  const where = filterSql(filter);
  const hits = sql`hits as materialized (
    select rowid as id, bm25(report_search, ${BM25_WEIGHTS}) as score from report_search where report_search match ${match})`;
  const scored =
    words.length === 0
      ? sql`${hits}, ws(id, n) as (select null, 0 where 0)`
      : sql`${hits}, w as materialized (${sql.join(
          words.map((w) => sql`select rowid as id from report_search where report_search match ${`(${match}) AND (${w})`}`),
          sql` union all `,
        )}), ws as materialized (select id, count(*) as n from w group by id)`;
  const rows = await sql<{ id: number; total: number }>`
    with ${scored}
    select h.id, count(*) over () as total
    from hits h join reports r on r.id = h.id left join ws on ws.id = h.id
    where ${where}
    order by coalesce(ws.n, 0) desc, h.score, r.activity_date desc, r.id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  if (rows.rows.length > 0) return { total: Number(rows.rows[0]!.total), ids: rows.rows.map((r) => r.id) };
  if (page.offset === 0) return { total: 0, ids: [] };
  // A page past the end: only the number is wanted.
  const count = await sql<{ n: number }>`
    with ${hits} select count(*) as n from hits h join reports r on r.id = h.id where ${where}`.execute(db);
  return { total: Number(count.rows[0]?.n ?? 0), ids: [] };
}
