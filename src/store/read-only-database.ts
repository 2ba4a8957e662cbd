// A read-only connection to an existing database, for worker threads (actions/runtime/):
// WAL lets it read while the main connection writes. It never migrates; the process that
// serves has already done so.
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database, Db } from './database.js';
import { SQLITE_CACHE_KIB } from './sqlite-cache-size.js';

export function openReadOnlyDatabase(file: string): Db {
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
