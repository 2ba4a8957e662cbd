// Authenticator-app secrets are sealed with AES-256-GCM under a per-site key kept in
// server_secrets ('totp-key'), so the secrets table alone (a partial dump, an export, a
// leaked backup of one table) does not give anyone a user's codes. A copy of the whole
// database holds the key too: keeping it outside (a file or the environment) would protect
// that case as well, at the price of users locked out when the key is lost on a move or
// restore; `katsudo user reset-2fa` is the way back either way.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Db } from '../../../store/database.js';
import { getOrCreateSecret } from '../../../store/server-secrets.js';

const KEY_NAME = 'totp-key';
/** Version prefix, so another scheme can be introduced without guessing. */
const PREFIX = 'v1';

async function siteKey(db: Db, nowIso: string): Promise<Buffer> {
  const value = await getOrCreateSecret(db, KEY_NAME, () => randomBytes(32).toString('base64url'), nowIso);
  return Buffer.from(value, 'base64url');
}

/** "v1.<iv>.<tag>.<ciphertext>", each part base64url; the user id is bound in as associated data. */
export async function sealSecret(db: Db, userId: number, secret: string, nowIso: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await siteKey(db, nowIso), iv);
  cipher.setAAD(Buffer.from(`user:${userId}`));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [PREFIX, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The secret, or an Error when the box was altered, moved to another user or sealed under another key. */
export async function openSecret(db: Db, userId: number, box: string, nowIso: string): Promise<string> {
  const [prefix, iv, tag, ciphertext] = box.split('.');
  if (prefix !== PREFIX || iv === undefined || tag === undefined || ciphertext === undefined) throw new Error('unreadable TOTP secret');
  const decipher = createDecipheriv('aes-256-gcm', await siteKey(db, nowIso), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(`user:${userId}`));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
