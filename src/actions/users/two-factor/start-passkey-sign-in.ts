// Signing in with a passkey, first half: options for navigator.credentials.get(). As the
// second factor, bound to the pending login and limited to that user's passkeys; without a
// password, any passkey of this site may answer (discoverable credentials) and the
// challenge is bound to a fresh token the browser keeps in a cookie.
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { ValidationError } from '../../../domain/errors.js';
import { WEBAUTHN_CHALLENGE_MS } from '../../../domain/two-factor.js';
import { findPendingLogin } from '../../../store/pending-logins.js';
import { listPasskeysOfUser } from '../../../store/passkeys.js';
import { insertChallenge } from '../../../store/webauthn-challenges.js';
import type { ActionContext } from '../../runtime/context.js';
import { hashSessionToken, newSessionToken } from '../session-token.js';
import type { RelyingParty } from './relying-party.js';

export type PasskeySignInMode = { kind: 'second-factor'; pendingToken: string } | { kind: 'passwordless' };

export interface PasskeySignInStart {
  options: PublicKeyCredentialRequestOptionsJSON;
  /** Passwordless only: the token for the ceremony's cookie. */
  ceremonyToken?: string;
}

export const PENDING_EXPIRED_MESSAGE = 'ログインの手続きの有効期限が切れました。もう一度ログイン名とパスワードを入力してください。';

/** @throws ValidationError when the pending login has expired. */
export async function startPasskeySignIn(ctx: ActionContext, rp: RelyingParty, mode: PasskeySignInMode): Promise<PasskeySignInStart> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const expiresAt = new Date(now.getTime() + WEBAUTHN_CHALLENGE_MS).toISOString();
  if (mode.kind === 'second-factor') {
    const binding = hashSessionToken(mode.pendingToken);
    const pending = await findPendingLogin(ctx.db, binding, nowIso);
    if (!pending) throw new ValidationError('the pending login has expired', { passkey: PENDING_EXPIRED_MESSAGE });
    const passkeys = await listPasskeysOfUser(ctx.db, pending.userId);
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as never })),
      userVerification: 'preferred',
      timeout: WEBAUTHN_CHALLENGE_MS,
    });
    await ctx.db
      .transaction()
      .execute((trx) => insertChallenge(trx, { challenge: options.challenge, purpose: 'second-factor', binding, userId: pending.userId, expiresAt }, nowIso));
    return { options };
  }
  const ceremonyToken = newSessionToken();
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: 'required', timeout: WEBAUTHN_CHALLENGE_MS });
  await ctx.db
    .transaction()
    .execute((trx) => insertChallenge(trx, { challenge: options.challenge, purpose: 'passwordless', binding: hashSessionToken(ceremonyToken), expiresAt }, nowIso));
  return { options, ceremonyToken };
}
