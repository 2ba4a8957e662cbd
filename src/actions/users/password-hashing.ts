// Password hashing with argon2id at the OWASP Password Storage Cheat Sheet's first
// recommended setting (m = 19 MiB, t = 2, p = 1). The hash string records its own
// parameters, so stronger settings later still verify older hashes.
import { randomBytes } from 'node:crypto';
import type { Algorithm, Options } from '@node-rs/argon2';
import { loadNativeModule } from '../runtime/native-modules.js';

/**
 * The native module is loaded at the first login, not when the server starts. A failed
 * load throws NativeModuleError: a broken installation must never read as a wrong password.
 */
const argon2 = () => loadNativeModule('argon2');

const ARGON2ID = 2 as Algorithm;

export const ARGON2_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, ARGON2_OPTIONS);
}

/** @throws NativeModuleError when argon2 cannot be loaded */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const { verify } = await argon2();
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed hash in the table is a failed login, not a crash of the login page.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time a real verification would, for logins that do not exist or are
 * disabled, so the response time does not tell which logins exist. Always false.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
  return false;
}
