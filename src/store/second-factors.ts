// A user's authenticator-app secret (sealed, see actions/users/two-factor/secret-box.ts) and
// recovery codes (SHA-256 only). Each code is spent by one conditional UPDATE, so two
// requests presenting the same code at once cannot both succeed.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

type Q = Kysely<Database>;

export interface TotpFactor {
  userId: number;
  secretBox: string;
  /** Undefined while enrolment waits for the first right code. */
  enabledAt?: string;
  lastStep: number;
}

export async function findTotpFactor(db: Q, userId: number): Promise<TotpFactor | undefined> {
  const row = await db.selectFrom('totp_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row && { userId: row.user_id, secretBox: row.secret_box, enabledAt: row.enabled_at ?? undefined, lastStep: row.last_step };
}

/** A new, not yet enabled secret; replaces an earlier unfinished one (never an enabled one). */
export async function saveUnconfirmedTotp(trx: Q, userId: number, secretBox: string, nowIso: string): Promise<void> {
  await trx.deleteFrom('totp_factors').where('user_id', '=', userId).where('enabled_at', 'is', null).execute();
  await trx
    .insertInto('totp_factors')
    .values({ user_id: userId, secret_box: secretBox, enabled_at: null, last_step: 0, created_at: nowIso })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

/**
 * Marks the code of `step` as used if no code of this or a later step was: true for the
 * one request that gets there first. `mustBeEnabled` false is the enrolment's first code.
 */
export async function claimTotpStep(trx: Q, userId: number, step: number, options: { enableAt?: string }): Promise<boolean> {
  let query = trx
    .updateTable('totp_factors')
    .set({ last_step: step, ...(options.enableAt !== undefined && { enabled_at: options.enableAt }) })
    .where('user_id', '=', userId)
    .where('last_step', '<', step);
  query = options.enableAt !== undefined ? query.where('enabled_at', 'is', null) : query.where('enabled_at', 'is not', null);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTotpFactor(trx: Q, userId: number): Promise<boolean> {
  const result = await trx.deleteFrom('totp_factors').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Replaces every recovery code of the user with these (hashes). */
export async function replaceRecoveryCodes(trx: Q, userId: number, codeHashes: string[], nowIso: string): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (codeHashes.length === 0) return;
  await trx
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null, created_at: nowIso })))
    .execute();
}

/** Spends the code: true for the one request that finds it unused. */
export async function useRecoveryCode(trx: Q, userId: number, codeHash: string, nowIso: string): Promise<boolean> {
  const result = await trx
    .updateTable('recovery_codes')
    .set({ used_at: nowIso })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Q, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteRecoveryCodes(trx: Q, userId: number): Promise<number> {
  const result = await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ids of the users with a second factor (an enabled app or a passkey), for the users page. */
export async function listUserIdsWithSecondFactor(db: Q): Promise<number[]> {
  const totp = await db.selectFrom('totp_factors').select('user_id').where('enabled_at', 'is not', null).execute();
  const passkeys = await db.selectFrom('passkeys').select('user_id').distinct().execute();
  return [...new Set([...totp, ...passkeys].map((r) => r.user_id))];
}
