// Store functions whose SQL differs by engine, on PostgreSQL (issue 15 item 4): the login
// throttle's keys are locked so simultaneous attempts count one after another, the search
// index is written, emptied and measured, and FTS5's merge commands are no-ops there.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { searchDocument } from '../../src/domain/search/document.js';
import type { BackoffPolicy } from '../../src/domain/login-backoff.js';
import { findThrottles, reserveAttempts } from '../../src/store/login-throttle.js';
import { mergeIndexStep, pauseAutomerge, restoreAutomerge } from '../../src/store/search-merge.js';
import { clearSearchIndex, indexReport, searchIndexBytes } from '../../src/store/search.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { skipUnlessPostgres } from '../support/postgres.js';

const skip = skipUnlessPostgres();
let site: TestSite;

before(async () => {
  if (!skip) site = await createTestSite({ backend: 'postgres' });
});
after(async () => {
  await site?.cleanup();
});

const THREE_FREE: BackoffPolicy = { freeFailures: 3, baseMs: 1000, capMs: 8000, forgetAfterMs: 60_000 };

test('counts simultaneous login attempts on the same keys one after another, allowing only the free ones and the first over', { skip }, async () => {
  const keys: [string, BackoffPolicy][] = [
    ['ip:192.0.2.20', THREE_FREE],
    ['login:sato', THREE_FREE],
  ];
  const at = new Date('2026-11-20T00:01:40.000Z');
  const results = await Promise.all(Array.from({ length: 12 }, () => reserveAttempts(site.db, keys, at)));
  assert.equal(results.filter((r) => r.isAllowed).length, 4);
  const states = await findThrottles(site.db, ['ip:192.0.2.20', 'login:sato']);
  assert.deepEqual(
    states.map((s) => s.failures),
    [4, 4],
  );
});

test('writes, replaces, empties and measures the report search index', { skip }, async () => {
  // Publishing indexes the report; indexing it again replaces its entry.
  const { id } = await publishReport(site, { title: '外交の報告' });
  await site.db.transaction().execute((trx) => indexReport(trx, id, searchDocument('外交の報告', '国際交流について')));
  const rows = await sql<{ n: number }>`select count(*)::integer as n from report_search where rowid = ${id}`.execute(site.db);
  assert.deepEqual(rows.rows, [{ n: 1 }]);
  const tokens = await sql<{
    token: string;
  }>`select token from report_search_blocks where block = ${id >> 4} and exists (select from unnest(entries) e where e >> 32 = ${id})`.execute(site.db);
  assert.ok(
    tokens.rows.some((t) => t.token === '交流'),
    tokens.rows.map((t) => t.token).join(' '),
  );
  assert.ok((await searchIndexBytes(site.db)) > 0);
  await site.db.transaction().execute((trx) => clearSearchIndex(trx));
  const left = await sql<{ n: number }>`select count(*) as n from report_search`.execute(site.db);
  assert.deepEqual(left.rows, [{ n: 0 }]);
});

test('pauses, merges and restores nothing, as GIN indexes have no merge commands', { skip }, async () => {
  const previous = await pauseAutomerge(site.db);
  assert.equal(previous.size, 0);
  assert.equal(await mergeIndexStep(site.db, 16), false);
  await restoreAutomerge(site.db, previous);
});
