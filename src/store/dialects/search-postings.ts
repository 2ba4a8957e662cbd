// The postings of a PostgreSQL search table (migration 0031, issue 15 item 3; replaced by
// migration 0033's blocks, search-blocks.ts, which drops them): per token and row, how often
// the token stands in each column and at which positions.
//
// `<table>_postings` (token, rowid, title_count, body_count, words_count, attachments_count,
// positions): one row per distinct token of a search row; `positions` are the token's places
// in its row, each `column × 2^29 + offset` (columns 0 title, 1 body, 2 words, 3 attachments;
// offsets count the column's tokens from 0, as FTS5 counts positions), ascending. The primary
// key (token, rowid) carries the counts, so a one-token term is read from the index alone.
//
// Kept exact by triggers on the search table in every transaction that writes it: an insert
// adds the row's postings, an update replaces them, a delete removes them (the foreign key
// cascades). No writer has to know about them. SQLite has FTS5's own index: nothing to do.
import { sql, type Kysely } from 'kysely';
import { engineOf } from './engine.js';
import type { SearchTable } from './search-table.js';

/** The stride between columns in `positions` (and in the positions of search-blocks.ts). */
export const POSITION_STRIDE = 536870912;

/** Column numbers in `positions`, in the table's column order. */
export const POSTING_COLUMNS = { title: 0, body: 1, words: 2, attachments: 3 } as const;

/** Creates the table's postings, its triggers, and the postings of the rows already there (PostgreSQL only). */
export async function createSearchPostings<DB>(db: Kysely<DB>, table: SearchTable): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  const postings = `${table}_postings`;
  // The postings of one row's four token columns: tokens stand between single spaces.
  await sql`create or replace function search_postings(title text, body text, words text, attachments text)
    returns table (token text, title_count integer, body_count integer, words_count integer, attachments_count integer, positions integer[])
    language sql immutable parallel safe as $$
      select t.token,
        (count(*) filter (where t.col = 0))::integer, (count(*) filter (where t.col = 1))::integer,
        (count(*) filter (where t.col = 2))::integer, (count(*) filter (where t.col = 3))::integer,
        array_agg(t.col * ${sql.lit(POSITION_STRIDE)} + (t.n - 1)::integer order by t.col, t.n)
      from (
        select c.col, u.token, u.n
        from (values (0, title), (1, body), (2, words), (3, attachments)) c(col, text),
          unnest(array_remove(string_to_array(c.text, ' '), '')) with ordinality u(token, n)
      ) t
      group by t.token
    $$`.execute(db);
  await sql`create table ${sql.table(postings)} (
    token text collate "C" not null,
    rowid integer not null references ${sql.table(table)} (rowid) on delete cascade,
    title_count integer not null,
    body_count integer not null,
    words_count integer not null,
    attachments_count integer not null,
    positions integer[] not null,
    primary key (token, rowid) include (title_count, body_count, words_count, attachments_count)
  )`.execute(db);
  await sql`create index ${sql.id(`${postings}_rowid`)} on ${sql.table(postings)} (rowid)`.execute(db);
  await sql`create or replace function search_postings_write() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        execute format('delete from %I where rowid = $1', tg_table_name || '_postings') using old.rowid;
      end if;
      execute format('insert into %I (token, rowid, title_count, body_count, words_count, attachments_count, positions)
        select p.token, $1, p.title_count, p.body_count, p.words_count, p.attachments_count, p.positions
        from search_postings($2, $3, $4, $5) p', tg_table_name || '_postings')
        using new.rowid, new.title, new.body, new.words, new.attachments;
      return null;
    end $$`.execute(db);
  await sql`create trigger ${sql.id(`${table}_postings_write`)} after insert or update on ${sql.table(table)}
    for each row execute function search_postings_write()`.execute(db);
  await writeSearchPostings(db, table);
}

/** Writes the postings of every row of the table (none must be there yet): migration 0031's first fill. */
export async function writeSearchPostings<DB>(db: Kysely<DB>, table: SearchTable): Promise<void> {
  await sql`insert into ${sql.table(`${table}_postings`)} (token, rowid, title_count, body_count, words_count, attachments_count, positions)
    select p.token, s.rowid, p.title_count, p.body_count, p.words_count, p.attachments_count, p.positions
    from ${sql.table(table)} s, search_postings(s.title, s.body, s.words, s.attachments) p`.execute(db);
}

/** Drops the table's postings with their trigger, and the functions once no table uses them (migration 0033). */
export async function dropSearchPostings<DB>(db: Kysely<DB>, table: SearchTable): Promise<void> {
  await sql`drop trigger if exists ${sql.id(`${table}_postings_write`)} on ${sql.table(table)}`.execute(db);
  await sql`drop table if exists ${sql.table(`${table}_postings`)}`.execute(db);
  const used = await sql`select from pg_trigger where tgname like '%\_postings\_write'`.execute(db);
  if (used.rows.length > 0) return;
  await sql`drop function if exists search_postings_write()`.execute(db);
  await sql`drop function if exists search_postings(text, text, text, text)`.execute(db);
}
