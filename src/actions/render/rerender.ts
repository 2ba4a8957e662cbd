// Re-rendering every report and page whose stored rendering came from an older renderer
// (render_version < RENDER_VERSION, issue 11): in the background at start (`katsudo serve`)
// and by `katsudo rerender`. Batches of ids are rendered in the work pool (worker threads under
// serve, so pages keep being served; inline in the CLI), then written in one transaction per
// batch with their search entries and a content-version bump, which makes every process's
// page cache drop what it holds. The next batch renders while this one is written.
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { ServerBusyError } from '../../domain/errors.js';
import type { ItemKind } from '../../domain/item-ref.js';
import { countStale, listStale, RENDERED_KINDS } from '../../store/render-versions.js';
import { deferIndexing, writeDeferredIndex } from '../../store/search.js';
import { mergeIndexStep, pauseAutomerge, restoreAutomerge } from '../../store/search-merge.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';
import { applyRerendered, type RerenderedBody } from './render-stored-bodies.js';

/**
 * Items per work task and per write transaction. Small on purpose: a write transaction holds
 * the connection and, Kysely's better-sqlite3 calls chaining as microtasks, the event loop too,
 * so 200 at a time stalled pages for 0.4–0.9 s on a loaded machine (docs/performance.md
 * "Re-rendering"); and a short task keeps the pool's wait estimate low for searches.
 */
export const RERENDER_BATCH = 25;
/** A full pool (ServerBusyError) is waited out: re-rendering yields to requests. */
const BUSY_RETRY_MS = 250;
/**
 * The search indexes are merged by re-rendering itself, automerge being off for the run
 * (store/search-merge.ts): after each written batch, up to MERGE_STEPS_PER_BATCH steps of
 * MERGE_PAGES pages, each its own transaction with a turn of the event loop between them;
 * at the end, steps until nothing is left to merge (stopped at MERGE_STEPS_MAX).
 */
const MERGE_PAGES = 32;
const MERGE_STEPS_PER_BATCH = 4;
const MERGE_STEPS_MAX = 100_000;

export interface RerenderProgress {
  /** Stale items looked at so far, and how many there were at the start. */
  done: number;
  total: number;
  rerendered: number;
  failed: number;
}

export interface RerenderOptions {
  batchSize?: number;
  /** Called after each batch. */
  onProgress?: (progress: RerenderProgress) => void;
  /** An item that could not be rendered or written: it stays stale and is tried again at the next run. */
  onError?: (error: unknown, item: { kind: ItemKind; id: number }) => void;
  /** Stops between batches (the server is stopping). */
  signal?: AbortSignal;
}

export interface RerenderResult extends RerenderProgress {
  /** Rendered again, by kind. */
  reports: number;
  pages: number;
  /** Saved (or re-rendered elsewhere) between reading and writing: left to that write. */
  skipped: number;
}

type Fail = (error: unknown, kind: ItemKind, id: number) => void;

export async function rerenderStale(ctx: ActionContext, options: RerenderOptions = {}): Promise<RerenderResult> {
  const batchSize = options.batchSize ?? RERENDER_BATCH;
  const result: RerenderResult = { done: 0, total: 0, rerendered: 0, failed: 0, reports: 0, pages: 0, skipped: 0 };
  for (const kind of RENDERED_KINDS) result.total += await countStale(ctx.db, kind);
  if (result.total === 0) return result;
  const automerge = await pauseAutomerge(ctx.db);
  try {
    await rerenderAll(ctx, options, batchSize, result);
    if (!options.signal?.aborted) await mergeIndex(ctx, MERGE_STEPS_MAX);
  } finally {
    await restoreAutomerge(ctx.db, automerge);
  }
  return result;
}

async function rerenderAll(ctx: ActionContext, options: RerenderOptions, batchSize: number, result: RerenderResult): Promise<void> {
  const fail: Fail = (error, kind, id) => {
    result.failed++;
    options.onError?.(error, { kind, id });
  };
  for (const kind of RENDERED_KINDS) {
    // Failed items stay stale: the cursor moves past them, so a run always ends.
    let batch = await listStale(ctx.db, kind, undefined, batchSize);
    let rendering = renderBatch(
      ctx,
      kind,
      batch.map((b) => b.id),
      fail,
    );
    while (batch.length > 0) {
      const items = await rendering;
      if (options.signal?.aborted) return;
      const next = await listStale(ctx.db, kind, batch[batch.length - 1], batchSize);
      rendering = renderBatch(
        ctx,
        kind,
        next.map((b) => b.id),
        fail,
      );
      const { written, skipped } = await writeBatch(ctx, kind, items, fail);
      result[kind === 'report' ? 'reports' : 'pages'] += written;
      result.rerendered += written;
      result.skipped += skipped;
      result.done += batch.length;
      options.onProgress?.({ done: result.done, total: result.total, rerendered: result.rerendered, failed: result.failed });
      if (written > 0) await mergeIndex(ctx, MERGE_STEPS_PER_BATCH);
      batch = next;
    }
  }
}

/** Bounded merge steps until nothing is left to merge or `maxSteps` were taken, yielding between them. */
async function mergeIndex(ctx: ActionContext, maxSteps: number): Promise<void> {
  for (let step = 0; step < maxSteps; step++) {
    await nextTurn();
    if (!(await mergeIndexStep(ctx.db, MERGE_PAGES))) return;
  }
}

/** Never rejects: an item that cannot be rendered is reported to `fail` and left out. */
async function renderBatch(ctx: ActionContext, kind: ItemKind, ids: number[], fail: Fail): Promise<RerenderedBody[]> {
  if (ids.length === 0) return [];
  try {
    return await renderInPool(ctx, kind, ids);
  } catch {
    // One body that cannot be rendered (or not in the task's time) must not hold back the others.
    const items: RerenderedBody[] = [];
    for (const id of ids) {
      try {
        items.push(...(await renderInPool(ctx, kind, [id])));
      } catch (error) {
        fail(error, kind, id);
      }
    }
    return items;
  }
}

async function renderInPool(ctx: ActionContext, kind: ItemKind, ids: number[]): Promise<RerenderedBody[]> {
  for (;;) {
    try {
      return await ctx.work.run('renderStored', { kind, ids });
    } catch (error) {
      if (!(error instanceof ServerBusyError)) throw error;
      await sleep(BUSY_RETRY_MS);
    }
  }
}

/**
 * One transaction for the batch. If it fails, the items are written one per transaction,
 * so one item that cannot be written holds back only itself; a failed transaction leaves
 * its items as they were (body and search entry alike).
 */
async function writeBatch(ctx: ActionContext, kind: ItemKind, items: RerenderedBody[], fail: Fail): Promise<{ written: number; skipped: number }> {
  if (items.length === 0) return { written: 0, skipped: 0 };
  try {
    const written = await ctx.db.transaction().execute(async (trx) => {
      // The batch's search rows go in together at its end: FTS5 then flushes once per batch.
      deferIndexing(trx);
      let count = 0;
      for (const item of items) if (await applyRerendered(trx, kind, item)) count++;
      await writeDeferredIndex(trx);
      if (count > 0) await bumpContentVersion(trx);
      return count;
    });
    return { written, skipped: items.length - written };
  } catch (error) {
    if (items.length === 1) {
      fail(error, kind, items[0]!.stored.id);
      return { written: 0, skipped: 0 };
    }
    const total = { written: 0, skipped: 0 };
    for (const item of items) {
      const one = await writeBatch(ctx, kind, [item], fail);
      total.written += one.written;
      total.skipped += one.skipped;
    }
    return total;
  }
}
