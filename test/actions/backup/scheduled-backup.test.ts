// The server's daily backups: the newest N kept, the outcome kept for the dashboard, one
// archive per day whichever process gets there first.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readBackupStatus, runScheduledBackup, startBackupSchedule } from '../../../src/actions/site/backup/scheduled-backup.js';
import { createTestSite, type TestSite } from '../../support/db.js';
import { publishReport } from '../../support/factories.js';

let site: TestSite;
let work: string;
before(async () => {
  site = await createTestSite();
  await publishReport(site);
  work = mkdtempSync(join(tmpdir(), 'katsudo-scheduled-'));
});
after(async () => {
  await site.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const day = (n: number) => new Date(Date.UTC(2026, 11, n, 18, 0));

test('keeps the newest archives and records the last success', async () => {
  const schedule = { dir: join(work, 'keep'), time: { hour: 3, minute: 0 }, keep: 2 };
  for (const n of [1, 2, 3]) assert.equal(await runScheduledBackup(site, schedule, day(n)), 'done');
  const archives = readdirSync(schedule.dir).filter((name) => name.endsWith('.tar'));
  assert.deepEqual(archives, ['katsudo-backup-20261202T180000Z.tar', 'katsudo-backup-20261203T180000Z.tar']);
  assert.deepEqual(readBackupStatus(schedule.dir), { lastSuccess: { at: site.now().toISOString(), file: 'katsudo-backup-20261203T180000Z.tar' } });
});

test('a second process at the same time makes no second archive', async () => {
  const schedule = { dir: join(work, 'twice'), time: { hour: 3, minute: 0 }, keep: 7 };
  const outcomes = await Promise.all([runScheduledBackup(site, schedule, day(4)), runScheduledBackup(site, schedule, day(4))]);
  assert.deepEqual(outcomes.sort(), ['done', 'skipped']);
  assert.equal(readdirSync(schedule.dir).filter((name) => name.endsWith('.tar')).length, 1);
});

test('a failure is recorded with the last success and cleared by the next success', async () => {
  const schedule = { dir: join(work, 'fail'), time: { hour: 3, minute: 0 }, keep: 7 };
  await runScheduledBackup(site, schedule, day(5));
  const broken = { ...site, dataDir: join(work, 'no-such-site') };
  await assert.rejects(runScheduledBackup(broken, schedule, day(6)));
  const failed = readBackupStatus(schedule.dir);
  assert.equal(failed.lastSuccess?.file, 'katsudo-backup-20261205T180000Z.tar');
  assert.match(failed.lastFailure?.message ?? '', /katsudo\.db/);
  await runScheduledBackup(site, schedule, day(7));
  assert.deepEqual(readBackupStatus(schedule.dir), { lastSuccess: { at: site.now().toISOString(), file: 'katsudo-backup-20261207T180000Z.tar' } });
});

test('the schedule makes the archive at the time of day in Japan time and stops cleanly', async () => {
  const schedule = { dir: join(work, 'timer'), time: { hour: 3, minute: 0 }, keep: 7 };
  // 02:59:59.950 JST: the backup is due in 50 ms.
  const clock = { ...site, now: () => new Date('2026-12-06T17:59:59.950Z') };
  // The schedule's timer does not keep a process alive by itself (unref); this test does.
  const keepAlive = setInterval(() => {}, 1000);
  const file = await new Promise<string>((resolve, reject) => {
    const running = startBackupSchedule(clock, schedule, {
      onDone: (name) => void running.stop().then(() => resolve(name)),
      onError: reject,
    });
  }).finally(() => clearInterval(keepAlive));
  assert.equal(file, 'katsudo-backup-20261206T180000Z.tar');
  assert.deepEqual(
    readdirSync(schedule.dir).filter((name) => name.endsWith('.tar')),
    [file],
  );
});
