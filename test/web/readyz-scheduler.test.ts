// /readyz under `katsudo serve` also checks the scheduler: not ready before its first run has
// ended, ready after, and not ready again when no run has ended for SCHEDULER_STALE_INTERVALS
// intervals (a stuck run or a dead timer), so a load balancer stops sending to that process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SCHEDULER_INTERVAL_MS, SCHEDULER_STALE_INTERVALS, startScheduler, type Scheduler } from '../../src/actions/runtime/scheduler.js';
import { buildServer } from '../../src/web/server.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite } from '../support/db.js';

test('/readyz fails until the scheduler ends a run and again when its last run is stale', async () => {
  let nowMs = Date.parse('2025-03-01T00:00:00Z');
  const site = await createTestSite({ now: () => new Date(nowMs) });
  let scheduler: Scheduler | undefined;
  const app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent', schedulerLastRunAt: () => scheduler?.lastRunAt() });
  const readyz = async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    return { status: res.statusCode, scheduler: res.json().checks.scheduler as string };
  };
  try {
    assert.deepEqual(await readyz(), { status: 503, scheduler: 'failed' });
    // A timer that never fires again within the test: only the run at start happens.
    scheduler = startScheduler(site, { intervalMs: 3600_000 });
    await scheduler.idle();
    assert.deepEqual(await readyz(), { status: 200, scheduler: 'ok' });
    nowMs += SCHEDULER_STALE_INTERVALS * DEFAULT_SCHEDULER_INTERVAL_MS;
    assert.deepEqual(await readyz(), { status: 200, scheduler: 'ok' });
    nowMs += 1000;
    assert.deepEqual(await readyz(), { status: 503, scheduler: 'failed' });
  } finally {
    await scheduler?.stop();
    await app.close();
    await site.cleanup();
  }
});

test('/readyz has no scheduler check where no scheduler runs', async () => {
  const site = await createTestSite();
  const app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent' });
  try {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().checks.scheduler, undefined);
  } finally {
    await app.close();
    await site.cleanup();
  }
});
