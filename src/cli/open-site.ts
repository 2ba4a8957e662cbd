// Opening the data directory for a command: the database (migrated) and the action context.
// Slow work runs inline: a one-off command has no pages to keep serving (serve swaps in threads).
import { join } from 'node:path';
import type { ActionContext } from '../actions/runtime/context.js';
import { inlinePool } from '../actions/runtime/work-pool.js';
import { openDatabase, type OpenOptions } from '../store/database.js';
import { removeStaleTempFiles } from '../store/media-files.js';

export const DB_FILE = 'katsudo.db';

/** Where a command's site is: its data directory (media, state files) and its database; a Config is one. */
export interface SiteLocation {
  dataDir: string;
  /** config.database: the data directory's katsudo.db unless KATSUDO_DATABASE_URL names another. */
  database: OpenOptions;
}

/** A data directory alone means its katsudo.db (the commands that do not take KATSUDO_DATABASE_URL yet). */
export async function openSite(location: string | SiteLocation): Promise<ActionContext> {
  const { dataDir, database } = typeof location === 'string' ? { dataDir: location, database: { file: join(location, DB_FILE) } } : location;
  const db = await openDatabase(database);
  // An upload cut off by a full disk or a killed process leaves its temp file behind.
  removeStaleTempFiles(dataDir);
  return { db, dataDir, now: () => new Date(), work: inlinePool(db) };
}
