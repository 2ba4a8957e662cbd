// Opening the data directory for a command: the database (migrated) and the action context.
// Slow work runs inline: a one-off command has no pages to keep serving (serve swaps in threads).
import { join } from 'node:path';
import type { ActionContext } from '../actions/runtime/context.js';
import { inlinePool } from '../actions/runtime/work-pool.js';
import { openDatabase, type OpenOptions } from '../store/database.js';
import { removeStaleTempFiles } from '../store/media-files.js';

export const DB_FILE = 'katsudo.db';

/** The data directory's katsudo.db unless `database` (config.database: KATSUDO_DATABASE_URL) names another. */
export async function openSite(dataDir: string, database: OpenOptions = { file: join(dataDir, DB_FILE) }): Promise<ActionContext> {
  const db = await openDatabase(database);
  // An upload cut off by a full disk or a killed process leaves its temp file behind.
  removeStaleTempFiles(dataDir);
  return { db, dataDir, now: () => new Date(), work: inlinePool(db) };
}
