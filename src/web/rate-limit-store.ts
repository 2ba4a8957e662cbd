// The counters behind web/rate-limits.ts: a fixed window per client address, in this
// process's memory, at most MAX_CLIENTS addresses per limit (the least recently seen are
// forgotten first).
//
// Why not @fastify/rate-limit's own LocalStore: it hands every caller the same mutable
// counter object, and the plugin reads `current` only after an await, so requests that
// arrive in the same tick all read the final count: ten at once against a limit of five
// were all refused. This store answers with a snapshot taken when the request was counted.
import type { FastifyRateLimitStore } from '@fastify/rate-limit';

const MAX_CLIENTS = 10_000;

interface Window {
  count: number;
  startMs: number;
}

export class RateLimitStore implements FastifyRateLimitStore {
  private readonly windows = new Map<string, Window>();

  incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.startMs + timeWindow <= now) window = { count: 0, startMs: now };
    window.count += 1;
    // Re-inserting keeps the Map in order of last use, so the first key is the one to forget.
    this.windows.delete(key);
    this.windows.set(key, window);
    if (this.windows.size > MAX_CLIENTS) this.windows.delete(this.windows.keys().next().value!);
    callback(null, { current: window.count, ttl: window.startMs + timeWindow - now });
  }

  /** Each limiter gets counters of its own. */
  child(): RateLimitStore {
    return new RateLimitStore();
  }
}
