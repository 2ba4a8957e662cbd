// The search index tables (report_search, page_search) on each engine. SQLite: FTS5 virtual
// tables (migrations 0002, 0009, 0012). PostgreSQL: a plain table with the same four token
// columns, so the store writes and deletes entries with the same statements on both (its
// `rowid` column is the report's or page's id, as FTS5's rowid is), plus `terms`, every token
// of the four columns as an array under a GIN index: a query's tokens select candidates with
// `terms @> array[...]`, and phrases and ranking are checked on the columns (issue 15 item 3).
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
  await sql`create table ${sql.table(table)} (
    rowid integer primary key,
    title text not null,
    body text not null,
    words text not null,
    attachments text not null default '',
    terms text[] generated always as (
      array_remove(string_to_array(title || ' ' || body || ' ' || words || ' ' || attachments, ' '), '')
    ) stored
  )`.execute(db);
  await sql`create index ${sql.id(`${table}_terms`)} on ${sql.table(table)} using gin (terms)`.execute(db);
}

/** Removes every entry (FTS5 has its own command for it: a contentless table cannot be deleted from by scan). */
export async function clearSearchTable<DB>(db: Kysely<DB>, table: SearchTable): Promise<void> {
  if (engineOf(db) === 'postgres') await sql`delete from ${sql.table(table)}`.execute(db);
  else await sql`insert into ${sql.table(table)} (${sql.table(table)}) values ('delete-all')`.execute(db);
}
