// Asking again who is there before a change that weakens or replaces a second factor
// (removing one, new recovery codes): the password, or a current authenticator-app code.
import { ValidationError } from '../../domain/errors.js';
import { isTotpCodeShape, normalizeTotpCode } from '../../domain/two-factor.js';
import type { Actor } from '../../domain/user.js';
import type { Db } from '../../store/database.js';
import { claimTotpStep, findTotpFactor } from '../../store/second-factors.js';
import { getPasswordHash } from '../../store/users.js';
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
  const code = normalizeTotpCode(proof);
  if (options.isCodeAccepted && isTotpCodeShape(code)) {
    const factor = await findTotpFactor(db, actor.userId);
    if (factor?.enabledAt !== undefined) {
      const step = matchingTotpStep(await openSecret(db, actor.userId, factor.secretBox, now.toISOString()), code, now);
      if (step !== undefined && (await claimTotpStep(db, actor.userId, step, {}))) return;
    }
  }
  if (!(await verifyPassword(await getPasswordHash(db, actor.userId), proof))) throw new ValidationError('the password is wrong', { proof: WRONG });
}
