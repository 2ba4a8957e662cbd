// The step between a right password and the second factor: a random token for a cookie
// (only its hash is stored), valid for a few minutes, naming the user and nothing else.
import { PENDING_LOGIN_MS } from '../../../domain/two-factor.js';
import type { User } from '../../../domain/user.js';
import { recordAudit } from '../../../store/audit-log.js';
import type { Db } from '../../../store/database.js';
import { deleteExpiredPendingLogins, insertPendingLogin } from '../../../store/pending-logins.js';
import { hashSessionToken, newSessionToken } from '../session-token.js';

export async function startPendingLogin(trx: Db, user: User, client: { ip: string; userAgent: string }, now: Date): Promise<string> {
  const nowIso = now.toISOString();
  const token = newSessionToken();
  await deleteExpiredPendingLogins(trx, nowIso);
  await insertPendingLogin(
    trx,
    {
      tokenHash: hashSessionToken(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + PENDING_LOGIN_MS).toISOString(),
      ip: client.ip,
      userAgent: client.userAgent.slice(0, 300),
    },
    nowIso,
  );
  await recordAudit(trx, { userId: user.id, login: user.login, action: 'login.password-ok', ip: client.ip }, nowIso);
  return token;
}
