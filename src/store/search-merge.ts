// Merging of the FTS5 search indexes (report_search, page_search) in bounded steps. FTS5
// writes a transaction's rows as a new segment when it commits and, with `automerge` on (its
// default, 4), merges segments there too: when every entry is rewritten (a re-rendering that
// changes every body's text) those merges made commits of the main thread's connection stall
// the event loop for seconds. A long writer turns automerge off for its run (the setting is
// persistent, kept in the table's `_config` shadow table, so it is always restored) and does
// the merging itself with `'merge'` commands of a few pages each, in short transactions of
// their own between which requests are served. Queries stay correct over many segments, only
// a little slower. PostgreSQL's GIN indexes have no such commands (their pending list is merged
// by vacuum), so there every function here does nothing.
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { engineOf } from './dialects/engine.js';

type Q = Kysely<Database>;

const FTS_TABLES = ['report_search', 'page_search'] as const;

/** FTS5's own default for `automerge`. */
const DEFAULT_AUTOMERGE = 4;

/** The automerge setting of each index as it was before pauseAutomerge, to give back. */
export type AutomergeSettings = ReadonlyMap<string, number>;

/** The effective automerge setting of `table`: its `_config` row, or FTS5's default when it has none. */
export async function readAutomerge(db: Q, table: (typeof FTS_TABLES)[number]): Promise<number> {
  const result = await sql<{ v: unknown }>`select v from ${sql.table(`${table}_config`)} where k = 'automerge'`.execute(db);
  const value = result.rows[0]?.v;
  return value === undefined || value === null ? DEFAULT_AUTOMERGE : Number(value);
}

export async function setAutomerge(db: Q, table: (typeof FTS_TABLES)[number], value: number): Promise<void> {
  await sql`insert into ${sql.table(table)} (${sql.ref(table)}, rank) values ('automerge', cast(${value} as integer))`.execute(db);
}

/**
 * Turns automerge off on every index and returns what it was. Nothing in katsudo sets it to
 * 0 otherwise, so a 0 found here was left by a run that was killed before restoring it: the
 * default is what gets restored then.
 */
export async function pauseAutomerge(db: Q): Promise<AutomergeSettings> {
  const previous = new Map<string, number>();
  if (engineOf(db) === 'postgres') return previous;
  for (const table of FTS_TABLES) {
    const value = await readAutomerge(db, table);
    previous.set(table, value === 0 ? DEFAULT_AUTOMERGE : value);
    await setAutomerge(db, table, 0);
  }
  return previous;
}

export async function restoreAutomerge(db: Q, previous: AutomergeSettings): Promise<void> {
  for (const table of FTS_TABLES) {
    const value = previous.get(table);
    if (value !== undefined) await setAutomerge(db, table, value);
  }
}

/**
 * One bounded merge step on every index, in one short transaction: about `pages` pages of
 * merged data written per index, and only where a level holds enough segments for FTS5 to
 * merge it (or a merge is under way). Returns whether any index had work left to do.
 */
export async function mergeIndexStep(db: Q, pages: number): Promise<boolean> {
  if (engineOf(db) === 'postgres') return false;
  return db.transaction().execute(async (trx) => {
    let worked = false;
    for (const table of FTS_TABLES) {
      const before = await totalChanges(trx);
      await sql`insert into ${sql.table(table)} (${sql.ref(table)}, rank) values ('merge', cast(${pages} as integer))`.execute(trx);
      // FTS5 documents it: fewer than two changes means the command merged nothing.
      if ((await totalChanges(trx)) - before >= 2) worked = true;
    }
    return worked;
  });
}

async function totalChanges(db: Q): Promise<number> {
  const result = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
