// The shared read behind the content version on PostgreSQL: callers of one moment share a
// query, and nobody gets the answer of a query sent before they called.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoalescedRead } from '../../src/store/coalesced-read.js';

/** A query the test answers by hand: each call is one "round trip" held open until answered. */
function heldQueries() {
  const pending: { resolve: (value: number) => void; reject: (error: Error) => void }[] = [];
  const query = () => new Promise<number>((resolve, reject) => pending.push({ resolve, reject }));
  return { pending, query };
}

const ticks = () => new Promise<void>((resolve) => setImmediate(resolve));

test('sends one query for the callers of the same moment', async () => {
  const { pending, query } = heldQueries();
  const shared = new CoalescedRead(query);
  const reads = Array.from({ length: 20 }, () => shared.read());
  await ticks();
  assert.equal(pending.length, 1);
  pending[0]!.resolve(7);
  assert.deepEqual(await Promise.all(reads), Array(20).fill(7));
  assert.equal(shared.sent, 1);
});

test('gives callers who came while a query was in flight the next query, sent when it ends, shared by all of them', async () => {
  const { pending, query } = heldQueries();
  const shared = new CoalescedRead(query);
  const early = shared.read();
  await ticks();
  const late = Array.from({ length: 10 }, () => shared.read());
  await ticks();
  assert.equal(pending.length, 1, 'the next query waits for the one in flight');
  pending[0]!.resolve(1);
  assert.equal(await early, 1);
  await ticks();
  assert.equal(pending.length, 2);
  pending[1]!.resolve(2);
  assert.deepEqual(await Promise.all(late), Array(10).fill(2), 'never the answer of a query sent before the call');
  assert.equal(shared.sent, 2);
});

test('passes a failed query to its callers only and sends the next one afresh', async () => {
  const { pending, query } = heldQueries();
  const shared = new CoalescedRead(query);
  const failing = shared.read();
  await ticks();
  const next = shared.read();
  pending[0]!.reject(new Error('connection lost'));
  await assert.rejects(failing, /connection lost/);
  await ticks();
  pending[1]!.resolve(3);
  assert.equal(await next, 3);
  const after = shared.read();
  await ticks();
  pending[2]!.resolve(4);
  assert.equal(await after, 4);
});
