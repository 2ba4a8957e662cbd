// Issue 15 item 4: writers running at the same moment on PostgreSQL (READ COMMITTED). Each
// "instance" is a pool of its own on the same database, as each `katsudo serve` process has,
// and the calls of one test start together (Promise.all), so their transactions interleave on
// the server. SQLite's single writer serialises them; these tests are about the engine that
// does not.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { publishDueReports } from '../../src/actions/reports/publish-due-reports.js';
import { saveReport, type ReportFields } from '../../src/actions/reports/save-report.js';
import { scheduleReport } from '../../src/actions/reports/schedule-report.js';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import { inlinePool } from '../../src/actions/runtime/work-pool.js';
import { createReport } from '../../src/actions/reports/create-report.js';
import { EditConflictError } from '../../src/domain/errors.js';
import type { BackoffPolicy } from '../../src/domain/login-backoff.js';
import { runImport, type ImportItem } from '../../src/importers/import-run.js';
import { listAudit } from '../../src/store/audit-log.js';
import { openDatabase } from '../../src/store/database.js';
import { findThrottles, reserveAttempts } from '../../src/store/login-throttle.js';
import { getEditableReport } from '../../src/store/reports.js';
import { countRevisions } from '../../src/store/revisions.js';
import { getContentVersion } from '../../src/store/site-state.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { draft } from '../support/factories.js';
import { skipUnlessPostgres } from '../support/postgres.js';

const skip = skipUnlessPostgres();
const INSTANCES = 4;

let site: TestSite;
let team: Team;
let instances: ActionContext[] = [];
let clock = new Date('2026-11-20T03:00:00.000Z');

before(async () => {
  if (skip) return;
  site = await createTestSite({ backend: 'postgres', now: () => clock });
  team = await addTeam(site);
  const database = site.database;
  if (!('postgres' in database)) throw new Error('a PostgreSQL test site was asked for');
  instances = await Promise.all(
    Array.from({ length: INSTANCES }, async () => {
      const db = await openDatabase(database);
      return { db, dataDir: site.dataDir, now: () => clock, work: inlinePool(db) };
    }),
  );
});
after(async () => {
  await Promise.all(instances.map((i) => i.db.destroy()));
  await site?.cleanup();
});

/** `count` calls spread over the instances, started together. */
function atOnce<T>(count: number, call: (instance: ActionContext, i: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  return Promise.allSettled(Array.from({ length: count }, (_, i) => call(instances[i % INSTANCES]!, i)));
}

function fields(overrides: Partial<ReportFields> = {}): ReportFields {
  return { title: '同時に書いた報告', activityDate: '2026-10-01', categoryId: null, tags: [], slug: '', summary: '', bodySource: '1 概要\n\n(1)本文。', ...overrides };
}

function fulfilled<T>(results: PromiseSettledResult<T>[]): T[] {
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  assert.deepEqual(
    refused.map((r) => String(r.reason)),
    [],
  );
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

test('of two saves of the same version at once, one wins and the other gets the edit conflict', { skip }, async () => {
  const created = await saveReport(site, team.editor, fields({ activityDate: '2026-10-02' }));
  const results = await atOnce(2, (instance, i) =>
    saveReport(instance, team.editor, { ...fields({ activityDate: '2026-10-02', title: `保存${i}` }), reportId: created.id, expectedVersion: created.version }),
  );
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
  assert.ok(refused.reason instanceof EditConflictError, String(refused.reason));
  const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ version: number }>).value;
  const stored = await getEditableReport(site.db, created.id);
  assert.equal(stored.version, winner.version);
  assert.equal(stored.version, created.version + 1);
});

test('reports created at once for the same date get distinct URL names, none refused', { skip }, async () => {
  const viaEditor = await atOnce(6, (instance) => saveReport(instance, team.writer, fields({ activityDate: '2026-10-03' })));
  const viaImport = await atOnce(6, (instance) => createReport(instance, draft({ title: '同時に書いた報告', activityDate: '2026-10-03' }), { status: 'published' }));
  const slugs = [...fulfilled(viaEditor), ...fulfilled(viaImport)].map((r) => r.slug);
  assert.equal(new Set(slugs).size, 12, slugs.join(' '));
  assert.ok(slugs.every((s) => s.startsWith('2026-10-03')));
});

test('twenty reports due in the same minute are published once each, however many instances run the scheduler', { skip }, async () => {
  clock = new Date('2026-11-20T03:00:00.000Z');
  const ids: number[] = [];
  for (let i = 0; i < 20; i++) {
    const saved = await saveReport(site, team.editor, fields({ title: `予約${i}`, activityDate: '2026-10-04' }));
    await scheduleReport(site, team.editor, { reportId: saved.id, publishAt: '2026-11-20T12:30' }); // 03:30Z
    ids.push(saved.id);
  }
  const revisionsBefore = await Promise.all(ids.map((id) => countRevisions(site.db, id)));
  clock = new Date('2026-11-20T03:30:30.000Z');
  const runs = fulfilled(await atOnce(INSTANCES * 2, (instance) => publishDueReports(instance)));
  const published = runs.flat().sort((a, b) => a - b);
  assert.deepEqual(published, ids);
  const audit = (await listAudit(site.db, { limit: 1000, action: 'report.publish' })).filter((e) => ids.includes(Number(e.target.replace('report:', ''))));
  assert.deepEqual(audit.map((e) => e.target).sort(), ids.map((id) => `report:${id}`).sort());
  assert.deepEqual(
    audit.map((e) => e.count),
    Array(20).fill(1),
  );
  assert.deepEqual(await Promise.all(ids.map((id) => countRevisions(site.db, id))), revisionsBefore);
  for (const id of ids) assert.equal((await getEditableReport(site.db, id)).status, 'published');
});

test('the login throttle lets through only the free attempts when they arrive at once on every instance', { skip }, async () => {
  const policy: BackoffPolicy = { freeFailures: 3, baseMs: 1000, capMs: 8000, forgetAfterMs: 60_000 };
  const keys: [string, BackoffPolicy][] = [
    ['ip:192.0.2.77', policy],
    ['login:concurrent', policy],
  ];
  const at = new Date('2026-11-20T05:00:00.000Z');
  const results = fulfilled(await atOnce(12, (instance) => reserveAttempts(instance.db, keys, at)));
  assert.equal(results.filter((r) => r.isAllowed).length, 4);
  assert.deepEqual(
    results.filter((r) => !r.isAllowed).map((r) => r.retryAfterMs),
    Array(8).fill(1000),
  );
  assert.deepEqual(
    (await findThrottles(site.db, ['ip:192.0.2.77', 'login:concurrent'])).map((s) => s.failures),
    [4, 4],
  );
});

test('two imports of the same source at once make one report per item', { skip }, async () => {
  const items: ImportItem[] = Array.from({ length: 5 }, (_, i) => ({
    type: 'report',
    key: `post-${i}`,
    label: `https://old.example.jp/?p=${i}`,
    report: {
      title: `取り込み${i}`,
      activityDate: '2021-04-01',
      bodySource: `1 概要\n\n(1)取り込み${i}の本文。`,
      status: 'published',
      publishedAt: '2021-04-01T09:00:00.000Z',
    },
  }));
  const summaries = fulfilled(await atOnce(2, (instance) => runImport(instance, items, { kind: 'concurrent' })));
  assert.deepEqual(
    summaries.map((s) => s.failed.map((f) => f.reason)),
    [[], []],
  );
  assert.equal(summaries[0]!.created + summaries[1]!.created, 5);
  assert.equal(summaries[0]!.unchanged + summaries[1]!.unchanged, 5);
  const reports = await site.db.selectFrom('reports').select('id').where('title', 'like', '取り込み%').execute();
  const sources = await site.db.selectFrom('import_sources').select('report_id').where('source_kind', '=', 'concurrent').execute();
  assert.equal(reports.length, 5);
  assert.deepEqual(sources.map((s) => s.report_id).sort(), reports.map((r) => r.id).sort());
});

test('the content version goes up by one for every write at once and never goes back for a reader', { skip }, async () => {
  const start = await getContentVersion(site.db);
  const seen: number[] = [];
  let isWriting = true;
  const reader = (async () => {
    while (isWriting) seen.push(await getContentVersion(instances[0]!.db));
  })();
  const writes = await atOnce(16, (instance, i) => createReport(instance, draft({ title: `版${i}`, activityDate: '2026-10-05' }), { status: 'published' }));
  isWriting = false;
  await reader;
  fulfilled(writes);
  assert.equal(await getContentVersion(site.db), start + 16);
  assert.ok(seen.length > 0);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! >= seen[i - 1]!, `read ${seen[i]} after ${seen[i - 1]}`);
});
