// Failed-login counters per key ('ip:203.0.113.5', 'login:yamada'), in the database so
// that every server process sees the same counts and blocks.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from './database.js';

type Q = Kysely<Database>;

export interface ThrottleState {
  key: string;
  failures: number;
  lastFailureAt: string;
  blockedUntil: string;
}

export async function findThrottles(db: Q, keys: string[]): Promise<ThrottleState[]> {
  if (keys.length === 0) return [];
  const rows = await db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
  return rows.map((r) => ({ key: r.key, failures: r.failures, lastFailureAt: r.last_failure_at, blockedUntil: r.blocked_until }));
}

/**
 * Counts one more failure for `key` and returns the new count; a count whose last failure
 * is older than `forgetBeforeIso` starts again at 1. One statement, so two processes
 * counting at once both count.
 */
export async function addFailure(trx: Q, key: string, nowIso: string, forgetBeforeIso: string): Promise<number> {
  const row = await trx
    .insertInto('login_throttle')
    .values({ key, failures: 1, last_failure_at: nowIso, blocked_until: nowIso })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when login_throttle.last_failure_at < ${forgetBeforeIso} then 1 else login_throttle.failures + 1 end`,
        last_failure_at: nowIso,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function setBlockedUntil(trx: Q, key: string, blockedUntilIso: string): Promise<void> {
  await trx.updateTable('login_throttle').set({ blocked_until: blockedUntilIso }).where('key', '=', key).execute();
}

export async function clearThrottle(trx: Q, key: string): Promise<void> {
  await trx.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Drops counters nobody has failed on since `beforeIso`, so the table stays small. */
export async function deleteStaleThrottles(trx: Q, beforeIso: string): Promise<void> {
  await trx.deleteFrom('login_throttle').where('last_failure_at', '<', beforeIso).where('blocked_until', '<', beforeIso).execute();
}
