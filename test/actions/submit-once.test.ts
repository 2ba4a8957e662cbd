// Submission keys (actions/items/submit-once.ts): one claim per user and key, the first result for
// a repeat, the key given back after a refused submission, expiry after a day.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { claimSubmission, findSubmissionResult, finishSubmission, isSubmissionKey } from '../../src/actions/items/submit-once.js';
import { findSubmissionKey } from '../../src/store/submission-keys.js';
import { addTestUser } from '../support/admin.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;
let now = new Date('2026-11-20T03:00:00.000Z');
let userId: number;

before(async () => {
  site = await createTestSite({ now: () => now });
  userId = (await addTestUser(site, { login: 'editor', role: 'editor' })).id;
});
after(() => site.cleanup());

test('accepts only keys shaped as the forms make them', () => {
  assert.equal(isSubmissionKey('AbCdEfGhIjKlMnOpQrStUv'), true);
  assert.equal(isSubmissionKey(''), false);
  assert.equal(isSubmissionKey('short'), false);
  assert.equal(isSubmissionKey('<script>alert(1)</script>xxxxxxxx'), false);
});

test('of claims made at once exactly one wins; the others get its result once it is recorded', async () => {
  const submission = { userId, key: 'concurrent-key-000001' };
  const claims = Promise.all([1, 2, 3, 4].map(() => claimSubmission(site, submission)));
  // Once a claim is in, its winner records the result while the others wait for it.
  while (!(await findSubmissionKey(site.db, userId, submission.key))) await new Promise((resolve) => setImmediate(resolve));
  await finishSubmission(site, submission, '/admin/reports/7/edit?notice=report-published');
  const results = await claims;
  assert.equal(results.filter((c) => !c.isRepeat).length, 1);
  const repeats = results.filter((c) => c.isRepeat);
  assert.equal(repeats.length, 3);
  for (const r of repeats) assert.deepEqual(r, { isRepeat: true, resultPath: '/admin/reports/7/edit?notice=report-published' });
});

test('a key given back (refused form) can be claimed again', async () => {
  const submission = { userId, key: 'refused-key-000000001' };
  assert.deepEqual(await claimSubmission(site, submission), { isRepeat: false });
  await finishSubmission(site, submission, undefined);
  assert.deepEqual(await claimSubmission(site, submission), { isRepeat: false });
});

test('keys older than a day are dropped', async () => {
  const submission = { userId, key: 'old-key-0000000000001' };
  await claimSubmission(site, submission);
  await finishSubmission(site, submission, '/admin/reports/1/edit');
  assert.equal(await findSubmissionResult(site, submission), '/admin/reports/1/edit');
  now = new Date(now.getTime() + 25 * 60 * 60 * 1000);
  await finishSubmission(site, { userId, key: 'other-key-00000000001' }, undefined);
  assert.equal(await findSubmissionResult(site, submission), undefined);
});
