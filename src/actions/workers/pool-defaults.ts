// The work pool's defaults, in a module of their own so that config.ts can show them
// without loading the pool and its tasks.
import { availableParallelism } from 'node:os';

/** Worker threads: one per core, at most 4 (a search uses one core; more threads only queue on the disk). */
export const DEFAULT_POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));
/**
 * Tasks that may wait for a worker before the pool answers "busy". Small on purpose: with two
 * workers and 50 ms searches the last of eight waits 200 ms; a longer queue only turns a quick
 * 503 into a slow answer (32 connections of worst-case searches waited 4 s with 32).
 */
export const DEFAULT_QUEUE_LIMIT = 8;
