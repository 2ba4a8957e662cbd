// The content version: a counter bumped in every write transaction. Page caches of
// every process compare it with the version they rendered at.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, Db } from './database.js';

export async function bumpContentVersion(trx: Kysely<Database>): Promise<void> {
  await trx
    .updateTable('site_state')
    .set((eb) => ({ content_version: eb('content_version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

const READ_VERSION = CompiledQuery.raw('select content_version from site_state where id = 1');

/**
 * Engines may register a faster reader for this one hot query (read on every public
 * request): on SQLite a statement prepared once on the connection costs 5 µs, a Kysely
 * query ten times more (it is prepared again and queued on the connection mutex).
 */
const fastReaders = new WeakMap<Db, () => number>();

export function registerContentVersionReader(db: Db, read: () => number): void {
  fastReaders.set(db, read);
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
