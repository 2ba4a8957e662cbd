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
  /** Paths still waiting when a core frees up for one more thread to start (default 3,000; tests set it low). */
  minPathsForSpareThread?: number;
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
 * Each thread takes the next chunk when it is done with one, so a thread started later
 * shares what is left: when `spareCore` resolves (the search index is written and its
 * threads are gone), one more thread joins if enough paths remain, so both cores stay busy
 * to the end. On the first failure the threads are stopped (none writes into `stagingDir`
 * any more) before the error is thrown; a full disk comes back as DISK_FULL. Resolves to
 * the number of threads that rendered.
 */
export async function renderOnThreads(
  job: { site: ThreadSite; stagingDir: string; paths: readonly string[]; previousHash: (path: string) => string | undefined },
  options: PageThreadOptions,
  take: (files: ThreadPageFile[]) => void,
  spareCore?: Promise<unknown>,
): Promise<number> {
  const chunkPaths = options.chunkPaths ?? DEFAULT_CHUNK_PATHS;
  const size = options.size ?? DEFAULT_PAGE_THREADS;
  const chunks: PageChunk[] = [];
  for (let at = 0; at < job.paths.length; at += chunkPaths) {
    const paths = job.paths.slice(at, at + chunkPaths).map((path): [string, string | undefined] => [path, job.previousHash(path)]);
    chunks.push({ site: job.site, stagingDir: job.stagingDir, paths });
  }
  // A thread starts when a lane finds every started one busy (work-pool.ts): one lane per thread.
  const pool = batchPool({ database: options.database, size: size + 1, timeoutMs: CHUNK_TIMEOUT_MS, extraTasksUrl: TASKS_URL });
  const outputs = chunks.map(() => deferred<ThreadPageFile[]>());
  let next = 0;
  let isStopped = false;
  const lane = async () => {
    while (next < chunks.length && !isStopped) {
      const at = next++;
      // An extra task: the pool's task table (tasks.ts) does not know it.
      await (pool.run('renderPages' as never, chunks[at] as never) as Promise<ThreadPageFile[]>).then(outputs[at]!.resolve, (error: unknown) => {
        isStopped = true;
        outputs.forEach((output) => output.reject(error));
      });
    }
  };
  try {
    for (let i = 0; i < Math.min(size, chunks.length); i++) void lane();
    void spareCore?.then(
      () => {
        const waiting = (chunks.length - next) * chunkPaths;
        if (waiting >= (options.minPathsForSpareThread ?? MIN_PATHS_FOR_SPARE_THREAD) && !isStopped) void lane();
      },
      () => undefined,
    );
    for (const output of outputs) take(await output.promise);
    return pool.threadCount;
  } finally {
    isStopped = true;
    await pool.close();
  }
}

/**
 * A thread started late costs ~1-1.5 s of CPU before it pays (its start, and its own memos:
 * list orders, 10,000 summaries, BudouX titles); 3,000 paths are ~2 s on one thread.
 */
const MIN_PATHS_FOR_SPARE_THREAD = 3_000;

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Rejected together on a failure; only the first awaited is thrown.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
