// Cookies of the login's second step: the pending login (password accepted, second factor
// awaited) and a passwordless passkey ceremony. Both carry a random token whose hash the
// database keeps, live five minutes, and are sent to /admin only.
import type { FastifyReply } from 'fastify';
import { PENDING_LOGIN_MS, WEBAUTHN_CHALLENGE_MS } from '../../domain/two-factor.js';
import { ADMIN_COOKIE_OPTIONS } from './session.js';

export const PENDING_COOKIE = 'katsudo_pending';
export const PASSKEY_CEREMONY_COOKIE = 'katsudo_passkey';

export function setPendingCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(PENDING_COOKIE, token, { ...ADMIN_COOKIE_OPTIONS, maxAge: Math.floor(PENDING_LOGIN_MS / 1000) });
}

export function setCeremonyCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(PASSKEY_CEREMONY_COOKIE, token, { ...ADMIN_COOKIE_OPTIONS, maxAge: Math.floor(WEBAUTHN_CHALLENGE_MS / 1000) });
}

export function clearSecondStepCookies(reply: FastifyReply): void {
  reply.clearCookie(PENDING_COOKIE, ADMIN_COOKIE_OPTIONS);
  reply.clearCookie(PASSKEY_CEREMONY_COOKIE, ADMIN_COOKIE_OPTIONS);
}
