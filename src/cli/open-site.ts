// Opening the data directory for a command: the database (migrated) and the action context.
// Slow work runs inline: a one-off command has no pages to keep serving (serve swaps in threads).
import { existsSync } from 'node:fs';
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
  /** config.mediaDir: KATSUDO_MEDIA_DIR, or undefined for the data directory's media/. */
  mediaDir?: string | undefined;
}

/** True when the site's database is a SQLite file that does not exist (opening it would create an empty site). */
export function isSiteMissing(location: SiteLocation): boolean {
  return 'file' in location.database && !existsSync(location.database.file);
}

/** A data directory with its katsudo.db (the site before KATSUDO_DATABASE_URL, and a scratch site). */
export function siteIn(dataDir: string): SiteLocation {
  return { dataDir, database: { file: join(dataDir, DB_FILE) } };
}

/** A data directory alone means its katsudo.db (the commands that do not take KATSUDO_DATABASE_URL yet). */
export async function openSite(location: string | SiteLocation): Promise<ActionContext> {
  const { dataDir, database, mediaDir } = typeof location === 'string' ? siteIn(location) : location;
  const db = await openDatabase(database);
  // An upload cut off by a full disk or a killed process leaves its temp file behind.
  removeStaleTempFiles({ dataDir, mediaDir });
  return { db, dataDir, mediaDir, now: () => new Date(), work: inlinePool(db) };
}
