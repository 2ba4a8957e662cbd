// Second-factor attempts are throttled like passwords, through the same reservation
// (store/login-throttle.ts): one attempt is counted on the client's address and, once a
// password has named the user, on the user's key ('2fa:<id>') before any code or signature
// is checked, so a burst of guesses cannot all be checked before the count catches up.
import { IP_BACKOFF, type BackoffPolicy } from '../../../domain/login-backoff.js';
import { SECOND_FACTOR_BACKOFF, secondFactorThrottleKey } from '../../../domain/two-factor.js';
import type { Db } from '../../../store/database.js';
import { clearThrottle, giveBackAttempt, reserveAttempts, type AttemptReservation } from '../../../store/login-throttle.js';
import { ipThrottleKey } from '../log-in.js';

export async function reserveSecondFactorAttempt(db: Db, userId: number | undefined, ip: string, now: Date): Promise<AttemptReservation> {
  const keys: [string, BackoffPolicy][] = [[ipThrottleKey(ip), IP_BACKOFF]];
  if (userId !== undefined) keys.push([secondFactorThrottleKey(userId), SECOND_FACTOR_BACKOFF]);
  return reserveAttempts(db, keys, now);
}

/** After a success: the address's attempt is given back and the user's run of failures ends. */
export async function settleSecondFactorSuccess(trx: Db, reservation: AttemptReservation, userId: number): Promise<void> {
  if (reservation.isAllowed) {
    for (const attempt of reservation.reserved) if (attempt.key.startsWith('ip:')) await giveBackAttempt(trx, attempt);
  }
  await clearThrottle(trx, secondFactorThrottleKey(userId));
}

/** Lifts the user's second-factor block (after a reset). */
export async function clearSecondFactorThrottle(trx: Db, userId: number): Promise<void> {
  await clearThrottle(trx, secondFactorThrottleKey(userId));
}
