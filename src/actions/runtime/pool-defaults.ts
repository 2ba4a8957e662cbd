// The work pool's defaults, in a module of their own so that config.ts can show them
// without loading the pool and its tasks.
import { availableParallelism } from 'node:os';

/** Worker threads: one per core, at most 4 (a search uses one core; more threads only queue on the disk). */
export const DEFAULT_POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));
/** Tasks that may wait for a worker before the pool answers "busy", whatever they cost. */
export const DEFAULT_QUEUE_LIMIT = 32;
/**
 * …and a task is refused too when the wait it would have, judged by how long recent tasks
 * ran, passes this: 32 plain searches of 15 ms wait a quarter of a second and are all taken,
 * while worst-case searches of half a second are refused from the fifth waiting one on,
 * instead of waiting 8 s (issue 9). A count alone cannot tell the two apart.
 */
export const DEFAULT_MAX_WAIT_MS = 1000;
/**
 * A thread without work for this long stops; the next task starts one again (about 0.1 s).
 * Half a minute keeps threads through a reader's few searches and gives back their memory
 * (about 20 MB each) soon after.
 */
export const DEFAULT_IDLE_MS = 30_000;
