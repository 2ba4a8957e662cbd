// The connection a worker thread (actions/runtime/) reads the site's database through. It
// never migrates: the process that serves has already done so. SQLite: a read-only
// connection to the file (WAL lets it read while the main connection writes). PostgreSQL:
// a small pool of the thread's own, so a search or a preview on the thread never waits for
// a connection of the main thread's pool, nor holds one.
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database, Db, OpenOptions } from './database.js';
import { registerSqliteVersionReader } from './site-state.js';
import { SQLITE_CACHE_KIB } from './sqlite-cache-size.js';
import { withStatementCache } from './statement-cache.js';

/** Connections of each worker thread's PostgreSQL pool: a task runs its queries one after another. */
export const WORKER_POSTGRES_POOL = 2;

/**
 * Opens the database a worker reads.
 * @throws DatabaseUnavailableError when the PostgreSQL server cannot be reached or refuses the login.
 */
export async function openWorkerDatabase(options: OpenOptions): Promise<Db> {
  if ('postgres' in options) {
    // Loaded for PostgreSQL only, as in database.ts openDatabase.
    const { openPostgres } = await import('./dialects/postgres.js');
    return openPostgres({ url: options.postgres.url, poolSize: Math.min(options.postgres.poolSize, WORKER_POSTGRES_POOL) });
  }
  return openReadOnlyDatabase(options.file);
}

export function openReadOnlyDatabase(file: string): Db {
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  // As on the main connection: statements prepared once, and the content version (which the
  // page memos of site/content-memo.ts read on every page of a static build's thread) without Kysely.
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  registerSqliteVersionReader(db, sqlite);
  return db;
}
