// Extra tasks for thread pools in tests (ThreadPoolOptions.extraTasksUrl): work that blocks
// until the test lets it go, or never ends, so tests can fill a pool or hit its time limit
// without depending on how fast the machine is.
import type { WorkPool } from '../../src/actions/runtime/work-pool.js';

export const TEST_TASKS_URL = new URL('./test-tasks.ts', import.meta.url).href;

export const TASKS = {
  /** Waits (blocking its thread, as a slow query would) until the gate's first cell is not 0. */
  block: async (input: { gate: SharedArrayBuffer }) => {
    Atomics.wait(new Int32Array(input.gate), 0, 0);
    return 'released';
  },
  /** A runaway task: it never returns. */
  spin: async () => {
    for (;;);
  },
};

/** A gate for `block` tasks: open() releases every task waiting on it. */
export function createGate(): { gate: SharedArrayBuffer; open: () => void } {
  const gate = new SharedArrayBuffer(4);
  return {
    gate,
    open: () => {
      Atomics.store(new Int32Array(gate), 0, 1);
      Atomics.notify(new Int32Array(gate), 0);
    },
  };
}

/** Runs one of these test tasks on a pool (their names are not in the app's registry). */
export function runTestTask(pool: WorkPool, task: keyof typeof TASKS, input: unknown, options?: { timeoutMs?: number }): Promise<unknown> {
  return (pool.run as (task: string, input: unknown, options?: { timeoutMs?: number }) => Promise<unknown>)(task, input, options);
}
