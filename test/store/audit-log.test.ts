// The audit log folds identical entries per window into one counted row, atomically, and
// deletes old entries in batches.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { openDatabase } from '../../src/store/database.js';
import { migration0001 } from '../../src/store/migrations/0001-initial.js';
import { migration0002 } from '../../src/store/migrations/0002-search.js';
import { migration0003 } from '../../src/store/migrations/0003-authoring.js';
import { deleteAuditBefore, listAudit, recordAudit, type AuditEntryInput } from '../../src/store/audit-log.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;

before(async () => {
  site = await createTestSite();
});
after(async () => site.cleanup());

const record = (entry: AuditEntryInput, atIso: string) => site.db.transaction().execute((trx) => recordAudit(trx, entry, atIso));
const rowsOf = async (action: string) => (await listAudit(site.db, { limit: 100, action })).reverse();

test('folds identical entries recorded at once into one row with their count and the last time', async () => {
  const entry = { login: 'owner', action: 'fold.same', ip: '203.0.113.1', target: 'report:1', detail: { reason: 'password' } };
  const times = Array.from({ length: 60 }, (_, i) => `2026-11-20T03:0${Math.floor(i / 10)}:${String(i % 10).padStart(2, '0')}.000Z`);
  await Promise.all(times.map((at) => record(entry, at)));
  const rows = await rowsOf('fold.same');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.count, 60);
  // `at` is the time of whichever call inserted the row: on PostgreSQL the calls run side by side.
  assert.ok(times.includes(rows[0]!.at));
  assert.equal(rows[0]!.lastAt, '2026-11-20T03:05:09.000Z');
});

test('keeps entries apart that differ in source, login, target or detail, or fall in another window', async () => {
  const base = { login: 'owner', action: 'fold.apart', ip: '203.0.113.2', target: 'report:1', detail: { n: 1 } };
  const at = '2026-11-20T04:00:00.000Z';
  await Promise.all([
    record(base, at),
    record(base, at),
    record({ ...base, ip: '203.0.113.3' }, at),
    record({ ...base, login: 'editor' }, at),
    record({ ...base, target: 'report:2' }, at),
    record({ ...base, detail: { n: 2 } }, at),
  ]);
  await record(base, '2026-11-20T04:10:00.000Z');
  const rows = await rowsOf('fold.apart');
  // The six calls at once may be stored in any order (PostgreSQL runs them side by side); the later window's entry comes last.
  const sorted = (list: unknown[][]) => list.map((r) => JSON.stringify(r)).sort();
  assert.deepEqual(
    sorted(rows.slice(0, 5).map((r) => [r.ip, r.login, r.target, r.detail, r.count])),
    sorted([
      ['203.0.113.2', 'owner', 'report:1', '{"n":1}', 2],
      ['203.0.113.3', 'owner', 'report:1', '{"n":1}', 1],
      ['203.0.113.2', 'editor', 'report:1', '{"n":1}', 1],
      ['203.0.113.2', 'owner', 'report:2', '{"n":1}', 1],
      ['203.0.113.2', 'owner', 'report:1', '{"n":2}', 1],
    ]),
  );
  assert.deepEqual(
    rows.slice(5).map((r) => [r.ip, r.login, r.target, r.detail, r.count, r.at]),
    [['203.0.113.2', 'owner', 'report:1', '{"n":1}', 1, '2026-11-20T04:10:00.000Z']],
  );
});

test('deletes at most the given number of the oldest entries before a time', async () => {
  for (let i = 0; i < 5; i++) await record({ action: 'prune.batch', target: `report:${i}` }, `2020-01-0${i + 1}T00:00:00.000Z`);
  await record({ action: 'prune.batch', target: 'report:new' }, '2026-11-20T00:00:00.000Z');
  assert.equal(await deleteAuditBefore(site.db, '2021-01-01T00:00:00.000Z', 3), 3);
  assert.deepEqual(
    (await rowsOf('prune.batch')).map((r) => r.target),
    ['report:3', 'report:4', 'report:new'],
  );
  assert.equal(await deleteAuditBefore(site.db, '2021-01-01T00:00:00.000Z', 3), 2);
  assert.deepEqual(
    (await rowsOf('prune.batch')).map((r) => r.target),
    ['report:new'],
  );
});

test('keeps entries written before folding existed as single rows, never folded into', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-audit-'));
  try {
    const file = join(dir, 'katsudo.db');
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
    const migrations = { '0001-initial': migration0001, '0002-search': migration0002, '0003-authoring': migration0003 };
    await new Migrator({ db: old, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    const entry = { at: '2026-11-20T03:00:00.000Z', login: 'owner', action: 'login.blocked', ip: '203.0.113.9' };
    await old.insertInto('audit_log').values([entry, entry]).execute();
    await old.destroy();

    const db = await openDatabase({ file });
    try {
      await db.transaction().execute((trx) => recordAudit(trx, { login: 'owner', action: 'login.blocked', ip: '203.0.113.9' }, entry.at));
      const rows = await listAudit(db, { limit: 10 });
      assert.deepEqual(
        rows.map((r) => [r.count, r.at, r.lastAt]),
        [
          [1, entry.at, entry.at],
          [1, entry.at, entry.at],
          [1, entry.at, entry.at],
        ],
      );
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
