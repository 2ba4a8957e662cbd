// A worker thread of the work pool (work-pool.ts): opens its own read-only connection to
// the site's database once, then runs the tasks it is sent and posts back each output or
// the error it threw. scripts/build.mjs bundles this file as its own entry.
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDatabase } from '../../store/read-only-database.js';
import { runTask, type TaskEnv, type TaskName } from './tasks.js';
import { serializeError, type WorkerData, type WorkerMessage } from './work-pool.js';

interface Request {
  id: number;
  task: TaskName;
  input: never;
}

type Handler = (input: never, env: TaskEnv) => Promise<unknown>;

/** better-sqlite3's errors reach the pool as { code } alone: say which file could not be opened. */
function openDatabaseOrSay(file: string): TaskEnv['db'] {
  try {
    return openReadOnlyDatabase(file);
  } catch (error) {
    throw new Error(`cannot open the database ${file}: ${(error as Error).message}`, { cause: error });
  }
}

const data = workerData as WorkerData;
const port = parentPort!;
const env: TaskEnv = { db: openDatabaseOrSay(data.dbFile) };
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
