// A build of many paths renders them on worker threads: the work pool's threads (each with
// its own read-only SQLite connection) run page-render-tasks.ts on chunks of paths, while
// the build's own thread writes the search index. Chunks are taken back in the order of
// the paths, so the manifest and every file listing all of them come out the same as on
// one thread. Starting threads costs more than a few pages: below `minPaths` the build
// renders on its own thread (the incremental build's dozen pages).
import { batchPool } from '../actions/runtime/batch-pool.js';
import type { ThreadPoolOptions } from '../actions/runtime/work-pool.js';
import { availableParallelism } from 'node:os';
import type { PageChunk, ThreadPageFile, ThreadSite } from './page-render-tasks.js';

export interface PageThreadOptions {
  /** The site's database, which each thread opens for itself (work-thread.ts). */
  database: ThreadPoolOptions['database'];
  /** Threads (default DEFAULT_PAGE_THREADS). */
  size?: number;
  /** Fewer paths than this render on the build's thread (default 1,000; tests set it low). */
  minPaths?: number;
  /** Paths a thread renders per task (default 200; tests set it low to have several). */
  chunkPaths?: number;
}

export const MIN_PATHS_FOR_THREADS = 1_000;
/**
 * One per core but the build's own, at most 4: that thread writes the search index meanwhile
 * (with its document workers). On 2 cores, a second page thread only took CPU from the index.
 */
export const DEFAULT_PAGE_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
/** Paths a thread renders per task: small enough to spread the work, large enough that messages cost nothing. */
const DEFAULT_CHUNK_PATHS = 200;
/** A chunk is a fraction of a second on a quiet machine; this only stops a thread that hangs. */
const CHUNK_TIMEOUT_MS = 300_000;

// Under tsx (tests, development) the task module is the TypeScript source; in the bundle it
// is the .mjs that scripts/build.mjs writes beside the bundle's other files.
const IS_SOURCE = import.meta.url.endsWith('.ts');
const TASKS_URL = new URL(IS_SOURCE ? './page-render-tasks.ts' : './page-render-tasks.mjs', import.meta.url).href;

/**
 * Renders `paths` on threads and hands each chunk's files to `take`, in the order of `paths`.
 * On the first failure the threads are stopped (none writes into `stagingDir` any more)
 * before the error is thrown; a full disk comes back as DISK_FULL. Resolves to the number
 * of threads that rendered.
 */
export async function renderOnThreads(
  job: { site: ThreadSite; stagingDir: string; paths: readonly string[]; previousHash: (path: string) => string | undefined },
  options: PageThreadOptions,
  take: (files: ThreadPageFile[]) => void,
): Promise<number> {
  const chunkPaths = options.chunkPaths ?? DEFAULT_CHUNK_PATHS;
  const pool = batchPool({ database: options.database, size: options.size ?? DEFAULT_PAGE_THREADS, timeoutMs: CHUNK_TIMEOUT_MS, extraTasksUrl: TASKS_URL });
  try {
    const chunks: Promise<ThreadPageFile[]>[] = [];
    for (let at = 0; at < job.paths.length; at += chunkPaths) {
      const chunk: PageChunk = {
        site: job.site,
        stagingDir: job.stagingDir,
        paths: job.paths.slice(at, at + chunkPaths).map((path) => [path, job.previousHash(path)]),
      };
      // An extra task: the pool's task table (tasks.ts) does not know it.
      chunks.push(pool.run('renderPages' as never, chunk as never) as Promise<ThreadPageFile[]>);
    }
    const failed = new Promise<never>((_, reject) => chunks.forEach((chunk) => chunk.catch(reject)));
    failed.catch(() => undefined);
    for (const chunk of chunks) take(await Promise.race([chunk, failed]));
    return pool.threadCount;
  } finally {
    await pool.close();
  }
}
