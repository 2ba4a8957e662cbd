// Whether this process can do its work (/readyz): the database answers, its migrations are
// those this build expects, the native modules load, the data directory's disk is not full
// (below KATSUDO_MIN_FREE_MB it is 'low': a warning, still ready), and (in `katsudo serve`)
// the scheduler ended a run recently. Each check is cheap after the
// first call (a passed native module check is kept), so an orchestrator may poll it.
import { getContentVersion } from '../../store/site-state.js';
import { pendingMigrations } from '../../store/migrate.js';
import type { ActionContext } from './context.js';
import type { FreeSpaceMonitor } from './free-space.js';
import { checkNativeModules, NATIVE_MODULES } from './native-modules.js';
import { isSchedulerAlive } from './scheduler.js';

export type CheckName = 'database' | 'migrations' | 'disk' | 'scheduler' | keyof typeof NATIVE_MODULES;

export interface Readiness {
  isReady: boolean;
  /** Every check by name: 'ok' or 'failed'; `disk` may also be 'low' (a warning: still ready). */
  checks: Record<CheckName, 'ok' | 'low' | 'failed'>;
  /** The errors behind the failed checks, for the log (never for the response). */
  problems: { check: CheckName; error: unknown }[];
}

export interface ReadinessOptions {
  /** When the running scheduler last ended a run (Scheduler.lastRunAt); no check without it. */
  schedulerLastRunAt?: () => Date | undefined;
  /** The data directory's free space; no `disk` check without it. */
  freeSpace?: FreeSpaceMonitor;
}

export async function checkReadiness(ctx: Pick<ActionContext, 'db' | 'now'>, options: ReadinessOptions = {}): Promise<Readiness> {
  const problems: Readiness['problems'] = [];
  try {
    await getContentVersion(ctx.db);
  } catch (error) {
    problems.push({ check: 'database', error });
  }
  if (problems.length === 0) {
    try {
      const pending = await pendingMigrations(ctx.db);
      if (pending.length > 0) problems.push({ check: 'migrations', error: new Error(`migrations not run: ${pending.join(', ')}`) });
    } catch (error) {
      problems.push({ check: 'migrations', error });
    }
  }
  for (const error of await checkNativeModules()) problems.push({ check: error.moduleName as CheckName, error });
  const space = await options.freeSpace?.check();
  if (space?.isFull) problems.push({ check: 'disk', error: space.error ?? new Error(`the data directory's disk is full: ${space.freeBytes} bytes free`) });
  const lastRunAt = options.schedulerLastRunAt?.();
  if (options.schedulerLastRunAt !== undefined && !isSchedulerAlive(lastRunAt, ctx.now())) {
    problems.push({ check: 'scheduler', error: new Error(`the scheduler has not ended a run since ${lastRunAt?.toISOString() ?? 'the start'}`) });
  }

  const names: CheckName[] = [
    'database',
    'migrations',
    ...(Object.keys(NATIVE_MODULES) as CheckName[]),
    ...(options.freeSpace === undefined ? [] : ['disk' as const]),
    ...(options.schedulerLastRunAt === undefined ? [] : ['scheduler' as const]),
  ];
  const failed = new Set(problems.map((p) => p.check));
  // The migrations cannot be read without a database: reported as failed with it.
  if (failed.has('database')) failed.add('migrations');
  const checks = Object.fromEntries(names.map((n) => [n, failed.has(n) ? 'failed' : n === 'disk' && space?.isLow ? 'low' : 'ok'])) as Readiness['checks'];
  return { isReady: failed.size === 0, checks, problems };
}
