// The one-time submission key of the admin forms that create or publish (the report and page
// editors): a hidden field rendered with each form, and the route hooks that keep a repeated
// post from running twice. The rule itself (claim atomically, wait for the first, answer with
// its result) is actions/items/submit-once.ts; this file only reads the field and the reply.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { claimSubmission, findSubmissionResult, finishSubmission, isSubmissionKey, type Submission } from '../../actions/items/submit-once.js';
import type { WebDeps } from '../deps.js';
import { formField } from './form-body.js';

export const SUBMISSION_KEY_FIELD = 'submissionKey';

/** A fresh key for a rendered form: 128 random bits, base64url. */
export function newSubmissionKey(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The key of a new report's or page's form. Opened from a link that carries one (?key=…,
 * from the page context's formKey), the form keeps it in its address, so going back to it
 * after saving and saving again repeats the key even without JavaScript. When that key
 * already went through, `sentTo` says where, and the route shows that instead of the form.
 */
export async function keyForNewForm(deps: WebDeps, request: FastifyRequest): Promise<{ key: string; sentTo?: string }> {
  const value = (request.query as Record<string, unknown> | undefined)?.key;
  if (typeof value !== 'string' || !isSubmissionKey(value) || !request.admin) return { key: newSubmissionKey() };
  const sentTo = await findSubmissionResult(deps.ctx, { userId: request.admin.user.id, key: value });
  return sentTo === undefined ? { key: value } : { key: value, sentTo: sentTo.split('?')[0]! };
}

/** Where a post's key leads although its reply is not a 303 (settleSubmission). */
const settledResults = new WeakMap<FastifyRequest, string>();

/**
 * Marks the post's key as gone through to `resultPath` whatever its reply: called once the
 * post has saved something (a new draft exists), so that a step refused after it (a full disk,
 * a refused file or status change) does not give the key back, and the same form sent again
 * (a double click, back and the button again) leads to what was saved instead of saving a
 * second one. A 303 reply still records its own location.
 */
export function settleSubmission(request: FastifyRequest, resultPath: string): void {
  settledResults.set(request, resultPath);
}

/**
 * Route hooks: before the handler, a post whose key already went through is redirected (303)
 * where the first one went (a second one running at the same time waits for it); after the
 * reply, the key records the 303's location (or the one settleSubmission set), or is given
 * back when the post ended otherwise (the form again with its errors, nothing saved). A post
 * without a key, or the preview button (which writes nothing), runs as before.
 */
export function oncePerSubmissionKey(deps: WebDeps) {
  const claimed = new WeakMap<FastifyRequest, Submission>();
  return {
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
      const key = formField(request, SUBMISSION_KEY_FIELD);
      if (!isSubmissionKey(key) || formField(request, 'intent') === 'preview' || !request.admin) return;
      const submission = { userId: request.admin.user.id, key };
      const claim = await claimSubmission(deps.ctx, submission);
      if (claim.isRepeat) {
        request.log.info({ resultPath: claim.resultPath }, 'repeated form submission answered with the first one’s result');
        return reply.redirect(claim.resultPath, 303);
      }
      claimed.set(request, submission);
    },
    onResponse: async (request: FastifyRequest, reply: FastifyReply) => {
      const submission = claimed.get(request);
      if (!submission) return;
      const location = reply.getHeader('location');
      const resultPath = reply.statusCode === 303 && typeof location === 'string' ? location : settledResults.get(request);
      await finishSubmission(deps.ctx, submission, resultPath);
    },
  };
}
