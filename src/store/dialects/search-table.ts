// The search index tables (report_search, page_search) on each engine. SQLite: FTS5 virtual
// tables (migrations 0002, 0009, 0012). PostgreSQL: a plain table with the same four token
// columns, so the store writes and deletes entries with the same statements on both (its
// `rowid` column is the report's or page's id, as FTS5's rowid is), plus `terms`, every token
// of the four columns as an array under a GIN index: a query's tokens select candidates with
// `terms @> array[...]`, and phrases and ranking are checked on the columns (issue 15 item 3).
import { sql, type Kysely } from 'kysely';
import { engineOf } from './engine.js';

export type SearchTable = 'report_search' | 'page_search';

/** Creates the PostgreSQL form of a search index table; SQLite's is created by its migration. */
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
