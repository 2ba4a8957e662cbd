// Login throttling arithmetic: after a number of free failures each further failure blocks
// the key (an IP address or an account) for a time that doubles, up to a cap. A key's count
// is forgotten after a quiet period, so no block is ever permanent.

export interface BackoffPolicy {
  /** Failures allowed before the first block. */
  freeFailures: number;
  /** The first block; each later failure doubles it. */
  baseMs: number;
  capMs: number;
  /** A failure older than this no longer counts: the next one starts again at 1. */
  forgetAfterMs: number;
}

/**
 * Per IP address: an office behind one address may mistype a few times; an attacker from
 * one address ends up at one guess per 15 minutes.
 */
export const IP_BACKOFF: BackoffPolicy = { freeFailures: 10, baseMs: 1000, capMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

/**
 * Per account: short, because an attacker spread over many addresses could otherwise keep
 * the owner out by failing on purpose. The cap of one minute bounds that to a wait; the
 * per-IP back-off is what slows guessing.
 */
export const ACCOUNT_BACKOFF: BackoffPolicy = { freeFailures: 5, baseMs: 1000, capMs: 60_000, forgetAfterMs: 15 * 60_000 };

/** How long the key is blocked after its `failures`-th failure in a row. */
export function blockMs(failures: number, policy: BackoffPolicy): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  // 2^over grows past any cap quickly; stop before the number becomes Infinity.
  if (over > 40) return policy.capMs;
  return Math.min(policy.baseMs * 2 ** (over - 1), policy.capMs);
}
