// When a login session ends: after a period without requests (idle) or a fixed time after
// logging in (absolute), whichever comes first.

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 2 * 60 * 60_000, maxMs: 12 * 60 * 60_000 };

export interface SessionTimes {
  lastSeenAt: string;
  /** The absolute expiry, fixed at login. */
  expiresAt: string;
}

export function isSessionAlive(session: SessionTimes, now: Date, policy: SessionPolicy): boolean {
  const t = now.getTime();
  return Date.parse(session.expiresAt) > t && Date.parse(session.lastSeenAt) + policy.idleMs > t;
}
