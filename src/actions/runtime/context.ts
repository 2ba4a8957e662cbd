// What every action needs from the outside world, passed in (never imported) so that
// web, CLI and tests can give their own: the database, where files live, the clock, and
// the pool that runs slow work off the event loop.
import type { Db } from '../../store/database.js';
import type { WorkPool } from './work-pool.js';

export interface ActionContext {
  db: Db;
  /** Directory holding the SQLite file and media/. */
  dataDir: string;
  /** KATSUDO_MEDIA_DIR: the media folder when it is not <dataDir>/media (store/media-files.ts mediaRoot). */
  mediaDir?: string | undefined;
  now: () => Date;
  /** Runs search, preview rendering and file parsing: threads under `serve`, inline elsewhere. */
  work: WorkPool;
}
