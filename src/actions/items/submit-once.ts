// A form post that creates or publishes runs once per submission key (issue 12 item 2): the
// first post with a key claims it and records where it led; a second one (a double click,
// back-then-save, a retry on a slow line) waits for the first to finish and is sent where
// the first went. Keys are per user and expire after a day.
import { ServerBusyError } from '../../domain/errors.js';
import { claimSubmissionKey, deleteExpiredSubmissionKeys, findSubmissionKey, releaseSubmissionKey, settleSubmissionKey } from '../../store/submission-keys.js';
import type { ActionContext } from '../runtime/context.js';

const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** How long a second post waits for the first (a slow save of a long report under load). */
const DEFAULT_WAIT_MS = 20_000;
const POLL_MS = 50;
/** What the forms carry: 128 random bits in base64url (web/admin/submission-key.ts). */
const KEY_FORMAT = /^[A-Za-z0-9_-]{16,64}$/;

export interface Submission {
  userId: number;
  key: string;
}

export type Claim = { isRepeat: false } | { isRepeat: true; resultPath: string };

/** Whether a posted value is a key at all; a post without one (an old page, a script) runs unguarded. */
export function isSubmissionKey(value: string): boolean {
  return KEY_FORMAT.test(value);
}

/**
 * Claims the key for this submission, or (`isRepeat`) returns where the submission that
 * claimed it first led. While that one is still running, waits for it; when it ends without
 * a result (refused, failed) the key is claimed for this one.
 * @throws ServerBusyError when the first submission is still running after the wait (try again later)
 */
export async function claimSubmission(ctx: ActionContext, submission: Submission, waitMs = DEFAULT_WAIT_MS): Promise<Claim> {
  const started = Date.now();
  for (;;) {
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + KEY_LIFETIME_MS).toISOString();
    const state = await claimSubmissionKey(ctx.db, submission.userId, submission.key, now.toISOString(), expiresAt);
    if (state.kind === 'done') return { isRepeat: true, resultPath: state.resultPath };
    if (state.kind === 'claimed') return { isRepeat: false };
    if (Date.now() - started > waitMs) throw new ServerBusyError();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Where the submission with this key led, when one went through (a form opened again from its link or history). */
export async function findSubmissionResult(ctx: ActionContext, submission: Submission): Promise<string | undefined> {
  return (await findSubmissionKey(ctx.db, submission.userId, submission.key))?.resultPath ?? undefined;
}

/**
 * Records where a claimed submission led, or with no result gives the key back (the form came
 * back with errors and will be sent again, corrected). Expired keys are dropped on the way.
 */
export async function finishSubmission(ctx: ActionContext, submission: Submission, resultPath: string | undefined): Promise<void> {
  if (resultPath === undefined) await releaseSubmissionKey(ctx.db, submission.userId, submission.key);
  else await settleSubmissionKey(ctx.db, submission.userId, submission.key, resultPath);
  await deleteExpiredSubmissionKeys(ctx.db, ctx.now().toISOString());
}
