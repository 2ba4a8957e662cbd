// Attempt counters per key ('ip:203.0.113.5', 'login:yamada', '2fa:7'), in the database so
// that every server process sees the same counts and blocks. An attempt is reserved (counted
// as if it failed) before the slow check runs, so a burst cannot slip past the count.
import { blockMs, type BackoffPolicy } from '../domain/login-backoff.js';
import type { Kysely } from 'kysely';
import type { Database, Db } from './database.js';
import { lockKeys } from './dialects/lock-keys.js';

type Q = Kysely<Database>;

export interface ThrottleState {
  key: string;
  /** Attempts that failed or are still being checked, since the count last restarted. */
  failures: number;
  lastFailureAt: string;
  blockedUntil: string;
}

/** One reserved attempt on one key: what giveBackAttempt needs to undo it exactly. */
export interface ReservedAttempt {
  key: string;
  /** The block this attempt set (equal to previousBlockedUntil when it set none). */
  blockedUntil: string;
  previousBlockedUntil: string;
}

export type AttemptReservation = { isAllowed: true; retryAfterMs: 0; reserved: ReservedAttempt[] } | { isAllowed: false; retryAfterMs: number; blockedKeys: string[] };

/** Counters untouched for this long are deleted, so the table stays small. */
const STALE_AFTER_MS = 24 * 60 * 60_000;

/**
 * Reserves one attempt on every key at once, or on none: if any key is blocked at `now`,
 * nothing is counted and the answer says which keys are blocked and how long the longest
 * block still lasts. Otherwise
 * each key's count goes up by one (restarting at 1 after its policy's quiet period) and the
 * key is blocked for `blockMs(count)` from now, so the attempts after it wait even while
 * this one is still being checked. The caller keeps the reservation when the check fails,
 * and on success gives it back (giveBackAttempt) or clears the key (clearThrottle).
 *
 * Runs its own write transaction; the stale-row delete is its first statement on purpose:
 * it is a write, so SQLite takes the write lock before anything is read and no other
 * process can count between our read and our write. (A transaction that read first could
 * fail with SQLITE_BUSY when it tries to write.) Within one process Kysely runs one
 * transaction at a time on its single connection. On PostgreSQL the keys are locked first
 * (dialects/lock-keys.ts), which serialises attempts on the same keys across processes too.
 */
export async function reserveAttempts(db: Db, keys: [string, BackoffPolicy][], now: Date): Promise<AttemptReservation> {
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await lockKeys(
      trx,
      'login_throttle',
      keys.map(([key]) => key),
    );
    await deleteStaleThrottles(trx, new Date(nowMs - STALE_AFTER_MS).toISOString());
    const states = new Map(
      (
        await findThrottles(
          trx,
          keys.map(([key]) => key),
        )
      ).map((s) => [s.key, s]),
    );
    const blocked = [...states.values()].filter((s) => Date.parse(s.blockedUntil) > nowMs);
    if (blocked.length > 0) {
      const retryAfterMs = Math.max(...blocked.map((s) => Date.parse(s.blockedUntil) - nowMs));
      return { isAllowed: false, retryAfterMs, blockedKeys: blocked.map((s) => s.key) };
    }

    const reserved: ReservedAttempt[] = [];
    for (const [key, policy] of keys) {
      const state = states.get(key);
      const isForgotten = !state || Date.parse(state.lastFailureAt) < nowMs - policy.forgetAfterMs;
      const failures = isForgotten ? 1 : state.failures + 1;
      const previousBlockedUntil = state?.blockedUntil ?? nowIso;
      const ms = blockMs(failures, policy);
      const blockedUntil = ms > 0 ? new Date(nowMs + ms).toISOString() : previousBlockedUntil;
      await trx
        .insertInto('login_throttle')
        .values({ key, failures, last_failure_at: nowIso, blocked_until: blockedUntil })
        .onConflict((oc) => oc.column('key').doUpdateSet({ failures, last_failure_at: nowIso, blocked_until: blockedUntil }))
        .execute();
      reserved.push({ key, blockedUntil, previousBlockedUntil });
    }
    return { isAllowed: true, retryAfterMs: 0, reserved };
  });
}

/**
 * Undoes one reserved attempt after it succeeded: the count goes down by one, and the block
 * it set is lifted again unless a later attempt has since set its own (that one stays,
 * counted as it was).
 */
export async function giveBackAttempt(trx: Q, attempt: ReservedAttempt): Promise<void> {
  await trx
    .updateTable('login_throttle')
    .set((eb) => ({
      failures: eb
        .case()
        .when('failures', '>', 0)
        .then(eb('failures', '-', 1))
        .else(0)
        .end(),
      blocked_until: eb.case().when('blocked_until', '=', attempt.blockedUntil).then(attempt.previousBlockedUntil).else(eb.ref('blocked_until')).end(),
    }))
    .where('key', '=', attempt.key)
    .execute();
}

export async function findThrottles(db: Q, keys: string[]): Promise<ThrottleState[]> {
  if (keys.length === 0) return [];
  const rows = await db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
  return rows.map((r) => ({ key: r.key, failures: r.failures, lastFailureAt: r.last_failure_at, blockedUntil: r.blocked_until }));
}

/** Forgets every attempt on `key` (a successful login clears its account's count). */
export async function clearThrottle(trx: Q, key: string): Promise<void> {
  await trx.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Drops counters nobody has tried since `beforeIso` and that block nothing any more. */
export async function deleteStaleThrottles(trx: Q, beforeIso: string): Promise<void> {
  await trx.deleteFrom('login_throttle').where('last_failure_at', '<', beforeIso).where('blocked_until', '<', beforeIso).execute();
}
