// Signing in with a passkey, second half: the attempt is counted first (per address, and
// per user when a password came before), the challenge is taken out (used once), the
// signature is checked against the stored public key, the signature counter must move
// forward, and the session starts in the transaction that ends the pending login.
import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { SessionPolicy } from '../../../domain/session-policy.js';
import { recordAudit } from '../../../store/audit-log.js';
import { findPasskeyByCredentialId, recordPasskeyUse, type Passkey } from '../../../store/passkeys.js';
import { deletePendingLogin, findPendingLogin, type PendingLogin } from '../../../store/pending-logins.js';
import { findUserById } from '../../../store/users.js';
import { takeChallenge } from '../../../store/webauthn-challenges.js';
import type { ActionContext } from '../../runtime/context.js';
import { hashSessionToken } from '../session-token.js';
import { startSession } from '../start-session.js';
import { challengeOf, type RelyingParty } from './relying-party.js';
import { reserveSecondFactorAttempt, settleSecondFactorSuccess } from './second-factor-throttle.js';
import type { SecondFactorResult } from './verify-second-factor.js';

export interface PasskeySignInInput {
  /** The pending login's token (second factor) or the ceremony's token (passwordless). */
  token: string;
  isPasswordless: boolean;
  response: unknown;
  ip: string;
  userAgent: string;
  previousToken?: string;
}

export async function finishPasskeySignIn(ctx: ActionContext, rp: RelyingParty, input: PasskeySignInInput, policy: SessionPolicy): Promise<SecondFactorResult> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const binding = hashSessionToken(input.token);
  let pending: PendingLogin | undefined;
  if (!input.isPasswordless) {
    pending = await findPendingLogin(ctx.db, binding, nowIso);
    if (!pending) return { isOk: false, reason: 'expired' };
  }
  const reservation = await reserveSecondFactorAttempt(ctx.db, pending?.userId, input.ip, now);
  if (!reservation.isAllowed) {
    await ctx.db.transaction().execute((trx) => recordAudit(trx, { userId: pending?.userId, action: 'login.passkey.blocked', ip: input.ip }, nowIso));
    return { isOk: false, reason: 'throttled', retryAfterMs: reservation.retryAfterMs };
  }

  const passkey = await checkAssertion(ctx, rp, input, binding, pending, nowIso);
  const user = passkey && (await findUserById(ctx.db, passkey.userId));
  const started = await ctx.db.transaction().execute(async (trx) => {
    const isFresh = passkey !== undefined && user !== undefined && !user.isDisabled && (await recordPasskeyUse(trx, passkey.id, passkey.counter, nowIso));
    if (!isFresh || !user) {
      const detail = { passwordless: input.isPasswordless, passkey: passkey?.id ?? null };
      await recordAudit(trx, { userId: pending?.userId ?? user?.id, login: user?.login, action: 'login.passkey.fail', detail, ip: input.ip }, nowIso);
      return undefined;
    }
    if (pending && !(await deletePendingLogin(trx, pending.id))) return undefined;
    await settleSecondFactorSuccess(trx, reservation, user.id);
    const detail = { method: 'passkey', passkey: passkey!.id, passwordless: input.isPasswordless };
    return { user, ...(await startSession(trx, { user, ip: input.ip, userAgent: input.userAgent, previousToken: input.previousToken, detail }, policy, now)) };
  });
  return started ? { isOk: true, ...started } : { isOk: false, reason: 'invalid' };
}

/** The passkey that signed, with the counter it reported, or undefined when anything is off. */
async function checkAssertion(
  ctx: ActionContext,
  rp: RelyingParty,
  input: PasskeySignInInput,
  binding: string,
  pending: PendingLogin | undefined,
  nowIso: string,
): Promise<Passkey | undefined> {
  const challenge = challengeOf(input.response);
  const purpose = input.isPasswordless ? 'passwordless' : 'second-factor';
  const stored = challenge && (await ctx.db.transaction().execute((trx) => takeChallenge(trx, challenge, purpose, binding, nowIso)));
  const credentialId = (input.response as { id?: unknown } | null)?.id;
  if (!stored || typeof credentialId !== 'string') return undefined;
  const passkey = await findPasskeyByCredentialId(ctx.db, credentialId);
  if (!passkey || (pending && passkey.userId !== pending.userId)) return undefined;
  try {
    const result = await verifyAuthenticationResponse({
      response: input.response as AuthenticationResponseJSON,
      expectedChallenge: stored.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: passkey.counter, transports: passkey.transports as never },
      requireUserVerification: input.isPasswordless,
    });
    return result.verified ? { ...passkey, counter: result.authenticationInfo.newCounter } : undefined;
  } catch {
    return undefined;
  }
}
