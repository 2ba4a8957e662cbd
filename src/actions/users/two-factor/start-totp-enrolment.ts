// Setting up an authenticator app, first half: a new secret, stored sealed and not yet
// enabled, and what the app needs (the otpauth:// URI for the QR code, the secret for
// typing in). Nothing changes at sign-in until confirmTotpEnrolment sees a right code.
import { ValidationError } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/user.js';
import { findTotpFactor, saveUnconfirmedTotp } from '../../../store/second-factors.js';
import type { ActionContext } from '../../runtime/context.js';
import { openSecret, sealSecret } from './secret-box.js';
import { newTotpSecret, totpUri } from './totp-code.js';

export interface TotpEnrolment {
  /** base32, as apps accept it typed in. */
  secret: string;
  uri: string;
}

/**
 * A fresh secret, or (`isResume`) the one an unfinished enrolment already shows, so that
 * reloading the page does not invalidate the QR code the user just scanned.
 * @throws ValidationError when the app is already set up.
 */
export async function startTotpEnrolment(ctx: ActionContext, actor: Actor, issuer: string, options: { isResume?: boolean } = {}): Promise<TotpEnrolment> {
  const nowIso = ctx.now().toISOString();
  const existing = await findTotpFactor(ctx.db, actor.userId);
  if (existing?.enabledAt !== undefined) {
    throw new ValidationError('an authenticator app is already set up', { code: '認証アプリは設定済みです。設定し直すには、先に今の設定を解除してください。' });
  }
  let secret: string;
  if (options.isResume && existing) {
    secret = await openSecret(ctx.db, actor.userId, existing.secretBox, nowIso);
  } else {
    secret = newTotpSecret();
    const box = await sealSecret(ctx.db, actor.userId, secret, nowIso);
    await ctx.db.transaction().execute((trx) => saveUnconfirmedTotp(trx, actor.userId, box, nowIso));
  }
  return { secret, uri: totpUri(secret, actor.login, issuer) };
}
