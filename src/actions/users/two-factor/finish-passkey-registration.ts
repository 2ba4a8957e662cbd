// Adding a passkey, second half: the browser's answer checked against the stored challenge
// (taken out, so it is used once), this site's origin and RP ID, with user verification.
// As the user's first second factor, it ends their other sessions (see confirm-totp-enrolment.ts).
import { verifyRegistrationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { ValidationError } from '../../../domain/errors.js';
import { normalizePasskeyName, PASSKEY_NAME_MAX_LENGTH } from '../../../domain/two-factor.js';
import type { Actor } from '../../../domain/user.js';
import { recordAudit } from '../../../store/audit-log.js';
import { insertPasskey } from '../../../store/passkeys.js';
import { deleteSessionsOfUser } from '../../../store/sessions.js';
import { takeChallenge } from '../../../store/webauthn-challenges.js';
import type { ActionContext } from '../../runtime/context.js';
import { auditActor } from '../user-checks.js';
import { hasSecondFactor } from './has-second-factor.js';
import { challengeOf, type RelyingParty } from './relying-party.js';

const FAILED = 'パスキーを登録できませんでした。時間が経ちすぎたか、操作が取り消されました。もう一度お試しください。';

/** @throws ValidationError (field `passkey`) when the answer does not verify. */
export async function finishPasskeyRegistration(
  ctx: ActionContext,
  actor: Actor,
  sessionTokenHash: string,
  rp: RelyingParty,
  input: { response: unknown; name: string; keepSessionId?: number },
): Promise<{ id: number }> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const name = normalizePasskeyName(input.name).slice(0, PASSKEY_NAME_MAX_LENGTH) || 'パスキー';
  const challenge = challengeOf(input.response);
  const stored = challenge && (await ctx.db.transaction().execute((trx) => takeChallenge(trx, challenge, 'register', sessionTokenHash, nowIso)));
  if (!stored || stored.userId !== actor.userId) throw new ValidationError('unknown or expired registration challenge', { passkey: FAILED });
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response as RegistrationResponseJSON,
      expectedChallenge: stored.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch (error) {
    throw new ValidationError(`passkey registration did not verify: ${(error as Error).message}`, { passkey: FAILED });
  }
  if (!verification.verified) throw new ValidationError('passkey registration did not verify', { passkey: FAILED });
  const { credential } = verification.registrationInfo;
  const isFirstFactor = !(await hasSecondFactor(ctx.db, actor.userId));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertPasskey(
      trx,
      {
        userId: actor.userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ?? [],
        name,
      },
      nowIso,
    );
    if (inserted !== undefined) {
      const endedSessions = isFirstFactor && input.keepSessionId !== undefined ? await deleteSessionsOfUser(trx, actor.userId, input.keepSessionId) : 0;
      await recordAudit(trx, { ...auditActor(actor), action: 'two-factor.passkey.add', target: `passkey:${inserted}`, detail: { name, endedSessions } }, nowIso);
    }
    return inserted;
  });
  if (id === undefined) throw new ValidationError('this passkey is already registered', { passkey: 'このパスキーは既に登録されています。' });
  return { id };
}
