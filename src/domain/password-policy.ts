// What a password must be: at least 12 characters (code points, so 12 kanji count as 12)
// and not one of the common passwords attackers try first (NIST SP 800-63B 5.1.1.2).
// The list is a data file (common-passwords.txt beside this module) that the caller loads
// and passes in, since this layer does no I/O.
import type { Problem } from './user.js';

export const PASSWORD_MIN_LENGTH = 12;
/** Far above any real passphrase; keeps hashing cost bounded. */
export const PASSWORD_MAX_LENGTH = 256;

/** The list file's lines, lower-cased; blank lines and `#` comments are skipped. */
export function parseCommonPasswords(text: string): ReadonlySet<string> {
  const set = new Set<string>();
  for (const line of text.split('\n')) {
    const entry = line.trim();
    if (entry === '' || entry.startsWith('#')) continue;
    set.add(entry.toLowerCase());
  }
  return set;
}

export function passwordProblem(password: string, common: ReadonlySet<string>, login = ''): Problem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return {
      message: `パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください(現在${length}文字)。`,
      english: `the password must be at least ${PASSWORD_MIN_LENGTH} characters long (it has ${length})`,
    };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { message: `パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください。`, english: `the password must be at most ${PASSWORD_MAX_LENGTH} characters long` };
  }
  const folded = password.toLowerCase();
  if (common.has(folded) || new Set(password).size === 1) {
    return {
      message: 'このパスワードはよく使われていて推測されやすいため使えません。別のパスワードにしてください。',
      english: 'the password is too common and easy to guess; choose another one',
    };
  }
  if (login !== '' && folded.includes(login.toLowerCase())) {
    return { message: 'パスワードにログイン名を含めないでください。', english: 'the password must not contain the login' };
  }
  return undefined;
}
