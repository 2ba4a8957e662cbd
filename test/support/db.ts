// A fresh SQLite database in its own temp directory, per test file or test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionContext } from '../../src/actions/context.js';
import { inlinePool } from '../../src/actions/workers/work-pool.js';
import { openDatabase } from '../../src/store/database.js';

export interface TestSite extends ActionContext {
  cleanup: () => Promise<void>;
}

/** A real SQLite file in a temp dir; the clock is fixed unless `now` is given. */
export async function createTestSite(options: { now?: () => Date } = {}): Promise<TestSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'katsudo-test-'));
  const db = await openDatabase({ file: join(dataDir, 'katsudo.db') });
  return {
    db,
    dataDir,
    now: options.now ?? (() => new Date('2026-11-20T03:00:00.000Z')),
    work: inlinePool(db),
    cleanup: async () => {
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
