// Recovery codes: ten random codes shown once, kept as SHA-256. They carry about 49 bits of
// randomness each and are refused after the second-factor throttle's few attempts, so a
// slow password hash (argon2) would add nothing a guesser could feel; a plain hash is enough
// to make a database copy useless for signing in.
import { createHash, randomBytes } from 'node:crypto';
import { normalizeRecoveryCode, RECOVERY_CODE_COUNT, recoveryCodeFromBytes } from '../../../domain/two-factor.js';

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}

/** Ten new codes as shown to the user, and the hashes to store. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFromBytes(randomBytes(16)));
  return { codes, hashes: codes.map(hashRecoveryCode) };
}
