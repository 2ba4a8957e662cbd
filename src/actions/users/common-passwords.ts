// Loads the bundled list of common passwords (src/domain/common-passwords.txt) once.
import { existsSync, readFileSync } from 'node:fs';
import { parseCommonPasswords } from '../../domain/password-policy.js';

let cached: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  if (cached) return cached;
  // Under tsx this module is src/actions/users/; in the bundle it is dist/, where the build
  // copies the list next to the code.
  const candidates = [new URL('./common-passwords.txt', import.meta.url), new URL('../../domain/common-passwords.txt', import.meta.url)];
  const file = candidates.find((url) => existsSync(url));
  if (!file) throw new Error('common-passwords.txt is missing: the password policy cannot be checked');
  cached = parseCommonPasswords(readFileSync(file, 'utf8'));
  return cached;
}
