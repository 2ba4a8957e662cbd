// The search index tables (report_search, page_search) on each engine. SQLite: FTS5 virtual
// tables (migrations 0002, 0009, 0012). PostgreSQL: a plain table with the same four token
// columns, so the store writes and deletes entries with the same statements on both (its
// `rowid` column is the report's or page's id, as FTS5's rowid is), plus `size` (the row's
// tokens, bm25's row size) and `<table>_stats`, bm25's row count and total size kept as FTS5
// keeps them. Queries read the postings that triggers keep beside each table (migration 0031,
// dialects/search-postings.ts, dialects/postgres-search.ts). The generated `terms` (every token
// under a GIN index) and `prefixes` (the characters tokens start with, GIN-indexed) of
// migrations 0009 and 0012 were read until then and are dropped by migration 0032.
import { sql, type Kysely } from 'kysely';
import { engineOf } from './engine.js';

export type SearchTable = 'report_search' | 'page_search';

/**
 * Creates a search index table as migrations 0009 (report_search) and 0012 (page_search) do:
 * part of their schema, so never changed here; a different index is a new migration.
 * SQLite: tokenize='ascii' (tokens are prepared by domain/search/tokens.ts and only need
 * splitting on spaces), detail=full keeps positions for phrases, prefix='1' indexes
 * one-character prefixes so a one-character term is cheap (docs/search.md).
 */
export async function createSearchTable<DB>(db: Kysely<DB>, table: SearchTable): Promise<void> {
  if (engineOf(db) === 'postgres') return createPostgresSearchTable(db, table);
  await sql`create virtual table ${sql.table(table)} using fts5(
    title, body, words, attachments,
    content = '', contentless_delete = 1, tokenize = 'ascii', detail = full, prefix = '1'
  )`.execute(db);
}

/** Creates the PostgreSQL form of a search index table (migration 0002's SQLite form is its own). */
export async function createPostgresSearchTable<DB>(db: Kysely<DB>, table: SearchTable): Promise<void> {
  // The distinct characters of the token columns: a token starts with a character exactly when
  // its column holds that character, so `prefixes` is the one-character prefix index.
  await sql`create or replace function search_characters(text) returns text[] language sql immutable parallel safe
    as $$ select coalesce(array_agg(distinct c), '{}') from unnest(string_to_array($1, null)) c where c <> ' ' $$`.execute(db);
  await sql`create table ${sql.table(table)} (
    rowid integer primary key,
    title text not null,
    body text not null,
    words text not null,
    attachments text not null default '',
    terms text[] generated always as (
      array_remove(string_to_array(title || ' ' || body || ' ' || words || ' ' || attachments, ' '), '')
    ) stored,
    size integer generated always as (
      cardinality(array_remove(string_to_array(title || ' ' || body || ' ' || words || ' ' || attachments, ' '), ''))
    ) stored,
    prefixes text[] generated always as (search_characters(title || body || attachments)) stored
  )`.execute(db);
  await sql`create index ${sql.id(`${table}_terms`)} on ${sql.table(table)} using gin (terms)`.execute(db);
  await sql`create index ${sql.id(`${table}_prefixes`)} on ${sql.table(table)} using gin (prefixes)`.execute(db);
  // FTS5's averages record: rows and tokens added, never subtracted when a row is deleted
  // (contentless_delete), reset by clearing. Kept the same way so bm25 gives the same scores.
  await sql`drop table if exists ${sql.table(`${table}_stats`)}`.execute(db);
  await sql`create table ${sql.table(`${table}_stats`)} (row_count bigint not null, token_count bigint not null)`.execute(db);
  await sql`insert into ${sql.table(`${table}_stats`)} values (0, 0)`.execute(db);
}

/**
 * Drops the PostgreSQL search tables' `terms` and `prefixes` with their GIN indexes, and the
 * function `prefixes` was computed by (migration 0032; nothing on SQLite).
 */
export async function dropUnreadSearchColumns<DB>(db: Kysely<DB>): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  for (const table of ['report_search', 'page_search'] as const) {
    await sql`alter table ${sql.table(table)} drop column if exists terms, drop column if exists prefixes`.execute(db);
  }
  await sql`drop function if exists search_characters(text)`.execute(db);
}

export interface SearchEntry {
  title: string;
  body: string;
  words: string;
  attachments: string;
}

/**
 * Writes an entry known not to be in the table (the caller deleted it first). On PostgreSQL
 * bm25's statistics count it too, as FTS5 counts an insert in its averages record.
 */
export async function insertSearchEntry<DB>(db: Kysely<DB>, table: SearchTable, id: number, entry: SearchEntry): Promise<void> {
  await insertSearchEntries(db, table, [{ id, ...entry }]);
}

/** Rows per statement of insertSearchEntries: 5 parameters each, far below either engine's limit. */
const ENTRIES_PER_STATEMENT = 200;

/** insertSearchEntry for many entries: one multi-row statement per 200 (an import batch's rows, one round trip on PostgreSQL). */
export async function insertSearchEntries<DB>(db: Kysely<DB>, table: SearchTable, entries: readonly (SearchEntry & { id: number })[]): Promise<void> {
  for (let start = 0; start < entries.length; start += ENTRIES_PER_STATEMENT) {
    const rows = entries.slice(start, start + ENTRIES_PER_STATEMENT).map((e) => sql`(${e.id}, ${e.title}, ${e.body}, ${e.words}, ${e.attachments})`);
    const insert = sql`insert into ${sql.table(table)} (rowid, title, body, words, attachments) values ${sql.join(rows)}`;
    if (engineOf(db) !== 'postgres') {
      await insert.execute(db);
      continue;
    }
    await sql`with added as (${insert} returning size)
      update ${sql.table(`${table}_stats`)} set row_count = row_count + (select count(*) from added), token_count = token_count + (select coalesce(sum(size), 0) from added)`.execute(
      db,
    );
  }
}

/** Removes every entry (FTS5 has its own command for it: a contentless table cannot be deleted from by scan). */
export async function clearSearchTable<DB>(db: Kysely<DB>, table: SearchTable): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`delete from ${sql.table(table)}`.execute(db);
    await sql`update ${sql.table(`${table}_stats`)} set row_count = 0, token_count = 0`.execute(db);
  } else await sql`insert into ${sql.table(table)} (${sql.table(table)}) values ('delete-all')`.execute(db);
}
