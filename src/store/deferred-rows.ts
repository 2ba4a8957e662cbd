// Rows a transaction holds back to write together at its end (an import's batch of items):
// each kind of row is then one multi-row statement per batch instead of one per item, a round
// trip each on PostgreSQL. A store module owns each kind (audit entries, revisions, tags…) and
// writes it the same way whether deferred or not.
//
// Contract: deferRows(trx) starts holding back; a writer calls `kind.note(trx, row)` and
// writes the row itself when it returns false. deferredRowsMark / restoreDeferredRows take
// back the rows noted since a savepoint that is rolled back. writeDeferredRows(trx) writes
// every kind in the order it was first noted and stops holding back. Nothing noted may be
// read back before that: readers in the same transaction do not see held rows.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

type Q = Kysely<Database>;

/** One kind of row that can be held back, with the writer of many such rows at once. */
export class DeferredRows<T> {
  constructor(private readonly writeAll: (trx: Q, rows: T[]) => Promise<void>) {}

  /** Holds the row back when `trx` defers its rows (true); false: the caller writes it now. */
  note(trx: Q, row: T): boolean {
    const held = pending.get(trx);
    if (!held) return false;
    let rows = held.get(this as DeferredRows<unknown>);
    if (!rows) held.set(this as DeferredRows<unknown>, (rows = []));
    rows.push(row);
    return true;
  }

  /** Writes the rows in slices (parameters are limited: 32,766 on SQLite, 65,535 on PostgreSQL). */
  async write(trx: Q, rows: T[]): Promise<void> {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) await this.writeAll(trx, rows.slice(start, start + ROWS_PER_STATEMENT));
  }
}

/** Rows (or records, for kinds that span tables) per statement: an import's batch is 200 items. */
const ROWS_PER_STATEMENT = 200;

const pending = new WeakMap<object, Map<DeferredRows<unknown>, unknown[]>>();

/** From now on the rows of every DeferredRows kind noted in `trx` are held back. */
export function deferRows(trx: Q): void {
  if (!pending.has(trx)) pending.set(trx, new Map());
}

/** How many rows of each kind are held now, for restoreDeferredRows. */
export function deferredRowsMark(trx: Q): Map<DeferredRows<unknown>, number> | undefined {
  const held = pending.get(trx);
  return held ? new Map([...held].map(([kind, rows]) => [kind, rows.length])) : undefined;
}

/** Drops the rows noted since `mark` (their savepoint was rolled back). */
export function restoreDeferredRows(trx: Q, mark: Map<DeferredRows<unknown>, number> | undefined): void {
  const held = pending.get(trx);
  if (!held || !mark) return;
  for (const [kind, rows] of held) rows.length = mark.get(kind) ?? 0;
}

/** Writes the held rows, kind by kind, and stops holding back in `trx`. */
export async function writeDeferredRows(trx: Q): Promise<void> {
  const held = pending.get(trx);
  if (!held) return;
  pending.delete(trx);
  for (const [kind, rows] of held) if (rows.length > 0) await kind.write(trx, rows);
}
