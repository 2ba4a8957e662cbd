import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { publishDueReports } from '../../src/actions/reports/publish-due-reports.js';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { scheduleReport } from '../../src/actions/reports/schedule-report.js';
import { startScheduler } from '../../src/actions/runtime/scheduler.js';
import { searchReports } from '../../src/actions/search/search-reports.js';
import { listAudit } from '../../src/store/audit-log.js';
import { getEditableReport, listDueScheduled } from '../../src/store/reports.js';
import { countRevisions } from '../../src/store/revisions.js';
import { getContentVersion } from '../../src/store/site-state.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';

const run = promisify(execFile);
let site: TestSite;
let team: Team;
let clock = new Date('2026-11-20T03:00:00.000Z');
const at = (iso: string) => {
  clock = new Date(iso);
};

before(async () => {
  site = await createTestSite({ now: () => clock });
  team = await addTeam(site);
});
after(() => site.cleanup());

let counter = 0;
/** A report scheduled (at the current clock) for `publishAt`. */
async function scheduled(publishAt: string, word = `予約${++counter}`): Promise<number> {
  const saved = await saveReport(site, team.editor, {
    title: `${word}の報告`,
    activityDate: '2026-11-01',
    categoryId: null,
    tags: [],
    slug: '',
    summary: '',
    bodySource: `1 概要\n\n(1)${word}の本文。`,
  });
  await scheduleReport(site, team.editor, { reportId: saved.id, publishAt });
  return saved.id;
}

async function auditFor(id: number) {
  return (await listAudit(site.db, { limit: 1000, action: 'report.publish' })).filter((e) => e.target === `report:${id}`);
}

test('publishes at its first run a report whose time passed while the server was down', async () => {
  at('2026-11-20T03:00:00.000Z');
  const id = await scheduled('2026-11-20T13:00'); // 04:00Z
  const revisions = await countRevisions(site.db, id);
  at('2026-11-20T06:00:00.000Z'); // the server comes back two hours late
  const versionBefore = await getContentVersion(site.db);
  const published: number[][] = [];
  const scheduler = startScheduler(site, { intervalMs: 60_000, onPublished: (ids) => published.push(ids) });
  await scheduler.idle();
  await scheduler.stop();
  const report = await getEditableReport(site.db, id);
  assert.deepEqual([report.status, report.publishedAt, report.scheduledAt], ['published', '2026-11-20T04:00:00.000Z', null]);
  assert.deepEqual(published, [[id]]);
  const found = await searchReports(site.db, { q: `予約${counter}の本文`, filter: {}, page: 1, perPage: 10 });
  assert.deepEqual(
    found.items.map((i) => i.report.id),
    [id],
  );
  assert.ok((await getContentVersion(site.db)) > versionBefore);
  const entries = await auditFor(id);
  assert.deepEqual(
    entries.map((e) => [e.login, e.userId]),
    [['scheduler', null]],
  );
  assert.equal(await countRevisions(site.db, id), revisions, 'publishing writes no revision');
});

test('leaves a report scheduled for the future alone, writing nothing', async () => {
  at('2026-11-20T03:00:00.000Z');
  const id = await scheduled('2026-11-21T09:00');
  const versionBefore = await getContentVersion(site.db);
  assert.deepEqual(await listDueScheduled(site.db, clock.toISOString()), []);
  assert.deepEqual(await publishDueReports(site), []);
  assert.equal((await getEditableReport(site.db, id)).status, 'scheduled');
  assert.equal(await getContentVersion(site.db), versionBefore);
  assert.deepEqual(await auditFor(id), []);
  // Exactly at its time it goes out.
  at('2026-11-21T00:00:00.000Z');
  assert.deepEqual(await listDueScheduled(site.db, clock.toISOString()), [id]);
  assert.deepEqual(await publishDueReports(site), [id]);
});

test('publishes once when two runs of one process overlap', async () => {
  at('2026-11-20T03:00:00.000Z');
  const ids = [await scheduled('2026-11-20T12:30'), await scheduled('2026-11-20T12:40')];
  at('2026-11-20T04:00:00.000Z');
  const [a, b] = await Promise.all([publishDueReports(site), publishDueReports(site)]);
  assert.deepEqual(
    [...a!, ...b!].sort((x, y) => x - y),
    ids,
  );
  for (const id of ids) assert.equal((await auditFor(id)).length, 1);
});

test('publishes once when two processes run at the same moment', async () => {
  at('2026-11-20T03:00:00.000Z');
  const ids = [await scheduled('2026-11-20T12:10'), await scheduled('2026-11-20T12:20'), await scheduled('2026-11-20T12:30')];
  const later = await scheduled('2026-11-25T12:00');
  const child = new URL('../support/publish-due-child.ts', import.meta.url).pathname;
  const startAt = String(Date.now() + 2500);
  const args = ['--import', 'tsx', child, JSON.stringify(site.database), site.dataDir, '2026-11-20T05:00:00.000Z', startAt];
  const outputs = await Promise.all([run(process.execPath, args), run(process.execPath, args)]);
  const published = outputs.map((o) => JSON.parse(o.stdout) as number[]);
  assert.deepEqual(
    published.flat().sort((x, y) => x - y),
    ids,
    `runs published ${JSON.stringify(published)}`,
  );
  for (const id of ids) {
    assert.equal((await getEditableReport(site.db, id)).status, 'published');
    assert.equal((await auditFor(id)).length, 1, `one audit entry for ${id}`);
  }
  assert.equal((await getEditableReport(site.db, later)).status, 'scheduled');
});

test('runs again at every interval until stopped', async () => {
  at('2026-11-20T03:00:00.000Z');
  const id = await scheduled('2026-11-20T12:05');
  const scheduler = startScheduler(site, { intervalMs: 10 });
  await scheduler.idle();
  assert.equal((await getEditableReport(site.db, id)).status, 'scheduled');
  at('2026-11-20T03:06:00.000Z');
  for (let i = 0; i < 100 && (await getEditableReport(site.db, id)).status !== 'published'; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal((await getEditableReport(site.db, id)).status, 'published');
  await scheduler.stop();
  at('2026-11-20T03:00:00.000Z');
  const after = await scheduled('2026-11-20T12:10');
  at('2026-11-20T04:00:00.000Z');
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await getEditableReport(site.db, after)).status, 'scheduled', 'a stopped scheduler publishes nothing');
});

test('reports a failed run to onError instead of throwing', async () => {
  const closed = await createTestSite();
  await closed.cleanup(); // the database is closed: every query fails
  const errors: unknown[] = [];
  const scheduler = startScheduler(closed, { intervalMs: 60_000, onError: (e) => errors.push(e) });
  await scheduler.idle();
  await scheduler.stop();
  assert.equal(errors.length, 1);
});
