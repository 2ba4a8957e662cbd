// What every action needs from the outside world, passed in (never imported) so that
// web, CLI and tests can give their own: the database, where files live, and the clock.
import type { Db } from '../store/database.js';

export interface ActionContext {
  db: Db;
  /** Directory holding the SQLite file and media/. */
  dataDir: string;
  now: () => Date;
}
