// One live preview at a time per account (issue 9): sixteen simultaneous previews of
// 190,000-character bodies from one writer kept both work threads busy and made the main
// thread parse 1.7 MB forms in between, so report pages slowed to a p99 of 476 ms. A second
// preview while the account's first is still running is refused before its body is read
// (an onRequest hook), which costs next to nothing; the live preview script waits for its
// answer and tries again after Retry-After.
import type { FastifyReply, FastifyRequest, onRequestHookHandler, onResponseHookHandler } from 'fastify';

/** What the refused request is told (the live preview script retries quietly instead of showing it). */
export const PREVIEW_IN_FLIGHT_MESSAGE = '前のプレビューを作成中です。表示されるまで少しお待ちください。';
/** Seconds the refused client is asked to wait. */
export const PREVIEW_RETRY_AFTER_SECONDS = 1;
/**
 * A preview still marked as running after this long is treated as finished: a response that
 * never completed (a dropped connection) must not lock the account out of previews for good.
 * Longer than the work pool's time limit of a task.
 */
const STALE_AFTER_MS = 30_000;

export class PreviewGate {
  /** User id → the request running that user's preview, and when it started (ms). */
  private readonly running = new Map<number, { request: FastifyRequest; startedAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Route hooks: refuse a second preview of the same account at once; free the slot when the answer is sent. */
  hooks(): { onRequest: onRequestHookHandler; onResponse: onResponseHookHandler } {
    return {
      onRequest: (request, reply, done) => {
        // Without a session the access check refuses the request later; nothing to count.
        const userId = request.admin?.user.id;
        if (userId === undefined || this.enter(userId, request)) return done();
        refuse(reply);
      },
      onResponse: (request, _reply, done) => {
        const userId = request.admin?.user.id;
        if (userId !== undefined) this.leave(userId, request);
        done();
      },
    };
  }

  /** True when the user had no preview running; this request is now it. */
  enter(userId: number, request: FastifyRequest): boolean {
    const current = this.running.get(userId);
    const now = this.now();
    if (current !== undefined && now - current.startedAt < STALE_AFTER_MS) return false;
    this.running.set(userId, { request, startedAt: now });
    return true;
  }

  /** Frees the slot if this request holds it (a refused request holds none). */
  leave(userId: number, request: FastifyRequest): void {
    if (this.running.get(userId)?.request === request) this.running.delete(userId);
  }
}

function refuse(reply: FastifyReply): void {
  void reply
    .code(429)
    .header('Retry-After', String(PREVIEW_RETRY_AFTER_SECONDS))
    .type('text/html; charset=utf-8')
    .send(`<p class="field-error" role="status">${PREVIEW_IN_FLIGHT_MESSAGE}</p>`);
}
