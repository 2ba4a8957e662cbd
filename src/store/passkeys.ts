// Passkeys (WebAuthn credentials) of users: the public key and signature counter the
// server checks assertions against, and a name the user chose.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

type Q = Kysely<Database>;

export interface Passkey {
  id: number;
  userId: number;
  /** base64url */
  credentialId: string;
  /** base64url of the COSE public key. */
  publicKey: string;
  counter: number;
  transports: string[];
  name: string;
  createdAt: string;
  lastUsedAt?: string;
}

export interface NewPasskey {
  userId: number;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  name: string;
}

type PasskeyRow = {
  id: number;
  user_id: number;
  credential_id: string;
  public_key: string;
  counter: number;
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
};

function rowToPasskey(row: PasskeyRow): Passkey {
  const transports = JSON.parse(row.transports) as unknown;
  return {
    id: row.id,
    userId: row.user_id,
    credentialId: row.credential_id,
    publicKey: row.public_key,
    counter: row.counter,
    transports: Array.isArray(transports) ? transports.filter((t): t is string => typeof t === 'string') : [],
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at ?? undefined,
  };
}

/** Inserts the passkey; false when this credential is already registered (to anyone). */
export async function insertPasskey(trx: Q, passkey: NewPasskey, nowIso: string): Promise<number | undefined> {
  const row = await trx
    .insertInto('passkeys')
    .values({
      user_id: passkey.userId,
      credential_id: passkey.credentialId,
      public_key: passkey.publicKey,
      counter: passkey.counter,
      transports: JSON.stringify(passkey.transports),
      name: passkey.name,
      created_at: nowIso,
      last_used_at: null,
    })
    .onConflict((oc) => oc.column('credential_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Oldest first. */
export async function listPasskeysOfUser(db: Q, userId: number): Promise<Passkey[]> {
  const rows = await db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  return rows.map(rowToPasskey);
}

export async function findPasskeyByCredentialId(db: Q, credentialId: string): Promise<Passkey | undefined> {
  const row = await db.selectFrom('passkeys').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
  return row && rowToPasskey(row);
}

export async function countPasskeysOfUser(db: Q, userId: number): Promise<number> {
  const row = await db
    .selectFrom('passkeys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Records a use. The counter only moves forward (a cloned authenticator replays old
 * counters): false when another request already stored this counter or a later one.
 * Authenticators that keep no counter always send 0, which is accepted as is.
 */
export async function recordPasskeyUse(trx: Q, id: number, counter: number, nowIso: string): Promise<boolean> {
  let query = trx.updateTable('passkeys').set({ counter, last_used_at: nowIso }).where('id', '=', id);
  if (counter > 0) query = query.where('counter', '<', counter);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function renamePasskey(trx: Q, userId: number, id: number, name: string): Promise<boolean> {
  const result = await trx.updateTable('passkeys').set({ name }).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deletePasskey(trx: Q, userId: number, id: number): Promise<Passkey | undefined> {
  const row = await trx.deleteFrom('passkeys').where('id', '=', id).where('user_id', '=', userId).returningAll().executeTakeFirst();
  return row && rowToPasskey(row);
}

export async function deletePasskeysOfUser(trx: Q, userId: number): Promise<number> {
  const result = await trx.deleteFrom('passkeys').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
