// Runs publishDueReports at start (a report whose time passed while the server was down is
// published at once) and then every interval. Runs never overlap within a process; across
// processes publishDueReports itself publishes each report once. Given a retention, it also
// prunes the audit log, at start and then at most once an hour.
import type { ActionContext } from './context.js';
import { pruneAuditLog } from '../site/prune-audit-log.js';
import { publishDueReports } from '../reports/publish-due-reports.js';

export const DEFAULT_SCHEDULER_INTERVAL_MS = 30_000;
const AUDIT_PRUNE_EVERY_MS = 60 * 60_000;

export interface SchedulerOptions {
  intervalMs?: number;
  /** Called with the ids each run published (only when there are some). */
  onPublished?: (ids: number[]) => void;
  /** A failed run is reported here and retried at the next interval. */
  onError?: (error: unknown) => void;
  /** Audit entries older than this are pruned (KATSUDO_AUDIT_RETENTION_DAYS); none without it. */
  auditRetentionDays?: number;
}

export interface Scheduler {
  /** Stops the timer and waits for a run in progress, so the database can be closed after. */
  stop: () => Promise<void>;
  /** The run in progress or the last one (tests wait for the first run with it). */
  idle: () => Promise<void>;
  /** When the last run ended (failed or not), undefined before the first: /readyz checks it is recent. */
  lastRunAt: () => Date | undefined;
}

/** /readyz counts the scheduler as stuck when no run ended for this many intervals. */
export const SCHEDULER_STALE_INTERVALS = 4;

/** Whether a scheduler whose last run ended at `lastRunAt` still runs at `now`. */
export function isSchedulerAlive(lastRunAt: Date | undefined, now: Date, intervalMs = DEFAULT_SCHEDULER_INTERVAL_MS): boolean {
  return lastRunAt !== undefined && now.getTime() - lastRunAt.getTime() <= SCHEDULER_STALE_INTERVALS * intervalMs;
}

export function startScheduler(ctx: ActionContext, options: SchedulerOptions = {}): Scheduler {
  let running: Promise<void> = Promise.resolve();
  let isBusy = false;
  let isStopped = false;
  let lastPruneMs = -Infinity;
  let lastRunAt: Date | undefined;
  const pruneIfDue = async () => {
    const nowMs = ctx.now().getTime();
    if (options.auditRetentionDays === undefined || nowMs - lastPruneMs < AUDIT_PRUNE_EVERY_MS) return;
    lastPruneMs = nowMs;
    await pruneAuditLog(ctx, options.auditRetentionDays);
  };
  const run = () => {
    if (isBusy || isStopped) return;
    isBusy = true;
    running = publishDueReports(ctx)
      .then((ids) => {
        if (ids.length > 0) options.onPublished?.(ids);
      })
      .then(pruneIfDue)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        isBusy = false;
        lastRunAt = ctx.now();
      });
  };
  run();
  // unref: the timer alone never keeps the process alive.
  const timer = setInterval(run, options.intervalMs ?? DEFAULT_SCHEDULER_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      isStopped = true;
      clearInterval(timer);
      await running;
    },
    idle: () => running,
    lastRunAt: () => lastRunAt,
  };
}
