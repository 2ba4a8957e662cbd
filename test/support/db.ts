// A fresh database per test file or test: a SQLite file in its own temp directory, or with
// KATSUDO_TEST_DATABASE=postgres (or the `backend` option) a new database on the test
// PostgreSQL server (test/support/postgres.ts); the data directory (media) is a temp dir either way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import { inlinePool } from '../../src/actions/runtime/work-pool.js';
import { openDatabase, type OpenOptions } from '../../src/store/database.js';
import { createTestPostgresDatabase } from './postgres.js';

export interface TestSite extends ActionContext {
  /** What `db` was opened from (a worker pool opens the same database). */
  database: OpenOptions;
  cleanup: () => Promise<void>;
}

export type TestBackend = 'sqlite' | 'postgres';

/** The backend of test sites that do not choose one: KATSUDO_TEST_DATABASE, SQLite by default. */
export function defaultTestBackend(): TestBackend {
  const chosen = process.env.KATSUDO_TEST_DATABASE ?? 'sqlite';
  if (chosen !== 'sqlite' && chosen !== 'postgres') throw new Error(`KATSUDO_TEST_DATABASE must be sqlite or postgres, not ${chosen}`);
  return chosen;
}

/** A real database (see above); the clock is fixed unless `now` is given. */
export async function createTestSite(options: { now?: () => Date; backend?: TestBackend } = {}): Promise<TestSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'katsudo-test-'));
  const postgres = (options.backend ?? defaultTestBackend()) === 'postgres' ? await createTestPostgresDatabase() : undefined;
  const database: OpenOptions = postgres ? { postgres: { url: postgres.url, poolSize: 4 } } : { file: join(dataDir, 'katsudo.db') };
  const db = await openDatabase(database);
  return {
    db,
    database,
    dataDir,
    now: options.now ?? (() => new Date('2026-11-20T03:00:00.000Z')),
    work: inlinePool(db),
    cleanup: async () => {
      await db.destroy();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
