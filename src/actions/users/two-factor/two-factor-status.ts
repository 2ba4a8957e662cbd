// What the account page and the admin guard need to know about a user's second factors,
// and whether the owner's policy makes the user enrol one before anything else.
import { isSecondFactorRequired, type TwoFactorPolicy } from '../../../domain/two-factor.js';
import type { User } from '../../../domain/user.js';
import type { Db } from '../../../store/database.js';
import { listPasskeysOfUser, type Passkey } from '../../../store/passkeys.js';
import { countUnusedRecoveryCodes, findTotpFactor } from '../../../store/second-factors.js';
import { getTwoFactorPolicy } from '../../../store/two-factor-policy.js';
import { hasSecondFactor } from './has-second-factor.js';

export interface TwoFactorStatus {
  policy: TwoFactorPolicy;
  isRequired: boolean;
  hasTotp: boolean;
  /** An app set-up was started and not confirmed. */
  isTotpPending: boolean;
  passkeys: Passkey[];
  recoveryCodesLeft: number;
  /** Required and none yet: the session may do nothing but enrol. */
  mustEnrol: boolean;
}

export async function twoFactorStatus(db: Db, user: User): Promise<TwoFactorStatus> {
  const [policy, totp, passkeys, recoveryCodesLeft] = await Promise.all([
    getTwoFactorPolicy(db),
    findTotpFactor(db, user.id),
    listPasskeysOfUser(db, user.id),
    countUnusedRecoveryCodes(db, user.id),
  ]);
  const isRequired = isSecondFactorRequired(policy, user.role);
  const hasTotp = totp?.enabledAt !== undefined;
  return {
    policy,
    isRequired,
    hasTotp,
    isTotpPending: totp !== undefined && !hasTotp,
    passkeys,
    recoveryCodesLeft,
    mustEnrol: isRequired && !hasTotp && passkeys.length === 0,
  };
}

/** The cheap check made on every admin request: one query unless the policy requires a factor. */
export async function mustEnrolSecondFactor(db: Db, user: User): Promise<boolean> {
  if (!isSecondFactorRequired(await getTwoFactorPolicy(db), user.role)) return false;
  return !(await hasSecondFactor(db, user.id));
}
