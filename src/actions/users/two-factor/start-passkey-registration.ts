// Adding a passkey, first half: registration options for navigator.credentials.create().
// The passkey must be discoverable (so it can sign in without a login name) and verify the
// user (PIN or biometrics). The challenge is stored, bound to the session asking.
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { WEBAUTHN_CHALLENGE_MS } from '../../../domain/two-factor.js';
import type { Actor } from '../../../domain/user.js';
import { listPasskeysOfUser } from '../../../store/passkeys.js';
import { insertChallenge } from '../../../store/webauthn-challenges.js';
import type { ActionContext } from '../../runtime/context.js';
import type { RelyingParty } from './relying-party.js';

export async function startPasskeyRegistration(
  ctx: ActionContext,
  actor: Actor,
  sessionTokenHash: string,
  rp: RelyingParty,
  displayName: string,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const now = ctx.now();
  const existing = await listPasskeysOfUser(ctx.db, actor.userId);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: actor.login,
    userDisplayName: displayName || actor.login,
    // The user handle: the account id, nothing personal.
    userID: new TextEncoder().encode(`katsudo-user-${actor.userId}`),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports as never })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    timeout: WEBAUTHN_CHALLENGE_MS,
  });
  await ctx.db.transaction().execute((trx) =>
    insertChallenge(
      trx,
      {
        challenge: options.challenge,
        purpose: 'register',
        binding: sessionTokenHash,
        userId: actor.userId,
        expiresAt: new Date(now.getTime() + WEBAUTHN_CHALLENGE_MS).toISOString(),
      },
      now.toISOString(),
    ),
  );
  return options;
}
