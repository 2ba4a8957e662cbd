// Search on PostgreSQL (issue 15 item 3): the matches and the order of the FTS5 queries of
// store/search.ts and store/page-search.ts, over the plain search tables of search-table.ts.
//
// Matching: a term is the phrase of its tokens (domain/search/tokens.ts) in the title, body or
// attachments, its last token a prefix when it is a lone character. Candidates come from the
// GIN indexes (`terms @> array[…]` for whole tokens, the first-character index for a prefix);
// the phrase is then checked on the columns, where tokens stand between single spaces, so a
// phrase is a substring ' t1 t2 ' (' t1 t2 の' for a prefix). Groups are ANDed, terms inside a
// group ORed, excluded terms must not match.
//
// Order: as FTS5 ranks. Reports: the number of groups one of whose terms stands as words in the
// `words` column, then bm25, newer activity, higher id; pages: bm25, then id. bm25 is computed
// in SQL with FTS5's formula and float8 operations in FTS5's order (ext/fts5/fts5_aux.c), so
// equal scores stay equal and the order matches SQLite's exactly: per phrase
// IDF = ln((N − n + 0.5) / (n + 0.5)) (1e-6 when not positive), n the rows of the whole table
// holding it; its frequency is 5 × its instances in the title + 1 × in the body + 0.5 × in the
// attachments (the words column weighs 0); k1 = 1.2, b = 0.75; the row's size counts the
// tokens of all four columns; N and the total size are the table's `_stats` row, kept as FTS5
// keeps its averages record. A phrase absent from a row adds exactly 0, excluded phrases too.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { activityKindSql } from '../activity-kind-filter.js';
import type { SearchQuery, SearchTerm } from '../../domain/search/query.js';
import { termTokens } from '../../domain/search/tokens.js';
import { termWords } from '../../domain/search/words.js';
import type { Database } from '../database.js';
import type { SearchTable } from './search-table.js';

interface Phrase {
  /** Whole tokens, in order. */
  tokens: string[];
  /** The last token's character, when the phrase ends with a prefix. */
  prefix?: string;
}

const COLUMN_WEIGHTS = [
  ['title', '5.0'],
  ['body', '1.0'],
  ['attachments', '0.5'],
] as const;

function phraseOf(term: SearchTerm): Phrase | undefined {
  const found = termTokens(term.text);
  if (!found) return undefined;
  if (!found.isLastPrefix) return { tokens: found.tokens };
  return { tokens: found.tokens.slice(0, -1), prefix: found.tokens[found.tokens.length - 1]! };
}

/**
 * The phrase as text in a column with a space in front. No trailing space is needed: a
 * phrase's last token is a 2-gram or a prefix, and a 2-gram token is never the start of a
 * longer one.
 */
function needle(phrase: Phrase): string {
  return ` ${[...phrase.tokens, ...(phrase.prefix === undefined ? [] : [phrase.prefix])].join(' ')}`;
}

const column = (name: string) => sql.ref(`s.${name}`);

/** Whether the column holds the text ' t1 t2…' with its leading space, or without it at its very start. */
function inColumn(name: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`(strpos(${column(name)}, ${text}) > 0 or starts_with(${column(name)}, ${text.slice(1)}))`;
}

/**
 * The rows whose title, body or attachments hold the phrase. Checked on the columns first (a
 * plan that reads every row then rejects most of them cheaply), then the GIN conditions that
 * select the candidates when the planner uses the indexes.
 */
function holds(phrase: Phrase): RawBuilder<boolean> {
  const text = needle(phrase);
  const parts: RawBuilder<unknown>[] = [
    sql`(${sql.join(
      COLUMN_WEIGHTS.map(([name]) => inColumn(name, text)),
      sql` or `,
    )})`,
  ];
  if (phrase.tokens.length > 0) parts.push(sql`${column('terms')} @> ${sql.val(phrase.tokens)}::text[]`);
  if (phrase.prefix !== undefined) parts.push(sql`${column('prefixes')} @> array[${phrase.prefix}]::text[]`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** Whether two instances of the token sequence can overlap (a proper suffix of it is also its start). */
function canOverlap(tokens: string[]): boolean {
  for (let shift = 1; shift < tokens.length; shift++) {
    if (tokens.slice(shift).every((t, i) => t === tokens[i])) return true;
  }
  return false;
}

function regexEscaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How many times the phrase stands in the column, as FTS5 counts its positions. Instances of
 * most phrases cannot overlap: counted by what removing them takes off the text's bytes. A
 * phrase that can overlap itself (「ああ ああ」) is counted with a look-ahead instead.
 */
function instances(name: string, phrase: Phrase): RawBuilder<number> {
  const text = needle(phrase);
  const atStart = sql`(case when starts_with(${column(name)}, ${text.slice(1)}) then 1 else 0 end)`;
  if (canOverlap([...phrase.tokens, ...(phrase.prefix === undefined ? [] : [phrase.prefix])])) {
    return sql<number>`regexp_count(' ' || ${column(name)}, ${` (?=${regexEscaped(text.slice(1))})`})`;
  }
  return sql<number>`((octet_length(${column(name)}) - octet_length(replace(${column(name)}, ${text}, ''))) / ${Buffer.byteLength(text)} + ${atStart})`;
}

/** FTS5's per-phrase bm25 term over the phrase's frequency `f` and the row's size, in its order of float8 operations. */
function phraseScore(index: number): RawBuilder<number> {
  const f = sql.ref(`h.f${index}`);
  const idf = sql.ref(`idf.i${index}`);
  return sql<number>`${idf} * ((${f} * (1.2::float8 + 1.0::float8)) /
    (${f} + 1.2::float8 * (1::float8 - 0.75::float8 + 0.75::float8 * h.size::float8 / st.avgdl)))`;
}

/**
 * ln((N − n + 0.5) / (n + 0.5)) over the rows n of the table holding the phrase, 1e-6 when not
 * positive. For a query of one phrase and no exclusion those rows are the matches (`h`).
 */
function phraseIdf(table: SearchTable, phrase: Phrase, isOnlyPhrase: boolean): RawBuilder<number> {
  const rows = isOnlyPhrase ? sql`select count(*)::float8 as c from h` : sql`select count(*)::float8 as c from ${sql.table(table)} s where ${holds(phrase)}`;
  return sql<number>`(select case when v <= 0 then 1e-6::float8 else v end
    from (select ln((st.n - c + 0.5::float8) / (c + 0.5::float8)) as v from (${rows}) y) x)`;
}

/**
 * bm25's N and total size. Rows written without insertSearchEntry (none should be) leave the
 * counters at 0: the table's own count and sizes stand in then, rather than a division by zero.
 */
function statistics(table: SearchTable): RawBuilder<unknown> {
  return sql`(select n, total / n as avgdl from (select coalesce(nullif(row_count, 0), (select count(*) from ${sql.table(table)}))::float8 as n,
    coalesce(nullif(token_count, 0), (select sum(size) from ${sql.table(table)}))::float8 as total from ${sql.table(`${table}_stats`)} limit 1) c)`;
}

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
  const groups = query.all.map((group) => group.map(phraseOf).filter((p): p is Phrase => p !== undefined));
  if (groups.some((g) => g.length === 0)) return { total: 0, ids: [] };
  const excluded = query.none.map(phraseOf).filter((p): p is Phrase => p !== undefined);
  const conditions = groups.map((group) => sql`(${sql.join(group.map(holds), sql` or `)})`);
  if (excluded.length > 0) conditions.push(sql`not (${sql.join(excluded.map(holds), sql` or `)})`);
  const phrases = groups.flat();
  // Excluded phrases add 0 to every matching row: only the groups' phrases are summed.
  const frequencies = phrases.map(
    (phrase, i) =>
      sql`${sql.join(
        COLUMN_WEIGHTS.map(([name, weight]) => sql`${sql.raw(weight)}::float8 * ${instances(name, phrase)}`),
        sql` + `,
      )} as ${sql.ref(`f${i}`)}`,
  );
  const isOnlyPhrase = phrases.length === 1 && excluded.length === 0;
  const idfs = phrases.map((phrase, i) => sql`${phraseIdf(table, phrase, isOnlyPhrase)} as ${sql.ref(`i${i}`)}`);
  const score = sql`-1.0::float8 * (0::float8 + ${sql.join(
    phrases.map((_, i) => phraseScore(i)),
    sql` + `,
  )})`;
  const where = sql.join(conditions, sql` and `);
  // Every match of the index with what ranking needs, read once (materialised), then joined
  // with the reports or pages for the filters and the order.
  const matches = (select: RawBuilder<unknown>) => sql`
    st as materialized (select * from ${statistics(table)} c),
    h as materialized (select s.rowid as id, s.size, ${sql.join(frequencies)}${select} from ${sql.table(table)} s where ${where}),
    idf as materialized (select ${sql.join(idfs)} from st),
    hits as (select h.*, ${score} as score from h, st, idf)`;
  if (table === 'page_search') {
    const rows = await sql<{ id: number; total: number }>`
      with ${matches(sql``)}
      select hits.id, count(*) over () as total from hits join pages p on p.id = hits.id and p.status = 'published'
      order by hits.score, hits.id
      limit ${page.limit} offset ${page.offset}`.execute(db);
    return { total: Number(rows.rows[0]?.total ?? 0), ids: rows.rows.map((r) => r.id) };
  }
  const wordGroups = query.all
    .map((group) =>
      group
        .map((term) => termWords(term.text))
        .filter((words) => words.length > 0)
        .map((words) => sql`strpos(' ' || ${column('words')} || ' ', ${` ${words.join(' ')} `}) > 0`),
    )
    .filter((group) => group.length > 0);
  const wordCount =
    wordGroups.length === 0
      ? sql`0`
      : sql.join(
          wordGroups.map((group) => sql`(case when ${sql.join(group, sql` or `)} then 1 else 0 end)`),
          sql` + `,
        );
  const filters = [sql`r.status = 'published'`];
  if (filter.year !== undefined) filters.push(sql`r.activity_date >= ${`${filter.year}-01-01`} and r.activity_date < ${`${filter.year + 1}-01-01`}`);
  if (filter.categoryId !== undefined) filters.push(sql`r.category_id = ${filter.categoryId}`);
  if (filter.activityKind !== undefined) filters.push(activityKindSql('r.id', filter.activityKind));
  const rows = await sql<{ id: number; total: number }>`
    with ${matches(sql`, ${wordCount} as words`)}
    select hits.id, count(*) over () as total from hits join reports r on r.id = hits.id and ${sql.join(filters, sql` and `)}
    order by hits.words desc, hits.score, r.activity_date desc, r.id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  if (rows.rows.length > 0 || page.offset === 0) return { total: Number(rows.rows[0]?.total ?? 0), ids: rows.rows.map((r) => r.id) };
  // A page past the end: only the number is wanted.
  const count = await sql<{ n: number }>`
    select count(*) as n from ${sql.table(table)} s join reports r on r.id = s.rowid where ${where} and ${sql.join(filters, sql` and `)}`.execute(db);
  return { total: Number(count.rows[0]?.n ?? 0), ids: [] };
}
