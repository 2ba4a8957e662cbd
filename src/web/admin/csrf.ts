// CSRF protection for every state-changing admin request (@fastify/csrf-protection): a
// random secret in an HttpOnly cookie, and tokens in forms (`_csrf`) or the
// `x-csrf-token` header (fetch, multipart uploads). Tokens are also bound to the login
// session (HMAC of its id with a per-site key), so a token of one session, or one issued
// before logging in, is refused in another.
import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serverSecret } from '../../actions/site/server-secret.js';
import type { WebDeps } from '../deps.js';
import { ADMIN_COOKIE_OPTIONS } from './session.js';

export const CSRF_COOKIE = 'katsudo_csrf';

/** What a token is bound to: the session, or "anonymous" before login (the login form). */
function userInfoOf(request: FastifyRequest): string {
  return request.admin?.tokenHash ?? 'anonymous';
}

export async function registerCsrf(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const hmacKey = await serverSecret(deps.ctx, 'csrf-hmac');
  await app.register(cookie);
  await app.register(csrfProtection, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: ADMIN_COOKIE_OPTIONS,
    getUserInfo: userInfoOf,
    csrfOpts: { hmacKey, userInfo: true },
  });
}

/** A token for the forms of this response; `tokenHash` binds it to a session just started. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply, tokenHash?: string): string {
  return reply.generateCsrf({ userInfo: tokenHash ?? userInfoOf(request) });
}

export function isCsrfValid(app: FastifyInstance, request: FastifyRequest): boolean {
  let isValid = false;
  // The plugin's check reports failure by sending its own error; the admin answers with a
  // Japanese page instead, so the failure is only noted here.
  const quiet = { send: () => undefined } as unknown as FastifyReply;
  app.csrfProtection(request, quiet, () => {
    isValid = true;
  });
  return isValid;
}
