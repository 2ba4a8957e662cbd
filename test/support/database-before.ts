// A database file migrated up to (not including) a given migration, for migration tests:
// the test writes rows as they were then, closes it, and opens it with openDatabase.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { MIGRATIONS } from '../../src/store/migrate.js';

export interface OldDatabase {
  dir: string;
  file: string;
  /** The raw connection, for inserting rows in the old shape. */
  sqlite: SqliteDatabase.Database;
  close: () => Promise<void>;
}

/** `name` as in MIGRATIONS, or its number: '0015'. */
export async function databaseBefore(name: string): Promise<OldDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `katsudo-before-${name}-`));
  const file = join(dir, 'katsudo.db');
  const sqlite = new SqliteDatabase(file);
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const earlier: Record<string, Migration> = Object.fromEntries(Object.entries(MIGRATIONS).filter(([n]) => n < name));
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => earlier } }).migrateToLatest();
  if (error) throw error;
  return { dir, file, sqlite, close: () => db.destroy() };
}
