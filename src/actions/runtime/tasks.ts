// The work a pool can run (actions/runtime/work-pool.ts): a task name → its handler. A
// handler gets structured-clonable input and returns structured-clonable output; it runs on
// a worker thread (thread pool) or on the caller's thread (inline pool), with `env.db` a
// connection to the site's database (read-only on a worker: tasks never write).
//
// To add a task, write its handler where its use case lives and add one line to TASKS;
// TaskName, TaskInput and TaskOutput follow from the handler's types.
import type { Db } from '../../store/database.js';
import type { ItemKind } from '../../domain/item-ref.js';
import { previewBody } from '../render/preview-body.js';
import { renderStoredBodies } from '../render/render-stored-bodies.js';
import { searchPages, type PageSearchRequest } from '../search/search-pages.js';
import { searchReports, type SearchRequest } from '../search/search-reports.js';
import { inspectPdf, type PdfLimits } from '../media/inspect-pdf.js';

export interface TaskEnv {
  db: Db;
}

export const TASKS = {
  search: (input: SearchRequest, env: TaskEnv) => searchReports(env.db, input),
  searchPages: (input: PageSearchRequest, env: TaskEnv) => searchPages(env.db, input),
  preview: (input: { bodySource: string }, env: TaskEnv) => previewBody(env.db, input.bodySource),
  /**
   * The live preview's urlencoded form as it arrived: decoding 1.7 MB of %E3%81%82 takes
   * 20–50 ms, done here rather than on the main thread (issue 9).
   */
  previewForm: (input: { form: Uint8Array }, env: TaskEnv) =>
    previewBody(env.db, new URLSearchParams(Buffer.from(input.form.buffer, input.form.byteOffset, input.form.byteLength).toString('utf8')).get('bodySource') ?? ''),
  /** Stored bodies rendered again (actions/render/rerender.ts); the caller writes them. */
  renderStored: (input: { kind: ItemKind; ids: number[] }, env: TaskEnv) => renderStoredBodies(env.db, input),
  pdf: async (input: { bytes: Uint8Array; limits: PdfLimits }) => inspectPdf(input.bytes, input.limits),
} satisfies Record<string, (input: never, env: TaskEnv) => Promise<unknown>>;

export type TaskName = keyof typeof TASKS;
export type TaskInput<K extends TaskName> = Parameters<(typeof TASKS)[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<(typeof TASKS)[K]>>;

/** Runs a task's handler on this thread. */
export function runTask<K extends TaskName>(task: K, input: TaskInput<K>, env: TaskEnv): Promise<TaskOutput<K>> {
  const handler = TASKS[task] as (input: TaskInput<K>, env: TaskEnv) => Promise<TaskOutput<K>>;
  if (typeof handler !== 'function') throw new Error(`unknown work task: ${String(task)}`);
  return handler(input, env);
}
