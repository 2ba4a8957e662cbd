// Values every public page reads the same way (the settings and menu of the frame, the
// archive counts, each list's total), computed once per content version instead of once
// per page: the server's cache misses and the static build's 13,000 pages share them.
// The content version (store/site-state.ts) is bumped by every write transaction, which
// is what the server's page cache relies on too.
import type { Db } from '../store/database.js';
import { getContentVersion } from '../store/site-state.js';

/** Distinct keys kept per version (one per list total); past it, the memo starts afresh. */
const MAX_ENTRIES = 2_000;

const memos = new WeakMap<Db, { version: number; values: Map<string, Promise<unknown>> }>();
const pinnedVersions = new WeakMap<Db, number>();

/**
 * Runs `work` with every memo of `db` kept under one content version, read once at the start
 * instead of at each memo (a page reads three or four: the frame, the archive, the list, the
 * summaries). Only for a connection nobody else reads meanwhile (a page thread's, for one
 * chunk of a static build): a write during `work` is seen by the next call, not by `work`.
 */
export async function atOneContentVersion<T>(db: Db, work: () => Promise<T>): Promise<T> {
  pinnedVersions.set(db, await getContentVersion(db));
  try {
    return await work();
  } finally {
    pinnedVersions.delete(db);
  }
}

/**
 * `compute()`'s value for `key` at the current content version; computed at most once
 * while the version stands. The version is read before computing, so a value is never
 * older than the version it is kept under. A failed computation is not kept.
 */
export async function memoByContentVersion<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const pinned = pinnedVersions.get(db);
  const version = pinned !== undefined ? pinned : await getContentVersion(db);
  let memo = memos.get(db);
  if (memo === undefined || memo.version !== version) {
    memo = { version, values: new Map() };
    memos.set(db, memo);
  }
  const known = memo.values.get(key) as Promise<T> | undefined;
  if (known !== undefined) return known;
  if (memo.values.size >= MAX_ENTRIES) memo.values.clear();
  const value = compute();
  const values = memo.values;
  values.set(key, value);
  value.catch(() => values.get(key) === value && values.delete(key));
  return value;
}
