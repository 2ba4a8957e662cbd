// A worker thread of the work pool (work-pool.ts): opens its own connection to the site's
// database once (store/read-only-database.ts: SQLite read-only, or a small PostgreSQL pool), then runs the tasks it is sent and posts back each output or
// the error it threw. scripts/build.mjs bundles this file as its own entry.
import { parentPort, workerData } from 'node:worker_threads';
import type { OpenOptions } from '../../store/database.js';
import { openWorkerDatabase } from '../../store/read-only-database.js';
import { runTask, type TaskEnv, type TaskName } from './tasks.js';
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
    return await openWorkerDatabase(database);
  } catch (error) {
    const name = 'file' in database ? database.file : 'PostgreSQL';
    throw new Error(`cannot open the database ${name}: ${(error as Error).message}`, { cause: error });
  }
}

const data = workerData as WorkerData;
const port = parentPort!;
const env: TaskEnv = { db: await openDatabaseOrSay(data.database) };
const extra: Record<string, Handler> = data.extraTasksUrl ? (await import(data.extraTasksUrl)).TASKS : {};
const post = (message: WorkerMessage) => port.postMessage(message);

port.on('message', (request: Request) => {
  const handler = extra[request.task];
  (handler ? handler(request.input, env) : runTask(request.task, request.input, env)).then(
    (output) => post({ kind: 'done', id: request.id, output }),
    (error: unknown) => post({ kind: 'failed', id: request.id, error: serializeError(error) }),
  );
});
post({ kind: 'ready' });
