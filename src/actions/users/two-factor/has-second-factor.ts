// Whether a user has a second factor to sign in with: an enabled authenticator app or a
// passkey (recovery codes alone do not count: they back up a factor, they are not one).
import type { Db } from '../../../store/database.js';
import { countPasskeysOfUser } from '../../../store/passkeys.js';
import { findTotpFactor } from '../../../store/second-factors.js';

export async function hasSecondFactor(db: Db, userId: number): Promise<boolean> {
  const totp = await findTotpFactor(db, userId);
  if (totp?.enabledAt !== undefined) return true;
  return (await countPasskeysOfUser(db, userId)) > 0;
}
