// A read-only connection to an existing database, for worker threads (actions/workers/):
// WAL lets it read while the main connection writes. It never migrates; the process that
// serves has already done so.
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database, Db } from './database.js';

export function openReadOnlyDatabase(file: string): Db {
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
