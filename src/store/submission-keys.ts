// Submission keys (migration 0016): one row per (user, key) a form post claimed, with the
// path its first submission led to. The primary key makes a claim atomic across requests
// and processes: of two posts with the same key exactly one inserts the row.
import type { Db } from './database.js';

export type SubmissionState = { kind: 'claimed' } | { kind: 'running' } | { kind: 'done'; resultPath: string };

/** Inserts the key for the user, or reports what the submission that did is at. */
export async function claimSubmissionKey(db: Db, userId: number, key: string, nowIso: string, expiresAtIso: string): Promise<SubmissionState> {
  const inserted = await db
    .insertInto('submission_keys')
    .values({ user_id: userId, submission_key: key, result_path: null, created_at: nowIso, expires_at: expiresAtIso })
    .onConflict((oc) => oc.columns(['user_id', 'submission_key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { kind: 'claimed' };
  const row = await findSubmissionKey(db, userId, key);
  if (row === undefined) return { kind: 'running' };
  return row.resultPath === null ? { kind: 'running' } : { kind: 'done', resultPath: row.resultPath };
}

export async function findSubmissionKey(db: Db, userId: number, key: string): Promise<{ resultPath: string | null } | undefined> {
  const row = await db.selectFrom('submission_keys').select('result_path').where('user_id', '=', userId).where('submission_key', '=', key).executeTakeFirst();
  return row && { resultPath: row.result_path };
}

export async function settleSubmissionKey(db: Db, userId: number, key: string, resultPath: string): Promise<void> {
  await db.updateTable('submission_keys').set({ result_path: resultPath }).where('user_id', '=', userId).where('submission_key', '=', key).execute();
}

/** Forgets a claim whose submission failed, so the corrected form can be sent again. */
export async function releaseSubmissionKey(db: Db, userId: number, key: string): Promise<void> {
  await db.deleteFrom('submission_keys').where('user_id', '=', userId).where('submission_key', '=', key).where('result_path', 'is', null).execute();
}

export async function deleteExpiredSubmissionKeys(db: Db, nowIso: string): Promise<void> {
  await db.deleteFrom('submission_keys').where('expires_at', '<', nowIso).execute();
}
