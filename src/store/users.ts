// User accounts: login, display name, role, password hash and the disabled flag.
// The hash leaves this module only through findCredentials.
import type { Kysely, Selectable } from 'kysely';
import { UserNotFoundError, ValidationError } from '../domain/errors.js';
import { isRole, type Role, type User } from '../domain/user.js';
import type { Database, UsersTable } from './database.js';

type Q = Kysely<Database>;

function rowToUser(row: Selectable<UsersTable>): User {
  // The table's check constraint allows only the three roles.
  if (!isRole(row.role)) throw new Error(`unknown role in users table: ${row.role}`);
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    isDisabled: row.is_disabled !== 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  passwordHash: string;
}

export async function insertUser(trx: Q, user: NewUser, nowIso: string): Promise<number> {
  try {
    const row = await trx
      .insertInto('users')
      .values({ login: user.login, display_name: user.displayName, role: user.role, password_hash: user.passwordHash, created_at: nowIso, updated_at: nowIso })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505') throw loginTaken(user.login);
    throw error;
  }
}

export function loginTaken(login: string): ValidationError {
  return new ValidationError(`the login "${login}" is already taken`, { login: 'このログイン名は既に使われています。' });
}

export async function findUserByLogin(db: Q, login: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
  return row && rowToUser(row);
}

export async function findUserById(db: Q, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToUser(row);
}

export async function getUserByLogin(db: Q, login: string): Promise<User> {
  const user = await findUserByLogin(db, login);
  if (!user) throw new UserNotFoundError(login);
  return user;
}

export async function getUserById(db: Q, id: number): Promise<User> {
  const user = await findUserById(db, id);
  if (!user) throw new UserNotFoundError(String(id));
  return user;
}

/** The user with the password hash, for logging in and changing the password. */
export async function findCredentials(db: Q, login: string): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
  return row && { user: rowToUser(row), passwordHash: row.password_hash };
}

export async function getPasswordHash(db: Q, userId: number): Promise<string> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  if (!row) throw new UserNotFoundError(String(userId));
  return row.password_hash;
}

/** Owners first, then editors and writers, each by login. */
export async function listUsers(db: Q): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('login').execute();
  const rank: Record<string, number> = { owner: 0, editor: 1, writer: 2 };
  return rows.map(rowToUser).sort((a, b) => rank[a.role]! - rank[b.role]! || a.login.localeCompare(b.login));
}

export async function countActiveOwners(db: Q): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('is_disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  passwordHash?: string;
  isDisabled?: boolean;
}

export async function updateUser(trx: Q, id: number, changes: UserChanges, nowIso: string): Promise<void> {
  const result = await trx
    .updateTable('users')
    .set({
      updated_at: nowIso,
      ...(changes.displayName !== undefined && { display_name: changes.displayName }),
      ...(changes.role !== undefined && { role: changes.role }),
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
      ...(changes.isDisabled !== undefined && { is_disabled: changes.isDisabled ? 1 : 0 }),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new UserNotFoundError(String(id));
}
