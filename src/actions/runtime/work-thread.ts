// A worker thread of the work pool (work-pool.ts): opens its own connection to the site's
// database once (store/read-only-database.ts: SQLite read-only, or a small PostgreSQL pool), then runs the tasks it is sent and posts back each output or
// the error it threw. A thread of a batch pool (batch-pool.ts) loads only its extra tasks and
// opens the database only when given one: the task table and the database driver are loaded
// on demand, not imported here. scripts/build.mjs bundles this file as its own entry.
import { parentPort, workerData } from 'node:worker_threads';
import type { Db, OpenOptions } from '../../store/database.js';
import type { TaskEnv, TaskName } from './tasks.js';
import { serializeError, type WorkerData, type WorkerMessage } from './work-pool.js';

interface Request {
  id: number;
  task: TaskName;
  input: never;
}

type Handler = (input: never, env: TaskEnv) => Promise<unknown>;

/** better-sqlite3's errors reach the pool as { code } alone: say which database could not be opened. */
async function openDatabaseOrSay(database: OpenOptions): Promise<TaskEnv['db']> {
  try {
    const { openWorkerDatabase } = await import('../../store/read-only-database.js');
    return await openWorkerDatabase(database);
  } catch (error) {
    const name = 'file' in database ? database.file : 'PostgreSQL';
    throw new Error(`cannot open the database ${name}: ${(error as Error).message}`, { cause: error });
  }
}

/** The env of a thread started without a database: its tasks read none, and one that tries is a bug. */
const NO_DATABASE: TaskEnv = {
  get db(): Db {
    throw new Error('this work thread has no database (its pool was started without one)');
  },
};

const data = workerData as WorkerData;
const port = parentPort!;
const env: TaskEnv = data.database ? { db: await openDatabaseOrSay(data.database) } : NO_DATABASE;
const extra: Record<string, Handler> = data.extraTasksUrl ? (await import(data.extraTasksUrl)).TASKS : {};
const table = data.hasTaskTable ? await import('./tasks.js') : undefined;
const post = (message: WorkerMessage) => port.postMessage(message);

function run(request: Request): Promise<unknown> {
  const handler = extra[request.task];
  if (handler) return handler(request.input, env);
  if (!table) return Promise.reject(new Error(`unknown work task: ${String(request.task)} (this pool's threads run only their extra tasks)`));
  return table.runTask(request.task, request.input, env);
}

port.on('message', (request: Request) => {
  run(request).then(
    (output) => post({ kind: 'done', id: request.id, output }),
    (error: unknown) => post({ kind: 'failed', id: request.id, error: serializeError(error) }),
  );
});
post({ kind: 'ready' });
