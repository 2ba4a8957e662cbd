// The postings of a PostgreSQL search table in blocks (migration 0033, issue 15 item 3), which
// replace migration 0031's one row per token and search row (search-postings.ts): ranking and
// phrases read a token's blocks, a few rows per term, never the rows' text
// (dialects/postgres-search.ts).
//
// `<table>_blocks` (token, block, entries): one row per token and block of 16 consecutive
// rowids (`block` = rowid >> 4); `entries` holds every place of the token in those rows, each
// one bigint `rowid × 2^32 + column × 2^29 + offset` (columns 0 title, 1 body, 2 words,
// 3 attachments; offsets count the column's tokens from 0, as FTS5 counts positions), in no
// particular order. So a phrase is an intersection of numbers (the j-th token's places less j;
// postgres-search.ts), and a row's count per column is a count of its places.
//
// Kept exact by statement-level triggers on the search table (an insert adds the new rows'
// entries, an update or a delete first removes the old rows' entries from their blocks), in
// one set-based statement each, however many rows the statement wrote. A block emptied so
// stays, with no entries, until its token comes back (a save deletes then writes the row again,
// mostly with the same tokens; deleting emptied blocks doubled a delete's cost). A statement
// first takes a transaction-scoped advisory lock on each block it writes, in block order, so
// that two transactions writing rows of one block wait for each other instead of deadlocking
// on its token rows. (Transactions whose several statements take blocks in crossing orders can
// still deadlock; PostgreSQL then aborts one. A save writes one block.) SQLite has FTS5's own
// index: nothing to do.
import { sql, type Kysely } from 'kysely';
import { engineOf } from './engine.js';
import { dropSearchPostings, POSITION_STRIDE } from './search-postings.js';
import type { SearchTable } from './search-table.js';

/** rowid >> BLOCK_SHIFT is a row's block. */
export const BLOCK_SHIFT = 4;

/** An entry's rowid is entry >> ROW_SHIFT; the rest is its position. */
export const ROW_SHIFT = 32;

/** The entries of the rows of a relation `r` (rowid, title, body, words, attachments), per token and block, sorted. */
const entriesOf = (rows: string) => `select u.token, r.rowid >> ${BLOCK_SHIFT} as block,
    array_agg((r.rowid::bigint << ${ROW_SHIFT}) + c.col * ${POSITION_STRIDE} + u.n - 1) as entries
  from ${rows} r cross join lateral (values (0, r.title), (1, r.body), (2, r.words), (3, r.attachments)) c(col, text)
    cross join lateral unnest(array_remove(string_to_array(c.text, ' '), '')) with ordinality u(token, n)
  group by u.token, r.rowid >> ${BLOCK_SHIFT} order by 2, 1`;

/**
 * Replaces migration 0031's postings of the table with blocks, their triggers, and the blocks
 * of the rows already there (PostgreSQL only).
 */
export async function createSearchBlocks<DB>(db: Kysely<DB>, table: SearchTable): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  const blocks = `${table}_blocks`;
  await dropSearchPostings(db, table);
  await sql`create table ${sql.table(blocks)} (
    token text collate "C" not null,
    block integer not null,
    entries bigint[] not null,
    primary key (token, block)
  ) with (fillfactor = 80)`.execute(db);
  // `gone` and `added` are the statement's transition tables; format's %1$I is the blocks table.
  await sql`create or replace function search_blocks_write() returns trigger language plpgsql as $$
    declare
      blocks text := tg_table_name || '_blocks';
      b integer;
      stale text;
    begin
      for b in execute case tg_op
          when 'INSERT' then 'select distinct rowid >> ${sql.raw(String(BLOCK_SHIFT))} from added order by 1'
          when 'DELETE' then 'select distinct rowid >> ${sql.raw(String(BLOCK_SHIFT))} from gone order by 1'
          else 'select rowid >> ${sql.raw(String(BLOCK_SHIFT))} from gone union select rowid >> ${sql.raw(String(BLOCK_SHIFT))} from added order by 1' end
      loop
        perform pg_advisory_xact_lock(hashtext(blocks || ':' || b));
      end loop;
      if tg_op <> 'INSERT' then
        -- The old rows' blocks of each of their tokens, rewritten without them (an emptied block stays: a save writes most tokens back).
        stale := 'select distinct u.token, g.rowid >> ${sql.raw(String(BLOCK_SHIFT))} as block from gone g
          cross join lateral unnest(string_to_array(g.title || '' '' || g.body || '' '' || g.words || '' '' || g.attachments, '' '')) u(token)
          where u.token <> ''''';
        execute format('update %1$I b set entries = array(select e from unnest(b.entries) e where (e >> ${sql.raw(String(ROW_SHIFT))})::integer not in (select rowid from gone))
          from (%2$s) o where b.token = o.token and b.block = o.block', blocks, stale);
      end if;
      if tg_op <> 'DELETE' then
        execute format('insert into %1$I as b (token, block, entries) ${sql.raw(entriesOf('added').replaceAll("'", "''"))}
          on conflict (token, block) do update set entries = b.entries || excluded.entries', blocks);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger ${sql.id(`${table}_blocks_insert`)} after insert on ${sql.table(table)}
    referencing new table as added for each statement execute function search_blocks_write()`.execute(db);
  await sql`create trigger ${sql.id(`${table}_blocks_update`)} after update on ${sql.table(table)}
    referencing old table as gone new table as added for each statement execute function search_blocks_write()`.execute(db);
  await sql`create trigger ${sql.id(`${table}_blocks_delete`)} after delete on ${sql.table(table)}
    referencing old table as gone for each statement execute function search_blocks_write()`.execute(db);
  await writeSearchBlocks(db, table);
}

/** Writes the blocks of every row of the table (none must be there yet): migration 0033's first fill. */
export async function writeSearchBlocks<DB>(db: Kysely<DB>, table: SearchTable): Promise<void> {
  await sql`insert into ${sql.table(`${table}_blocks`)} (token, block, entries) ${sql.raw(entriesOf(table))}`.execute(db);
}
