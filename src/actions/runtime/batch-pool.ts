// A work pool for one batch job of a static build (its pages, its search index): threads that
// never idle out, no queue or wait limit (the job hands out all its tasks at once and waits for
// them), a time limit that only stops a thread that hangs, and the job's own tasks
// (`extraTasksUrl`, a module exporting TASKS) alone: its threads load neither the server's task
// table nor, unless given `database`, a database driver.
import { threadPool, type ThreadPool, type ThreadPoolOptions } from './work-pool.js';

export function batchPool(options: Pick<ThreadPoolOptions, 'database' | 'size' | 'timeoutMs' | 'extraTasksUrl'>): ThreadPool {
  return threadPool({ idleMs: 0, queueLimit: Number.POSITIVE_INFINITY, maxWaitMs: Number.POSITIVE_INFINITY, ...options, hasTaskTable: false });
}
