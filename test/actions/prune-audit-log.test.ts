// Old audit entries are pruned after the retention period, by the action and by the
// scheduler at most once an hour, and the pruning is itself recorded.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { pruneAuditLog } from '../../src/actions/site/prune-audit-log.js';
import { startScheduler } from '../../src/actions/runtime/scheduler.js';
import { listAudit, recordAudit } from '../../src/store/audit-log.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;
let clock = new Date('2026-11-20T03:00:00.000Z');

before(async () => {
  site = await createTestSite({ now: () => clock });
});
after(async () => site.cleanup());
beforeEach(async () => {
  await site.db.deleteFrom('audit_log').execute();
});

const daysAgo = (days: number) => new Date(clock.getTime() - days * 24 * 3_600_000).toISOString();
const targets = async () =>
  (await listAudit(site.db, { limit: 5000 }))
    .map((e) => e.target)
    .filter((t) => t !== '')
    .sort();

async function recordMany(count: number, atIso: string, prefix: string) {
  await site.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) await recordAudit(trx, { action: 'report.publish', target: `${prefix}:${i}` }, atIso);
  });
}

test('deletes entries older than the retention, in batches, keeps newer ones and records what it did', async () => {
  await recordMany(2500, daysAgo(400), 'old');
  await recordMany(2, daysAgo(364), 'kept');
  assert.equal(await pruneAuditLog(site, 365), 2500);
  assert.deepEqual(await targets(), ['kept:0', 'kept:1']);
  const [prune] = await listAudit(site.db, { limit: 1, action: 'audit.prune' });
  assert.equal(prune?.login, 'scheduler');
  assert.deepEqual(JSON.parse(prune!.detail), { deleted: 2500, before: daysAgo(365), retentionDays: 365 });
});

test('writes nothing when there is nothing to prune', async () => {
  await recordMany(1, daysAgo(10), 'recent');
  assert.equal(await pruneAuditLog(site, 365), 0);
  assert.equal((await listAudit(site.db, { limit: 10 })).length, 1);
});

test('the scheduler prunes at start and then at most once an hour', async () => {
  await recordMany(3, daysAgo(40), 'first');
  const scheduler = startScheduler(site, { intervalMs: 60_000, auditRetentionDays: 30 });
  await scheduler.idle();
  await scheduler.stop();
  assert.deepEqual(await targets(), []);

  const again = startScheduler(site, { intervalMs: 5, auditRetentionDays: 30 });
  try {
    await again.idle();
    await recordMany(1, daysAgo(40), 'within-the-hour');
    clock = new Date(clock.getTime() + 59 * 60_000);
    // Later runs within the hour leave it; wait for a few of them.
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 10));
      await again.idle();
    }
    assert.deepEqual(await targets(), ['within-the-hour:0']);
    clock = new Date(clock.getTime() + 60_000);
    for (let i = 0; i < 100 && (await targets()).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(await targets(), []);
  } finally {
    await again.stop();
  }
});
