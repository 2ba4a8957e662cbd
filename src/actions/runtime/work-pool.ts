// Request work that can take more than a few milliseconds (search, preview rendering, PDF
// parsing) runs here, off the event loop: better-sqlite3 and the renderers are synchronous,
// so on the main thread one slow query would stall every page (issue 9).
//
// Contract of WorkPool.run(task, input, { timeoutMs }):
// - resolves with the task's output (tasks.ts), or rejects with what the handler threw:
//   an AppError keeps its code, message and fields (ValidationError comes back as one);
//   any other error becomes an Error with the handler's message and stack;
// - rejects at once with ServerBusyError when every worker is busy and either `queueLimit`
//   tasks already wait or the wait would pass `maxWaitMs`, judged from each task's moving
//   average run time (nothing is queued for seconds);
// - rejects with WorkTimeoutError when the task runs past its time: its worker thread is
//   stopped and a fresh one started, so a runaway query cannot hold a thread forever.
// Threads start one at a time, when a task finds none free, and a thread left without work
// for `idleMs` stops: each holds about 20 MB (its own V8 heap, modules and SQLite
// connection), which a server that rarely searches should not keep (docs/performance.md).
// inlinePool runs the same handlers on the calling thread, without queue or time limits
// (one-off CLI commands, tests where the pool is not the point).
import { Worker } from 'node:worker_threads';
import { AppError, ServerBusyError, ValidationError, WorkTimeoutError, type FieldMessages } from '../../domain/errors.js';
import type { Db, OpenOptions } from '../../store/database.js';
import { DEFAULT_IDLE_MS, DEFAULT_MAX_WAIT_MS, DEFAULT_POOL_SIZE, DEFAULT_QUEUE_LIMIT } from './pool-defaults.js';
import type { TaskInput, TaskName, TaskOutput } from './tasks.js';

export interface RunOptions {
  /** Stop the task after this long (default: the pool's `timeoutMs`). Ignored by the inline pool. */
  timeoutMs?: number;
}

export interface WorkPool {
  run<K extends TaskName>(task: K, input: TaskInput<K>, options?: RunOptions): Promise<TaskOutput<K>>;
  /** Stops the workers; tasks still queued or running reject. */
  close(): Promise<void>;
}

export interface ThreadPoolOptions {
  /** Most worker threads (default: cores, at most 4); each starts when a task finds no thread free. */
  size?: number;
  /** A thread without a task for this long stops (default 30 s; 0 = threads never stop). */
  idleMs?: number;
  /** Tasks that may wait for a worker before run() refuses with ServerBusyError (default 32). */
  queueLimit?: number;
  /** Longest expected wait before run() refuses with ServerBusyError (default 1 s). */
  maxWaitMs?: number;
  /** The database the workers read: the SQLite file (read-only), or PostgreSQL (a pool of each worker's own). Absent: they open none. */
  database?: OpenOptions;
  /** Default time limit of a task (10 s). */
  timeoutMs?: number;
  /** URL of a module whose `TASKS` the workers also accept (tests add tasks that block or spin). */
  extraTasksUrl?: string;
  /**
   * False: the workers load only `extraTasksUrl`'s tasks, not the table of tasks.ts and what it
   * imports (a static build's batch pools, batch-pool.ts: under tsx that table costs a thread ~0.8 s).
   */
  hasTaskTable?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** A thread pool also tells how many threads it has, running or starting (tests, diagnostics). */
export interface ThreadPool extends WorkPool {
  readonly threadCount: number;
}

export function inlinePool(db: Db): WorkPool {
  return {
    // The table is loaded on the first task: a page thread of a static build, which holds an inline pool for the search page it never renders, never loads it.
    run: (task, input) => import('./tasks.js').then(({ runTask }) => runTask(task, input, { db })),
    close: async () => {},
  };
}

/** What a worker thread is started with (work-thread.ts). */
export interface WorkerData {
  database?: OpenOptions;
  extraTasksUrl?: string;
  hasTaskTable: boolean;
}

/** What a worker thread posts back (work-thread.ts). */
export type WorkerMessage = { kind: 'ready' } | { kind: 'done'; id: number; output: unknown } | { kind: 'failed'; id: number; error: SerializedError };

export interface SerializedError {
  message: string;
  stack?: string;
  /** Set for AppErrors. */
  code?: string;
  details?: unknown;
  fields?: FieldMessages;
}

/** An error as it can cross a thread boundary (structured clone keeps neither class nor code). */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { message: String(error) };
  if (error instanceof ValidationError) return { message: error.message, code: error.code, fields: error.fields };
  if (error instanceof AppError) return { message: error.message, stack: error.stack, code: error.code, details: error.details };
  return { message: error.message, stack: error.stack };
}

function reviveError(error: SerializedError, task: string): Error {
  if (error.code === 'VALIDATION_FAILED') return new ValidationError(error.message, error.fields ?? {});
  if (error.code !== undefined) return new AppError(error.code, error.message, { details: error.details });
  const revived = new Error(`${task} task failed: ${error.message}`);
  if (error.stack) revived.stack = `${revived.message}\n(worker) ${error.stack}`;
  return revived;
}

// Under tsx (tests, development) the worker is the TypeScript source; in the bundle it is
// the .mjs that scripts/build.mjs writes beside the bundle's other files.
const IS_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(IS_SOURCE ? './work-thread.ts' : './work-thread.mjs', import.meta.url);

/** In source mode a worker does not inherit tsx's loader, so it registers it first. */
function startWorker(workerData: WorkerData): Worker {
  if (!IS_SOURCE) return new Worker(WORKER_URL, { workerData });
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** What a worker throws arrives cloned: a driver's error class may come as a plain object. */
function threadError(error: unknown): Error {
  if (error instanceof Error) return error;
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return new Error(`work thread failed: ${[code, message].filter((part) => typeof part === 'string').join(' ') || String(error)}`);
}

interface Job {
  id: number;
  task: TaskName;
  input: unknown;
  timeoutMs: number;
  startedAt?: number;
  resolve: (output: never) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  isReady: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
}

export function threadPool(options: ThreadPoolOptions): ThreadPool {
  const size = options.size ?? DEFAULT_POOL_SIZE;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const queueLimit = options.queueLimit ?? DEFAULT_QUEUE_LIMIT;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  /** Moving average of how long each task ran, for the expected wait (0 until one has). */
  const averageRunMs = new Map<TaskName, number>();
  const costOf = (task: TaskName) => averageRunMs.get(task) ?? 0;
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const queue: Job[] = [];
  let slots: Slot[] = [];
  let nextId = 0;
  let isClosed = false;

  function spawn(): Slot {
    const slot: Slot = {
      worker: startWorker({ database: options.database, extraTasksUrl: options.extraTasksUrl, hasTaskTable: options.hasTaskTable ?? true }),
      isReady: false,
    };
    slot.worker.on('message', (message: WorkerMessage) => onMessage(slot, message));
    slot.worker.on('error', (error) => retire(slot, threadError(error)));
    slot.worker.on('exit', (code) => retire(slot, new Error(`work thread exited with code ${code}`)));
    return slot;
  }

  function onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.kind === 'ready') {
      slot.isReady = true;
      return dispatch();
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    recordRun(job.task, performance.now() - job.startedAt!);
    if (message.kind === 'done') job.resolve(message.output as never);
    else job.reject(reviveError(message.error, job.task));
    dispatch();
  }

  /** A worker that crashed, exited or was stopped: its task fails and a fresh worker takes its place. */
  function retire(slot: Slot, error: unknown): void {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    const wasReady = slot.isReady;
    slot.job?.reject(error);
    void slot.worker.terminate();
    if (isClosed) return;
    if (!wasReady) {
      // A worker that cannot even start (unreadable database) would fail again at once:
      // unless another worker is up, refuse what waits instead of restarting in a loop; the
      // next run() tries again.
      slots.splice(index, 1);
      if (!slots.some((other) => other.isReady)) for (const job of queue.splice(0)) job.reject(error);
      return;
    }
    slots[index] = spawn();
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (!slot.isReady || slot.job) continue;
      if (queue.length === 0) {
        stopWhenIdle(slot);
        continue;
      }
      clearTimeout(slot.idleTimer);
      slot.idleTimer = undefined;
      const job = queue.shift()!;
      job.startedAt = performance.now();
      slot.job = job;
      slot.timer = setTimeout(() => {
        const timedOut = slot.job;
        slot.job = undefined;
        recordRun(job.task, job.timeoutMs);
        timedOut?.reject(new WorkTimeoutError(job.task, job.timeoutMs));
        retire(slot, undefined);
      }, job.timeoutMs);
      slot.worker.postMessage({ id: job.id, task: job.task, input: job.input });
    }
  }

  /** A free thread stops after idleMs unless a task reaches it first; the next task that finds none free starts one. */
  function stopWhenIdle(slot: Slot): void {
    if (idleMs === 0 || slot.idleTimer) return;
    slot.idleTimer = setTimeout(() => {
      if (slot.job) return;
      // Out of the list before terminate(): its 'exit' then finds no slot and starts no replacement.
      slots = slots.filter((other) => other !== slot);
      void slot.worker.terminate();
    }, idleMs);
    // An idle thread's timer must not keep a process alive that has nothing else to do.
    slot.idleTimer.unref();
  }

  function recordRun(task: TaskName, ms: number): void {
    const average = averageRunMs.get(task);
    averageRunMs.set(task, average === undefined ? ms : average * 0.8 + ms * 0.2);
  }

  /**
   * When a new task would start: each running task takes its average (whatever it has already
   * run: a cautious guess), and the queue goes, in order, to whichever worker frees first. So
   * a long PDF on one worker does not hold up searches that the other worker will take.
   */
  function expectedWaitMs(): number {
    const freeAt = slots.map((slot) => (slot.job ? costOf(slot.job.task) : 0));
    for (const job of queue) {
      const first = freeAt.indexOf(Math.min(...freeAt));
      freeAt[first]! += costOf(job.task);
    }
    return Math.min(...freeAt);
  }

  /**
   * A worker without a task (or one still starting) takes a new task at once; beyond those,
   * at most queueLimit wait, and only while the expected wait stays under maxWaitMs.
   */
  function isFull(): boolean {
    const free = slots.filter((slot) => !slot.job).length;
    if (queue.length < free) return false;
    return queue.length >= queueLimit + free || expectedWaitMs() > maxWaitMs;
  }

  /** One more thread when every thread (running or starting) already has a task or a waiting one to take. */
  function grow(): void {
    const free = slots.filter((slot) => !slot.job).length;
    if (queue.length >= free && slots.length < size) slots.push(spawn());
  }

  // Threads start with the tasks that need them: a process that never searches never pays their memory.
  return {
    get threadCount() {
      return slots.length;
    },
    run(task, input, runOptions = {}) {
      if (isClosed) return Promise.reject(new Error('the work pool is closed'));
      grow();
      if (isFull()) return Promise.reject(new ServerBusyError());
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, task, input, timeoutMs: runOptions.timeoutMs ?? defaultTimeoutMs, resolve, reject });
        dispatch();
      });
    },
    async close() {
      isClosed = true;
      const closing = slots;
      slots = [];
      const error = new Error('the work pool is closed');
      for (const job of queue.splice(0)) job.reject(error);
      for (const slot of closing) {
        clearTimeout(slot.timer);
        clearTimeout(slot.idleTimer);
        slot.job?.reject(error);
      }
      await Promise.all(closing.map((slot) => slot.worker.terminate()));
    },
  };
}
