import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNT_BACKOFF, blockMs, IP_BACKOFF } from '../../src/domain/login-backoff.js';

const POLICY = { freeFailures: 3, baseMs: 1000, capMs: 10_000, forgetAfterMs: 60_000 };

test('blocks nothing until the free failures are used', () => {
  for (const n of [0, 1, 2, 3]) assert.equal(blockMs(n, POLICY), 0);
});

test('doubles the block with each further failure up to the cap', () => {
  assert.deepEqual(
    [4, 5, 6, 7, 8, 9, 100, 10_000].map((n) => blockMs(n, POLICY)),
    [1000, 2000, 4000, 8000, 10_000, 10_000, 10_000, 10_000],
  );
});

test('keeps the account block short and the address block long', () => {
  assert.equal(blockMs(1_000, ACCOUNT_BACKOFF), 60_000);
  assert.equal(blockMs(1_000, IP_BACKOFF), 15 * 60_000);
  assert.equal(blockMs(ACCOUNT_BACKOFF.freeFailures + 1, ACCOUNT_BACKOFF), 1000);
});
