// Issue 13 item 3: a full disk is an understood state. The database is made full for real
// with SQLite's `PRAGMA max_page_count` (the limit set to the file's current size): SQLite
// then answers SQLITE_FULL on exactly the path a full disk takes (the write that needs a new
// page fails, SQLite ends the transaction itself), without needing root to mount a small
// tmpfs — which `npm test` in CI could not count on.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { DiskFullError, diskFullFrom } from '../../src/domain/errors.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { setSettings } from '../support/factories.js';

let site: TestSite;
let app: FastifyInstance;
let editor: AdminAgent;

before(async () => {
  site = await createTestSite();
  await setSettings(site);
  app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent' });
  await addTestUser(site, { login: 'editor', role: 'editor' });
  editor = await logIn(app, 'editor');
});
after(async () => {
  await app.close();
  await site.cleanup();
});

/** Runs `work` with the database unable to grow, then lets it grow again. */
async function whileFull<T>(work: () => Promise<T>): Promise<T> {
  const pages = Number((await sql<{ page_count: number }>`pragma page_count`.execute(site.db)).rows[0]!.page_count);
  await sql.raw(`pragma max_page_count = ${pages}`).execute(site.db);
  try {
    return await work();
  } finally {
    await sql.raw('pragma max_page_count = 1073741823').execute(site.db);
  }
}

const count = async (table: 'reports' | 'settings') => Number((await site.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

test('a transaction that fills the database fails with SQLite\'s own SQLITE_FULL, not the rollback that follows it, and leaves nothing of itself', async () => {
  const before = await count('settings');
  const error = await whileFull(() =>
    site.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('settings').values({ key: 'first', value: 'x' }).execute();
        await trx.insertInto('settings').values({ key: 'second', value: 'x'.repeat(2_000_000) }).execute();
      })
      .then(
        () => assert.fail('the write should not fit'),
        (e: unknown) => e,
      ),
  );
  assert.equal((error as { code?: string }).code, 'SQLITE_FULL', String(error));
  assert.doesNotMatch(String(error), /cannot rollback/);
  assert.equal(await count('settings'), before, 'the first insert went with the transaction');
  const diskFull = diskFullFrom(error);
  assert.ok(diskFull instanceof DiskFullError);
  assert.equal(diskFull.code, 'DISK_FULL');
  assert.equal(diskFull.cause, error, 'the original error stays the cause, for the log');
  assert.equal(diskFullFrom(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))?.code, 'DISK_FULL');
  assert.equal(diskFullFrom(new Error('something else')), undefined);
});

test('saving a report on a full disk answers 507 with the Japanese message and saves nothing', async () => {
  const before = await count('reports');
  const response = await whileFull(() =>
    editor.post('/admin/reports/new', { title: '委員会で質問', activityDate: '2026-11-02', bodySource: `1 概要\n\n${'委員会で質問した。'.repeat(20_000)}`, intent: 'save' }),
  );
  assert.equal(response.statusCode, 507);
  assert.match(response.body, /保存先のディスクに空きがありません/);
  assert.equal(await count('reports'), before);

  // With space again the same save goes through.
  const again = await editor.post('/admin/reports/new', { title: '委員会で質問', activityDate: '2026-11-02', bodySource: '1 概要\n\n委員会で質問した。', intent: 'save' });
  assert.equal(again.statusCode, 303, again.body.slice(0, 300));
  assert.equal(await count('reports'), before + 1);
});
