// Serialising writers on named keys (a login throttle key, a report to publish) for a
// read-then-write transaction. SQLite has one writer at a time: a transaction whose first
// statement is a write holds the database until it commits, so nothing is needed there.
// PostgreSQL runs transactions side by side (READ COMMITTED): there each key takes a
// transaction-scoped advisory lock, in sorted order so two transactions never wait on each
// other crosswise, and the statements after it see what the previous holder committed.
// Call it first in the transaction; the locks end with it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import { engineOf } from './engine.js';

export async function lockKeys(trx: Kysely<Database>, namespace: string, keys: string[]): Promise<void> {
  if (engineOf(trx) !== 'postgres') return;
  for (const key of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtext(${`${namespace}:${key}`}))`.execute(trx);
  }
}
