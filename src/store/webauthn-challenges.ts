// WebAuthn challenges between "options" and "response": stored in the database (any
// server process may receive the response), bound to what started the ceremony, and
// taken out by one DELETE … RETURNING, so each is used at most once.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

type Q = Kysely<Database>;

export type ChallengePurpose = 'register' | 'second-factor' | 'passwordless';

export interface StoredChallenge {
  challenge: string;
  purpose: ChallengePurpose;
  binding: string;
  userId?: number;
  expiresAt: string;
}

export async function insertChallenge(trx: Q, challenge: StoredChallenge, nowIso: string): Promise<void> {
  await trx.deleteFrom('webauthn_challenges').where('expires_at', '<=', nowIso).execute();
  await trx
    .insertInto('webauthn_challenges')
    .values({
      challenge: challenge.challenge,
      purpose: challenge.purpose,
      binding: challenge.binding,
      user_id: challenge.userId ?? null,
      expires_at: challenge.expiresAt,
    })
    .execute();
}

/** Removes and returns the challenge if it exists for this purpose and binding and has not expired. */
export async function takeChallenge(trx: Q, challenge: string, purpose: ChallengePurpose, binding: string, nowIso: string): Promise<StoredChallenge | undefined> {
  const row = await trx
    .deleteFrom('webauthn_challenges')
    .where('challenge', '=', challenge)
    .where('purpose', '=', purpose)
    .where('binding', '=', binding)
    .returningAll()
    .executeTakeFirst();
  if (!row || row.expires_at <= nowIso) return undefined;
  return { challenge: row.challenge, purpose, binding: row.binding, userId: row.user_id ?? undefined, expiresAt: row.expires_at };
}

export async function deleteChallengesOfUser(trx: Q, userId: number): Promise<void> {
  await trx.deleteFrom('webauthn_challenges').where('user_id', '=', userId).execute();
}
