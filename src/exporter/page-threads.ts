// A build of many paths renders them on worker threads: the work pool's threads (each with
// its own read-only SQLite connection) run page-render-tasks.ts, taking chunks of paths from
// a shared counter, while the build's own thread writes the search index. Chunks are taken
// back in the order of the paths, so the manifest and every file listing all of them come out the same as on
// one thread. Starting threads costs more than a few pages: below `minPaths` the build
// renders on its own thread (the incremental build's dozen pages).
import { batchPool } from '../actions/runtime/batch-pool.js';
import type { ThreadPoolOptions } from '../actions/runtime/work-pool.js';
import { availableParallelism } from 'node:os';
import { STOPPED, type PageJob, type RenderedChunks, type ThreadPageFile, type ThreadSite } from './page-render-tasks.js';

export interface PageThreadOptions {
  /** The site's database, which each thread opens for itself (work-thread.ts). */
  database: ThreadPoolOptions['database'];
  /** Threads (default DEFAULT_PAGE_THREADS). */
  size?: number;
  /** Fewer paths than this render on the build's thread (default 1,000; tests set it low). */
  minPaths?: number;
  /** Paths a thread takes at a time (default 200; tests set it low to have several). */
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
/** Paths a thread takes at a time: small enough that threads finish together, large enough that the content version is read seldom. */
const DEFAULT_CHUNK_PATHS = 200;
/** A thread renders its share of a build (seconds to minutes); this only stops a thread that hangs. */
const JOB_TIMEOUT_MS = 1_800_000;

// Under tsx (tests, development) the task module is the TypeScript source; in the bundle it
// is the .mjs that scripts/build.mjs writes beside the bundle's other files.
const IS_SOURCE = import.meta.url.endsWith('.ts');
const TASKS_URL = new URL(IS_SOURCE ? './page-render-tasks.ts' : './page-render-tasks.mjs', import.meta.url).href;

/**
 * Renders `paths` on threads and hands their files to `take`, in the order of `paths`. The
 * threads take chunks from a counter they share (page-render-tasks.ts), so a thread started
 * later shares what is left: when `spareCore` resolves (the search index is written and its
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
  const nextChunk = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const pageJob: PageJob = {
    site: job.site,
    stagingDir: job.stagingDir,
    paths: job.paths.map((path) => [path, job.previousHash(path)]),
    chunkPaths,
    nextChunk,
  };
  const size = Math.min(options.size ?? DEFAULT_PAGE_THREADS, Math.ceil(job.paths.length / chunkPaths));
  const pool = batchPool({ database: options.database, size: size + 1, timeoutMs: JOB_TIMEOUT_MS, extraTasksUrl: TASKS_URL });
  // An extra task: the pool's task table (tasks.ts) does not know it.
  const start = () => pool.run('renderPages' as never, pageJob as never) as Promise<RenderedChunks>;
  let spare: Promise<RenderedChunks> | undefined;
  try {
    const shares = Array.from({ length: size }, start);
    void spareCore?.then(
      () => {
        const waiting = job.paths.length - Atomics.load(nextChunk, 0) * chunkPaths;
        if (waiting < (options.minPathsForSpareThread ?? MIN_PATHS_FOR_SPARE_THREAD)) return;
        spare = start();
        spare.catch(() => undefined);
      },
      () => undefined,
    );
    const rendered = (await allOrFirstFailure(shares)).flat();
    // A thread that joined took chunks the others did not (its failure stopped them early).
    if (spare) rendered.push(...(await spare));
    const byChunk = new Map(rendered);
    for (let chunk = 0; chunk * chunkPaths < job.paths.length; chunk++) {
      const files = byChunk.get(chunk);
      if (files === undefined) throw new Error(`page threads: chunk ${chunk} was not rendered`);
      take(files);
    }
    return pool.threadCount;
  } finally {
    Atomics.store(nextChunk, 0, STOPPED);
    await pool.close();
  }
}

/**
 * A thread started late costs ~1-1.5 s of CPU before it pays (its start, and its own memos:
 * list orders, 10,000 summaries, BudouX titles); 3,000 paths are ~2 s on one thread.
 */
const MIN_PATHS_FOR_SPARE_THREAD = 3_000;

/** Like Promise.all, but every promise is handled, so a second failure is not left unhandled. */
async function allOrFirstFailure<T>(promises: Promise<T>[]): Promise<T[]> {
  promises.forEach((p) => p.catch(() => undefined));
  return Promise.all(promises);
}
