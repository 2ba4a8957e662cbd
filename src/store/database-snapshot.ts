// Online copies of the SQLite database for backups: SQLite's backup API, which reads a
// consistent state even while other processes write (a plain file copy misses whatever is
// still in the WAL), and the facts a backup manifest records about such a copy.
import SqliteDatabase from 'better-sqlite3';

/** Pages copied per step: between steps the event loop serves requests. */
const PAGES_PER_STEP = 256;

/**
 * Copies the live database at `file` into `destination` (a new file) and makes the copy a
 * standalone file (rollback journal, no WAL beside it), so it can be archived as one file.
 * The backup API restarts by itself when another connection writes between two steps, so
 * the copy is always one committed state. On a busy site writes could restart it forever:
 * after the first restart the rest is copied in one step, which holds the event loop for
 * that one copy but always ends.
 */
export async function snapshotDatabase(file: string, destination: string): Promise<void> {
  const source = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  let lastRemaining = Infinity;
  let hasRestarted = false;
  const progress = ({ totalPages, remainingPages }: { totalPages: number; remainingPages: number }) => {
    if (remainingPages >= lastRemaining) hasRestarted = true;
    lastRemaining = remainingPages;
    return hasRestarted ? Math.max(totalPages, 1) : PAGES_PER_STEP;
  };
  try {
    await source.backup(destination, { progress });
  } finally {
    source.close();
  }
  const copy = new SqliteDatabase(destination);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export interface SnapshotFacts {
  /** The last migration the copy has run (kysely_migration); '' when it has none. */
  schemaVersion: string;
  counts: { reports: number; pages: number; revisions: number; users: number; media: number };
  /** Content hashes of the stored files the copy's records name (originals and image variants). */
  mediaSha256s: string[];
}

/** Reads a copy made by snapshotDatabase (or restored from a backup) without changing it. */
export function readSnapshotFacts(file: string): SnapshotFacts {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => db.prepare(`select count(*) from ${table}`).pluck().get() as number;
    const schemaVersion = (db.prepare('select max(name) from kysely_migration').pluck().get() as string | null) ?? '';
    const mediaSha256s = db.prepare('select sha256 from media union select sha256 from media_variants').pluck().all() as string[];
    return {
      schemaVersion,
      counts: { reports: count('reports'), pages: count('pages'), revisions: count('revisions'), users: count('users'), media: count('media') },
      mediaSha256s,
    };
  } finally {
    db.close();
  }
}

/** The problems PRAGMA integrity_check finds in a database file; empty when it is sound. */
export function checkDatabaseIntegrity(file: string): string[] {
  let db: SqliteDatabase.Database;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return [`cannot be opened: ${(error as Error).message}`];
  }
  try {
    const rows = db.prepare('pragma integrity_check').pluck().all() as string[];
    return rows.length === 1 && rows[0] === 'ok' ? [] : rows;
  } catch (error) {
    return [(error as Error).message];
  } finally {
    db.close();
  }
}
