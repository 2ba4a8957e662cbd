// Logins waiting for their second factor: the password was right, the session does not
// exist yet. Like sessions, only the SHA-256 of the cookie's token is kept.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

type Q = Kysely<Database>;

export interface PendingLogin {
  id: number;
  userId: number;
  expiresAt: string;
  ip: string;
  userAgent: string;
  createdAt: string;
}

export async function insertPendingLogin(
  trx: Q,
  pending: { tokenHash: string; userId: number; expiresAt: string; ip: string; userAgent: string },
  nowIso: string,
): Promise<number> {
  const row = await trx
    .insertInto('pending_logins')
    .values({ token_hash: pending.tokenHash, user_id: pending.userId, expires_at: pending.expiresAt, ip: pending.ip, user_agent: pending.userAgent, created_at: nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The pending login of this token if it has not expired at `nowIso`. */
export async function findPendingLogin(db: Q, tokenHash: string, nowIso: string): Promise<PendingLogin | undefined> {
  const row = await db.selectFrom('pending_logins').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', nowIso).executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, expiresAt: row.expires_at, ip: row.ip, userAgent: row.user_agent, createdAt: row.created_at };
}

/** Ends it; false when another request already did (so only one of them starts a session). */
export async function deletePendingLogin(trx: Q, id: number): Promise<boolean> {
  const result = await trx.deleteFrom('pending_logins').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function deletePendingLoginsOfUser(trx: Q, userId: number): Promise<void> {
  await trx.deleteFrom('pending_logins').where('user_id', '=', userId).execute();
}

export async function deleteExpiredPendingLogins(trx: Q, nowIso: string): Promise<void> {
  await trx.deleteFrom('pending_logins').where('expires_at', '<=', nowIso).execute();
}
