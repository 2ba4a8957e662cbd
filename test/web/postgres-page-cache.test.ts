// Cached pages on PostgreSQL (issue 15 item 8): requests arriving together share one query of
// the content version, and a write committed through another database handle (another
// instance) before a request is always seen by it, even while version queries are in flight.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import { inlinePool } from '../../src/actions/runtime/work-pool.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { contentVersionQueriesSent } from '../../src/store/site-state.js';
import { buildServer } from '../../src/web/server.js';
import { NO_RATE_LIMITS, TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport, setSettings } from '../support/factories.js';
import { skipUnlessPostgres } from '../support/postgres.js';

const skip = skipUnlessPostgres();
/** The writing instance's site, and a second handle on the same database serving pages (the other instance). */
let site: TestSite;
let otherDb: Db;
let app: FastifyInstance;

before(async () => {
  if (skip) return;
  site = await createTestSite({ backend: 'postgres' });
  await setSettings(site);
  await publishReport(site, { title: '最初の報告', slug: 'first-report' });
  otherDb = await openDatabase(site.database);
  const other: ActionContext = { ...site, db: otherDb, work: inlinePool(otherDb) };
  app = await buildServer({ ctx: other, baseUrl: TEST_BASE_URL, logLevel: 'silent', rateLimits: NO_RATE_LIMITS });
});
after(async () => {
  await app?.close();
  await otherDb?.destroy();
  await site?.cleanup();
});

test('requests for a cached page arriving at once share the content version queries', { skip }, async () => {
  await app.inject('/activity/');
  const kept = await app.inject('/activity/');
  const sentBefore = contentVersionQueriesSent(otherDb)!;
  const requests = 64;
  const responses = await Promise.all(Array.from({ length: requests }, () => app.inject('/activity/')));
  assert.deepEqual(new Set(responses.map((r) => `${r.statusCode} ${r.headers.etag}`)), new Set([`200 ${kept.headers.etag}`]));
  const sent = contentVersionQueriesSent(otherDb)! - sentBefore;
  assert.ok(sent >= 1 && sent < requests / 2, `${sent} version queries for ${requests} requests`);
});

test('a write committed through another instance before a request is seen by it while version queries are in flight', { skip }, async () => {
  let isLoaded = true;
  // Keeps version queries in flight on the serving handle, so each request below arrives during one.
  const load = (async () => {
    while (isLoaded) await Promise.all(Array.from({ length: 8 }, () => app.inject('/activity/')));
  })();
  try {
    for (let i = 1; i <= 12; i++) {
      await publishReport(site, { title: `新しい報告その${i}`, slug: `new-report-${i}` });
      const page = await app.inject('/activity/');
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(`href="/activity/new-report-${i}/"`), `the list after write ${i} links its report`);
    }
  } finally {
    isLoaded = false;
    await load;
  }
});
