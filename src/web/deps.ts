// What the web layer is built from: one object handed to every route plugin.
import type { FreeSpaceMonitor } from '../actions/runtime/free-space.js';
import type { SessionPolicy } from '../domain/session-policy.js';
import type { SiteDeps } from '../site/site-deps.js';
import type { Assets } from './assets.js';
import type { PageCache } from './page-cache.js';

/** The public pages' deps (site/site-deps.ts) and what the server adds. */
export interface WebDeps extends SiteDeps {
  cache: PageCache;
  assets: Assets;
  /** Largest accepted upload: the multipart limit and uploadMedia's maxBytes. */
  maxUploadBytes: number;
  /** Idle and absolute expiry of admin login sessions. */
  session: SessionPolicy;
  /** Days the audit log keeps entries (KATSUDO_AUDIT_RETENTION_DAYS), shown on /admin/audit. */
  auditRetentionDays: number;
  /** KATSUDO_BACKUP_DIR, when scheduled backups are on. */
  backupDir?: string;
  /** When the server's scheduler last ended a run, for /readyz; absent when none runs (tests). */
  schedulerLastRunAt?: () => Date | undefined;
  /** Free space on the data directory's disk (KATSUDO_MIN_FREE_MB): dashboard warning and /readyz. */
  freeSpace: FreeSpaceMonitor;
}
