// The login session of an admin request: read from the cookie on every /admin request
// (never on public pages), and the cookie itself.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findActiveSession, type ActiveSession } from '../../actions/users/find-active-session.js';
import { mustEnrolSecondFactor } from '../../actions/users/two-factor/two-factor-status.js';
import type { SessionPolicy } from '../../domain/session-policy.js';
import type { Actor } from '../../domain/user.js';
import type { WebDeps } from '../deps.js';

export const SESSION_COOKIE = 'katsudo_session';

/** What an admin route knows about the logged-in user; `request.admin` is null without a valid session. */
export interface AdminState extends ActiveSession {
  actor: Actor;
  /** The owner's policy requires a second factor and the user has none: enrolment pages only. */
  mustEnrol: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    admin: AdminState | null;
  }
}

export const ADMIN_COOKIE_OPTIONS = { path: '/admin', httpOnly: true, sameSite: 'lax', secure: 'auto' } as const;

export async function loadAdminSession(deps: WebDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const active = await findActiveSession(deps.ctx, token, deps.session);
  if (!active) {
    // Expired, revoked or unknown: the browser may forget it.
    reply.clearCookie(SESSION_COOKIE, ADMIN_COOKIE_OPTIONS);
    return;
  }
  const { user } = active;
  const mustEnrol = await mustEnrolSecondFactor(deps.ctx.db, user);
  request.admin = { ...active, actor: { userId: user.id, login: user.login, role: user.role, ip: request.ip }, mustEnrol };
}

export function setSessionCookie(reply: FastifyReply, token: string, policy: SessionPolicy): void {
  reply.setCookie(SESSION_COOKIE, token, { ...ADMIN_COOKIE_OPTIONS, maxAge: Math.floor(policy.maxMs / 1000) });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, ADMIN_COOKIE_OPTIONS);
}
