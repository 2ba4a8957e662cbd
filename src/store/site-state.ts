// The content version: a counter bumped in every write transaction. Page caches of
// every process compare it with the version they rendered at.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import { CoalescedRead } from './coalesced-read.js';
import type { Database, Db } from './database.js';

export async function bumpContentVersion(trx: Kysely<Database>): Promise<void> {
  if (deferredBumps.has(trx)) {
    deferredBumps.set(trx, true);
    return;
  }
  await writeBump(trx);
}

/**
 * Transactions whose bumps are held back (an import's batch: one update per batch instead of
 * one per report, each a round trip on PostgreSQL), and whether one was asked for. A bump
 * asked for by an item later rolled back to its savepoint still happens: an extra bump only
 * makes caches render again.
 */
const deferredBumps = new WeakMap<object, boolean>();

/** From now on bumpContentVersion in `trx` only notes that a bump is due. */
export function deferContentVersion(trx: Kysely<Database>): void {
  if (!deferredBumps.has(trx)) deferredBumps.set(trx, false);
}

/** Makes the bump noted since deferContentVersion, if any, and stops deferring in `trx`. */
export async function writeDeferredContentVersion(trx: Kysely<Database>): Promise<void> {
  const isDue = deferredBumps.get(trx);
  deferredBumps.delete(trx);
  if (isDue) await writeBump(trx);
}

async function writeBump(trx: Kysely<Database>): Promise<void> {
  await trx
    .updateTable('site_state')
    .set((eb) => ({ content_version: eb('content_version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

export const READ_VERSION = CompiledQuery.raw('select content_version from site_state where id = 1');

/**
 * Engines may register a faster reader for this one hot query (read on every public
 * request): on SQLite a statement prepared once on the connection costs 5 µs, a Kysely
 * query ten times more (it is prepared again and queued on the connection mutex); on
 * PostgreSQL a query shared by the requests waiting at the same time.
 */
const fastReaders = new WeakMap<Db, () => number | Promise<number>>();
const sharedReaders = new WeakMap<Db, CoalescedRead<number>>();

export function registerContentVersionReader(db: Db, read: () => number | Promise<number>): void {
  fastReaders.set(db, read);
}

/**
 * The reader of a client/server engine: `query` is sent at most once per round trip, and
 * a caller never gets the answer of a query sent before it called (store/coalesced-read.ts),
 * so a write committed by any process before the call is seen.
 */
export function registerSharedVersionReader(db: Db, query: () => Promise<number>): void {
  const shared = new CoalescedRead(query);
  sharedReaders.set(db, shared);
  registerContentVersionReader(db, () => shared.read());
}

/** Version queries sent so far through a shared reader (undefined without one): for tests and diagnostics. */
export function contentVersionQueriesSent(db: Db): number | undefined {
  return sharedReaders.get(db)?.sent;
}

/** The SQLite reader: a statement prepared once on `sqlite`, a connection that is never inside a write transaction. */
export function registerSqliteVersionReader(db: Db, sqlite: SqliteDatabase): void {
  const readVersion = sqlite.prepare(READ_VERSION.sql).pluck();
  registerContentVersionReader(db, () => readVersion.get() as number);
}

export async function getContentVersion(db: Db): Promise<number> {
  const fast = fastReaders.get(db);
  if (fast) return fast();
  const result = await db.executeQuery<{ content_version: number }>(READ_VERSION);
  return result.rows[0]?.content_version ?? 0;
}
