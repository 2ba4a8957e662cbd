// Asking again who is there before a change that weakens or replaces a second factor
// (removing one, new recovery codes): the password, or a current authenticator-app code.
// Counted on the account's login throttle first, so a borrowed session cannot be used to
// guess the password at argon2's pace.
import { ValidationError } from '../../../domain/errors.js';
import { ACCOUNT_BACKOFF } from '../../../domain/login-backoff.js';
import { isTotpCodeShape, normalizeTotpCode } from '../../../domain/two-factor.js';
import type { Actor } from '../../../domain/user.js';
import type { Db } from '../../../store/database.js';
import { giveBackAttempt, reserveAttempts } from '../../../store/login-throttle.js';
import { claimTotpStep, findTotpFactor } from '../../../store/second-factors.js';
import { getPasswordHash } from '../../../store/users.js';
import { accountThrottleKey } from '../log-in.js';
import { verifyPassword } from '../password-hashing.js';
import { openSecret } from './secret-box.js';
import { matchingTotpStep } from './totp-code.js';

const WRONG = 'パスワード(または認証アプリの確認コード)が正しくありません。';

/**
 * @param proof the password, or (when `isCodeAccepted`) a 6-digit code, which is spent.
 * @throws ValidationError (field `proof`) when it is wrong.
 */
export async function confirmIdentity(db: Db, actor: Actor, proof: string, now: Date, options: { isCodeAccepted: boolean }): Promise<void> {
  if (proof === '') throw new ValidationError('the password is required', { proof: 'パスワードを入力してください。' });
  const reservation = await reserveAttempts(db, [[accountThrottleKey(actor.login), ACCOUNT_BACKOFF]], now);
  if (!reservation.isAllowed) {
    const seconds = Math.ceil(reservation.retryAfterMs / 1000);
    throw new ValidationError('too many wrong passwords; try again later', { proof: `間違いが続いたため、${seconds}秒ほど待ってからもう一度お試しください。` });
  }
  const giveBack = () =>
    db.transaction().execute(async (trx) => {
      for (const attempt of reservation.reserved) await giveBackAttempt(trx, attempt);
    });
  const code = normalizeTotpCode(proof);
  if (options.isCodeAccepted && isTotpCodeShape(code)) {
    const factor = await findTotpFactor(db, actor.userId);
    if (factor?.enabledAt !== undefined) {
      const step = matchingTotpStep(await openSecret(db, actor.userId, factor.secretBox, now.toISOString()), code, now);
      if (step !== undefined && (await claimTotpStep(db, actor.userId, step, {}))) return giveBack();
    }
  }
  if (!(await verifyPassword(await getPasswordHash(db, actor.userId), proof))) throw new ValidationError('the password is wrong', { proof: WRONG });
  await giveBack();
}
