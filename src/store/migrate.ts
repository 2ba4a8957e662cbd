// Versioned migrations, applied in name order at every start (idempotent).
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { migration0001 } from './migrations/0001-initial.js';
import { migration0002 } from './migrations/0002-search.js';
import { migration0003 } from './migrations/0003-authoring.js';
import { migration0004 } from './migrations/0004-accounts.js';
import { migration0006 } from './migrations/0006-media.js';
import { migration0007 } from './migrations/0007-imports.js';
import { migration0008 } from './migrations/0008-audit-folding.js';
import { migration0009 } from './migrations/0009-media-text.js';
import { migration0010 } from './migrations/0010-second-factors.js';
import { migration0011 } from './migrations/0011-body-media.js';
import { migration0012 } from './migrations/0012-pages.js';
import { migration0013 } from './migrations/0013-redirects-to-path.js';
import { migration0014 } from './migrations/0014-attachments.js';
import { migration0015 } from './migrations/0015-render-versions.js';
import { migration0016 } from './migrations/0016-submissions-and-demo.js';
import { migration0017 } from './migrations/0017-page-import-sources.js';
import { migration0019 } from './migrations/0019-autosaves.js';
import { migration0020 } from './migrations/0020-attachment-alt.js';
import { migration0021 } from './migrations/0021-import-source-state.js';
import { migration0023 } from './migrations/0023-search-words.js';
import { migration0025 } from './migrations/0025-category-order.js';
import { migration0026 } from './migrations/0026-activity-records.js';
import { migration0031 } from './migrations/0031-search-postings.js';
import { migration0032 } from './migrations/0032-drop-search-terms.js';
import { migration0033 } from './migrations/0033-search-blocks.js';
import { migration0034 } from './migrations/0034-search-word-gaps.js';
import { migration0035 } from './migrations/0035-build-state-indexes.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': migration0001,
  '0002-search': migration0002,
  '0003-authoring': migration0003,
  '0004-accounts': migration0004,
  '0006-media': migration0006,
  '0007-imports': migration0007,
  '0008-audit-folding': migration0008,
  '0009-media-text': migration0009,
  '0010-second-factors': migration0010,
  '0011-body-media': migration0011,
  '0012-pages': migration0012,
  '0013-redirects-to-path': migration0013,
  '0014-attachments': migration0014,
  '0015-render-versions': migration0015,
  '0016-submissions-and-demo': migration0016,
  '0017-page-import-sources': migration0017,
  '0019-autosaves': migration0019,
  '0020-attachment-alt': migration0020,
  '0021-import-source-state': migration0021,
  '0023-search-words': migration0023,
  '0025-category-order': migration0025,
  '0026-activity-records': migration0026,
  '0031-search-postings': migration0031,
  '0032-drop-search-terms': migration0032,
  '0033-search-blocks': migration0033,
  '0034-search-word-gaps': migration0034,
  '0035-build-state-indexes': migration0035,
};

// Migrations are imported statically so the same list runs from src/ (tsx) and dist/.
const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}

/** Names of the migrations this build knows that the database has not run yet (none = current). */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const migrations = await new Migrator({ db, provider }).getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
