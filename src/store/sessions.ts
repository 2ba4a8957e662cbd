// Login sessions. The cookie carries a random 256-bit token; only its SHA-256 is stored
// here, so reading the database does not let anyone log in.
import type { Kysely } from 'kysely';
import type { Session } from '../domain/session.js';
import type { User } from '../domain/user.js';
import type { Database } from './database.js';
import { findUserById } from './users.js';

type Q = Kysely<Database>;

export interface NewSession {
  tokenHash: string;
  userId: number;
  expiresAt: string;
  ip: string;
  userAgent: string;
}

export async function insertSession(trx: Q, session: NewSession, nowIso: string): Promise<number> {
  const row = await trx
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: nowIso,
      last_seen_at: nowIso,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function toSession(row: { id: number; user_id: number; created_at: string; last_seen_at: string; expires_at: string; ip: string; user_agent: string }): Session {
  return { id: row.id, userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, ip: row.ip, userAgent: row.user_agent };
}

/** The session with this token hash and its user, whatever their state (the caller checks expiry and the disabled flag). */
export async function findSessionByTokenHash(db: Q, tokenHash: string): Promise<{ session: Session; user: User } | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return undefined;
  const user = await findUserById(db, row.user_id);
  return user && { session: toSession(row), user };
}

export async function touchSession(db: Q, id: number, nowIso: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: nowIso }).where('id', '=', id).execute();
}

/** Newest first. */
export async function listSessionsOfUser(db: Q, userId: number): Promise<Session[]> {
  const rows = await db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toSession);
}

/** Deletes one session of the user; false when there was none (already ended or someone else's). */
export async function deleteSession(trx: Q, userId: number, sessionId: number): Promise<boolean> {
  const result = await trx.deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes every session of the user except `keepId`; returns how many ended. */
export async function deleteSessionsOfUser(trx: Q, userId: number, keepId?: number): Promise<number> {
  let query = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId !== undefined) query = query.where('id', '!=', keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes sessions past their absolute expiry or idle since before `idleCutoffIso`. */
export async function deleteExpiredSessions(trx: Q, nowIso: string, idleCutoffIso: string): Promise<void> {
  await trx
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', nowIso), eb('last_seen_at', '<=', idleCutoffIso)]))
    .execute();
}

export async function deleteSessionById(trx: Q, sessionId: number): Promise<void> {
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
