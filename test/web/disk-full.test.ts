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

/** The editor shown again: the message at the top, above the form, and what was typed in it. */
function assertFormKept(body: string, title: string, bodySource: string) {
  // Focused when the page opens (autofocus), also without JavaScript.
  const summary = body.indexOf('<div class="error-summary" role="alert" tabindex="-1" autofocus><p>保存先のディスクに空きがありません');
  assert.ok(summary > 0, body.slice(0, 2000));
  assert.ok(summary < body.indexOf('name="title"'), 'the message comes before the form');
  assert.ok(body.includes(`value="${title}"`), 'the title is kept');
  assert.ok(body.includes(`>${bodySource}</textarea>`), 'the body is kept');
}

const count = async (table: 'reports' | 'settings' | 'pages') =>
  Number(
    (
      await site.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test("a transaction that fills the database fails with SQLite's own SQLITE_FULL, not the rollback that follows it, and leaves nothing of itself", async () => {
  const before = await count('settings');
  const error = await whileFull(() =>
    site.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('settings').values({ key: 'first', value: 'x' }).execute();
        await trx
          .insertInto('settings')
          .values({ key: 'second', value: 'x'.repeat(2_000_000) })
          .execute();
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
  assert.equal(diskFullFrom(Object.assign(new Error('could not extend file'), { code: '53100' }))?.code, 'DISK_FULL', "PostgreSQL's disk_full");
  assert.equal(diskFullFrom(new Error('something else')), undefined);
});

test('saving a report on a full disk answers 507 with the Japanese message and saves nothing', async () => {
  const before = await count('reports');
  const response = await whileFull(() =>
    editor.post('/admin/reports/new', {
      title: '委員会で質問',
      activityDate: '2026-11-02',
      bodySource: `1 概要\n\n${'委員会で質問した。'.repeat(20_000)}`,
      intent: 'save',
    }),
  );
  assert.equal(response.statusCode, 507);
  assertFormKept(response.body, '委員会で質問', `1 概要\n\n${'委員会で質問した。'.repeat(20_000)}`);
  assert.equal(await count('reports'), before);

  // With space again the same save goes through.
  const again = await editor.post('/admin/reports/new', {
    title: '委員会で質問',
    activityDate: '2026-11-02',
    bodySource: '1 概要\n\n委員会で質問した。',
    intent: 'save',
  });
  assert.equal(again.statusCode, 303, again.body.slice(0, 300));
  assert.equal(await count('reports'), before + 1);
});

test('editing a report on a full disk shows the editor again with the typed text and the message, and changes nothing', async () => {
  const created = await editor.post('/admin/reports/new', { title: '視察の報告', activityDate: '2026-11-03', bodySource: '1 概要\n\n視察した。', intent: 'save' });
  const edit = created.headers.location!.replace(/\?.*$/, '');
  const form = await editor.get(edit);
  const expectedVersion = /name="expectedVersion" value="(\d+)"/.exec(form.body)![1]!;
  const typed = `1 概要\n\n${'視察先で聞いた話をまとめた。'.repeat(10_000)}`;
  const response = await whileFull(() =>
    editor.post(edit, { title: '視察の報告(追記)', activityDate: '2026-11-03', bodySource: typed, expectedVersion, intent: 'save' }),
  );
  assert.equal(response.statusCode, 507);
  assertFormKept(response.body, '視察の報告(追記)', typed);
  assert.match((await editor.get(edit)).body, /value="視察の報告"/, 'the stored report is unchanged');
});

test('saving a new page or editing one on a full disk shows the editor again with the typed text and the message', async () => {
  const before = await count('pages');
  const typed = 'ご相談の受付について。'.repeat(10_000);
  const fresh = await whileFull(() => editor.post('/admin/pages/new', { title: 'ご相談窓口', slug: 'soudan', bodySource: typed, intent: 'save' }));
  assert.equal(fresh.statusCode, 507);
  assertFormKept(fresh.body, 'ご相談窓口', typed);
  assert.equal(await count('pages'), before);

  const created = await editor.post('/admin/pages/new', { title: 'ご相談窓口', slug: 'soudan', bodySource: '平日に受け付けます。', intent: 'save' });
  assert.equal(created.statusCode, 303, created.body.slice(0, 300));
  const edit = created.headers.location!.replace(/\?.*$/, '');
  const expectedVersion = /name="expectedVersion" value="(\d+)"/.exec((await editor.get(edit)).body)![1]!;
  const edited = await whileFull(() => editor.post(edit, { title: 'ご相談窓口(改)', slug: 'soudan', bodySource: typed, expectedVersion, intent: 'save' }));
  assert.equal(edited.statusCode, 507);
  assertFormKept(edited.body, 'ご相談窓口(改)', typed);
  assert.match((await editor.get(edit)).body, /value="ご相談窓口"/, 'the stored page is unchanged');
});

/** The report's status as stored. */
const statusOf = async (table: 'reports' | 'pages', id: number) =>
  (await site.db.selectFrom(table).select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

// A long text, so that publishing (which indexes it for the public search) needs new pages.
const LONG_TEXT = `1 概要\n\n${'駅前で物価高への対応について話した。'.repeat(3000)}`;

test('publishing a report on a full disk shows the editor again with the message and the typed fields, and changes nothing', async () => {
  const created = await editor.post('/admin/reports/new', { title: '街頭演説', activityDate: '2026-11-04', bodySource: LONG_TEXT, summary: '駅前にて', intent: 'save' });
  const edit = created.headers.location!.replace(/\?.*$/, '');
  const id = Number(/\/(\d+)\/edit$/.exec(edit)![1]);
  const expectedVersion = /name="expectedVersion" value="(\d+)"/.exec((await editor.get(edit)).body)![1]!;
  // The text as stored: the save writes nothing, and the status change is what meets the full disk.
  const fields = { title: '街頭演説', activityDate: '2026-11-04', bodySource: LONG_TEXT, summary: '駅前にて', expectedVersion };
  const response = await whileFull(() => editor.post(edit, { ...fields, intent: 'publish' }));
  assert.equal(response.statusCode, 507, response.body.slice(0, 300));
  assertFormKept(response.body, '街頭演説', LONG_TEXT);
  assert.match(response.body, /<textarea id="field-summary"[^>]*>駅前にて<\/textarea>/, 'the summary is kept');
  assert.match(response.body, new RegExp(`name="expectedVersion" value="${expectedVersion}"`), 'the form can be sent again as it is');
  assert.equal(await statusOf('reports', id), 'draft', 'the report stays a draft');
  // With space again the same form publishes.
  const again = await editor.post(edit, { ...fields, intent: 'publish' });
  assert.equal(again.statusCode, 303, again.body.slice(0, 300));
  assert.equal(await statusOf('reports', id), 'published');
});

test('publishing a page on a full disk shows the editor again with the message and the typed fields', async () => {
  const created = await editor.post('/admin/pages/new', { title: '事務所案内', slug: 'jimusho', bodySource: LONG_TEXT, intent: 'save' });
  const edit = created.headers.location!.replace(/\?.*$/, '');
  const id = Number(/\/(\d+)\/edit$/.exec(edit)![1]);
  const expectedVersion = /name="expectedVersion" value="(\d+)"/.exec((await editor.get(edit)).body)![1]!;
  const response = await whileFull(() => editor.post(edit, { title: '事務所案内', slug: 'jimusho', bodySource: LONG_TEXT, expectedVersion, intent: 'publish' }));
  assert.equal(response.statusCode, 507, response.body.slice(0, 300));
  assertFormKept(response.body, '事務所案内', LONG_TEXT);
  assert.equal(await statusOf('pages', id), 'draft');
});
