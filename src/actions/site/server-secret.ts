// A per-site secret kept in the database (the CSRF tokens' HMAC key, …): created with 32
// random bytes the first time it is asked for, the same value ever after and on every
// instance sharing the database.
import { randomBytes } from 'node:crypto';
import { getOrCreateSecret } from '../../store/server-secrets.js';
import type { ActionContext } from '../runtime/context.js';

export async function serverSecret(ctx: Pick<ActionContext, 'db' | 'now'>, name: string): Promise<string> {
  return getOrCreateSecret(ctx.db, name, () => randomBytes(32).toString('base64url'), ctx.now().toISOString());
}
