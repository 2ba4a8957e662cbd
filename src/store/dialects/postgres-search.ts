// Search on PostgreSQL (issue 15 item 3): the matches and the order of the FTS5 queries of
// store/search.ts and store/page-search.ts, over the plain search tables of search-table.ts,
// read from their postings in blocks (search-blocks.ts: per token and block of rows, every
// place of the token as one number, rowid × 2^32 + column × 2^29 + offset), never from the
// rows' text.
//
// Matching: a term is the phrase of its tokens (domain/search/tokens.ts) in the title, body or
// attachments, its last token a prefix when it is a lone character. The phrase stands wherever
// its first token's place e has its j-th token (or, for the prefix, any token starting with
// its character) at e + j: the intersection of each part's places shifted back by j, a hashed
// set operation however common the tokens; the same number means the same row and column.
// A row's instances per column are its places' count. Groups are ANDed, terms inside a group
// ORed, excluded terms must not match.
//
// Order: as FTS5 ranks. Reports: the number of groups one of whose terms stands as words in the
// `words` column (the same phrase test on the words column's places, for either of the term's
// word sequences: domain/search/words.ts wordPhraseVariants), then bm25, newer
// activity, higher id; pages: bm25, then id. bm25 is computed in SQL with FTS5's formula and
// float8 operations in FTS5's order (ext/fts5/fts5_aux.c), so equal scores stay equal and the
// order matches SQLite's exactly: per phrase IDF = ln((N − n + 0.5) / (n + 0.5)) (1e-6 when not
// positive), n the rows of the whole table holding it; its frequency is 5 × its instances in the
// title + 1 × in the body + 0.5 × in the attachments (the words column weighs 0); k1 = 1.2,
// b = 0.75; the row's size counts the tokens of all four columns; N and the total size are the
// table's `_stats` row, kept as FTS5 keeps its averages record. A phrase absent from a row adds
// exactly 0, excluded phrases too.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { activityKindSql } from '../activity-kind-filter.js';
import type { SearchQuery, SearchTerm } from '../../domain/search/query.js';
import { termTokens } from '../../domain/search/tokens.js';
import { termWords, wordPhraseVariants } from '../../domain/search/words.js';
import type { Database } from '../database.js';
import { ROW_SHIFT } from './search-blocks.js';
import { POSITION_STRIDE, POSTING_COLUMNS } from './search-postings.js';
import type { SearchTable } from './search-table.js';

interface Phrase {
  /** Whole tokens, in order. */
  tokens: string[];
  /** The last token's character, when the phrase ends with a prefix. */
  prefix?: string;
}

function phraseOf(term: SearchTerm): Phrase | undefined {
  const found = termTokens(term.text);
  if (!found) return undefined;
  if (!found.isLastPrefix) return { tokens: found.tokens };
  return { tokens: found.tokens.slice(0, -1), prefix: found.tokens[found.tokens.length - 1]! };
}

/** The row of a place `e`. */
const rowOf = sql`(e >> ${sql.lit(ROW_SHIFT)})::integer`;

/** Whether a place `e` lies in the column. */
function inColumn(column: keyof typeof POSTING_COLUMNS): RawBuilder<boolean> {
  return sql<boolean>`(e >> ${sql.lit(Math.log2(POSITION_STRIDE))}) & 7 = ${sql.lit(POSTING_COLUMNS[column])}`;
}

/**
 * The places `e` where the words stand in sequence (the last one a prefix when `prefix` is
 * given: every token starting with the character, the column sorts by code point, collation "C").
 */
function instances(blocks: string, tokens: string[], prefix: string | undefined): RawBuilder<unknown> {
  const table = sql.table(blocks);
  const places = tokens.map((token, j) => sql`select e - ${sql.lit(j)} as e from ${table} b cross join unnest(b.entries) e where b.token = ${token}`);
  if (prefix !== undefined) {
    places.push(sql`select e - ${sql.lit(tokens.length)} as e from ${table} b cross join unnest(b.entries) e
      where b.token >= ${prefix} and b.token <= ${`${prefix}\u{10ffff}`}`);
  }
  return sql.join(places, sql` intersect `);
}

/**
 * The rows holding the phrase in their title, body or attachments, with its instances in
 * each: `(id, t, b, a)`.
 */
function phraseRows(blocks: string, phrase: Phrase): RawBuilder<unknown> {
  return sql`select ${rowOf} as id, count(*) filter (where ${inColumn('title')}) as t, count(*) filter (where ${inColumn('body')}) as b,
      count(*) filter (where ${inColumn('attachments')}) as a
    from (${instances(blocks, phrase.tokens, phrase.prefix)}) i where not ${inColumn('words')} group by 1`;
}

/**
 * The rows where the words stand in this order in the `words` column (the caller keeps the
 * matches among them: a join with the matches here would be planned as a nested loop).
 */
function wordRows(blocks: string, words: string[]): RawBuilder<unknown> {
  return sql`select distinct ${rowOf} as id from (${instances(blocks, words, undefined)}) i where ${inColumn('words')}`;
}

/** FTS5's per-phrase bm25 term over the phrase's frequency and the row's size, in its order of float8 operations. */
function phraseScore(index: number): RawBuilder<number> {
  const p = sql.id(`p${index}`);
  const f = sql`(5.0::float8 * coalesce(${p}.t, 0) + 1.0::float8 * coalesce(${p}.b, 0) + 0.5::float8 * coalesce(${p}.a, 0))`;
  const idf = sql.ref(`idf.i${index}`);
  return sql<number>`${idf} * ((${f} * (1.2::float8 + 1.0::float8)) /
    (${f} + 1.2::float8 * (1::float8 - 0.75::float8 + 0.75::float8 * s.size::float8 / st.avgdl)))`;
}

/** ln((N − n + 0.5) / (n + 0.5)) over the rows n of the table holding the phrase, 1e-6 when not positive. */
function phraseIdf(index: number): RawBuilder<number> {
  return sql<number>`(select case when v <= 0 then 1e-6::float8 else v end
    from (select ln((st.n - c + 0.5::float8) / (c + 0.5::float8)) as v from (select count(*)::float8 as c from ${sql.id(`p${index}`)}) y) x)`;
}

/**
 * bm25's N and total size. Rows written without insertSearchEntry (none should be) leave the
 * counters at 0: the table's own count and sizes stand in then, rather than a division by zero.
 */
function statistics(table: SearchTable): RawBuilder<unknown> {
  return sql`(select n, total / n as avgdl from (select coalesce(nullif(row_count, 0), (select count(*) from ${sql.table(table)}))::float8 as n,
    coalesce(nullif(token_count, 0), (select sum(size) from ${sql.table(table)}))::float8 as total from ${sql.table(`${table}_stats`)} limit 1) c)`;
}

const ids = (names: string[]) =>
  sql.join(
    names.map((name) => sql`select id from ${sql.id(name)}`),
    sql` union `,
  );

export interface PostgresSearchFilter {
  year?: number;
  categoryId?: number;
  /** Reports whose confirmed activity record is of this kind (issue 16). */
  activityKind?: string;
}

/** Ids of the page of matches, best first, and how many match (reports: published and filtered; pages: published). */
export async function findPostgresHits(
  db: Kysely<Database>,
  table: SearchTable,
  query: SearchQuery,
  filter: PostgresSearchFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; ids: number[] }> {
  const blocks = `${table}_blocks`;
  const groups = query.all.map((group) => group.map(phraseOf).filter((p): p is Phrase => p !== undefined));
  if (groups.some((g) => g.length === 0)) return { total: 0, ids: [] };
  const excluded = query.none.map(phraseOf).filter((p): p is Phrase => p !== undefined);
  const phrases = groups.flat();
  // Each phrase's rows over the whole table (its IDF counts them), then the matches: every
  // group's union, intersected, less the excluded phrases' rows.
  const ctes: RawBuilder<unknown>[] = [sql`st as materialized (select * from ${statistics(table)} c)`];
  phrases.forEach((phrase, i) => ctes.push(sql`${sql.id(`p${i}`)} as materialized (${phraseRows(blocks, phrase)})`));
  excluded.forEach((phrase, i) => ctes.push(sql`${sql.id(`e${i}`)} as materialized (${phraseRows(blocks, phrase)})`));
  let next = 0;
  const groupIds = groups.map((group) => sql`(${ids(group.map(() => `p${next++}`))})`);
  const matched = sql`${sql.join(groupIds, sql` intersect `)}${excluded.length === 0 ? sql`` : sql` except (${ids(excluded.map((_, i) => `e${i}`))})`}`;
  ctes.push(sql`m as materialized (${matched})`);
  ctes.push(sql`idf as materialized (select ${sql.join(phrases.map((_, i) => sql`${phraseIdf(i)} as ${sql.ref(`i${i}`)}`))} from st)`);
  // Excluded phrases add 0 to every matching row: only the groups' phrases are summed.
  const score = sql`-1.0::float8 * (0::float8 + ${sql.join(
    phrases.map((_, i) => phraseScore(i)),
    sql` + `,
  )})`;
  const joins = sql.join(
    phrases.map((_, i) => sql`left join ${sql.id(`p${i}`)} on ${sql.id(`p${i}`)}.id = m.id`),
    sql` `,
  );
  const hits = (words: RawBuilder<unknown>) => sql`hits as (select m.id, ${score} as score${words}
    from m join ${sql.table(table)} s on s.rowid = m.id ${joins} cross join st cross join idf)`;
  if (table === 'page_search') {
    const rows = await sql<{ id: number; total: number }>`
      with ${sql.join(ctes)}, ${hits(sql``)}
      select hits.id, count(*) over () as total from hits join pages p on p.id = hits.id and p.status = 'published'
      order by hits.score, hits.id
      limit ${page.limit} offset ${page.offset}`.execute(db);
    return { total: Number(rows.rows[0]?.total ?? 0), ids: rows.rows.map((r) => r.id) };
  }
  // Per group, the rows where one of its terms stands as words; a row's word score is the number of such groups.
  const wordGroups = query.all
    .map((group) =>
      group
        .map((term) => termWords(term.text))
        .filter((words) => words.length > 0)
        .flatMap((words) => wordPhraseVariants(words).map((variant) => wordRows(blocks, variant))),
    )
    .filter((group) => group.length > 0);
  wordGroups.forEach((group, g) => ctes.push(sql`${sql.id(`w${g}`)} as materialized (${sql.join(group, sql` union `)})`));
  const wordCount =
    wordGroups.length === 0
      ? sql`0`
      : sql.join(
          wordGroups.map((_, g) => sql`(case when m.id in (select id from ${sql.id(`w${g}`)}) then 1 else 0 end)`),
          sql` + `,
        );
  const filters = [sql`r.status = 'published'`];
  if (filter.year !== undefined) filters.push(sql`r.activity_date >= ${`${filter.year}-01-01`} and r.activity_date < ${`${filter.year + 1}-01-01`}`);
  if (filter.categoryId !== undefined) filters.push(sql`r.category_id = ${filter.categoryId}`);
  if (filter.activityKind !== undefined) filters.push(activityKindSql('r.id', filter.activityKind));
  const rows = await sql<{ id: number; total: number }>`
    with ${sql.join(ctes)}, ${hits(sql`, ${wordCount} as words`)}
    select hits.id, count(*) over () as total from hits join reports r on r.id = hits.id and ${sql.join(filters, sql` and `)}
    order by hits.words desc, hits.score, r.activity_date desc, r.id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  if (rows.rows.length > 0 || page.offset === 0) return { total: Number(rows.rows[0]?.total ?? 0), ids: rows.rows.map((r) => r.id) };
  // A page past the end: only the number is wanted.
  const count = await sql<{ n: number }>`
    with ${sql.join(ctes)} select count(*) as n from m join reports r on r.id = m.id where ${sql.join(filters, sql` and `)}`.execute(db);
  return { total: Number(count.rows[0]?.n ?? 0), ids: [] };
}
