// katsudo copy-db (issue 15 item 6): a site with a row in every copied table goes SQLite →
// PostgreSQL → SQLite through the real command; every table is equal row by row on all three,
// the pages served from each are byte-identical, a non-empty target is refused with nothing
// written, and a server that cannot be reached is exit 69.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { confirmActivityRecord } from '../../src/actions/records/save-activity-record.js';
import { importText } from '../../src/actions/import/import-text.js';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { inlinePool } from '../../src/actions/runtime/work-pool.js';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import { openDatabase, type Db, type OpenOptions } from '../../src/store/database.js';
import { listTables } from '../../src/store/dialects/table-catalog.js';
import { canonicalRow, countRows, readRows, skipReason, SKIPPED_TABLES } from '../../src/store/site-copy.js';
import { putAutosave } from '../../src/store/autosaves.js';
import { claimSubmissionKey } from '../../src/store/submission-keys.js';
import { addRedirect } from '../../src/store/redirects.js';
import { insertPasskey } from '../../src/store/passkeys.js';
import { insertSession } from '../../src/store/sessions.js';
import { getOrCreateSecret } from '../../src/store/server-secrets.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser } from '../support/admin.js';
import { runCli } from '../support/cli-run.js';
import { freePort } from '../support/cli-server.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { makeImage } from '../support/media-fixtures.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { createTestPostgresDatabase, skipUnlessPostgres, type TestPostgresDatabase } from '../support/postgres.js';
import { enrolTotp } from '../support/two-factor.js';
import { ACTIVITY_RECORD_FIXTURES } from '../fixtures/activity-records/reports.js';

const skip = skipUnlessPostgres();

let source: TestSite;
let postgres: TestPostgresDatabase;
let back: string;
let copied: { toPostgres: ReturnType<typeof runCli>; toSqlite: ReturnType<typeof runCli> };

/** A site with a row in every table the copy takes: the demo, an import, an image, a record, users with second factors, and the rest. */
async function seedEverything(site: TestSite): Promise<void> {
  await seedDemoIfEmpty(site);
  const admin = await addTestUser(site, { login: 'owner', role: 'owner' });
  const writer = await addTestUser(site, { login: 'writer', role: 'writer' });
  await enrolTotp(site, writer);
  const imported = await importText(site, { content: '2026年10月1日\n駅前で街頭演説\n\n本文です。', tags: ['街頭演説', '駅前'], category: '地域活動' });
  const fixture = ACTIVITY_RECORD_FIXTURES.find((f) => f.id === 'meeting-two-sides')!;
  await confirmActivityRecord(site, { userId: admin.id, login: admin.login, role: admin.role, ip: '192.0.2.1' }, imported.id, structuredClone(fixture.expected));
  await storeMedia(site, { bytes: await makeImage('jpeg', 1600, 900), fileName: 'photo.jpg', mime: 'image/jpeg' });
  const now = site.now().toISOString();
  await putAutosave(site.db, admin.id, 'report', imported.id, { title: '書きかけ' }, now);
  await claimSubmissionKey(site.db, admin.id, 'key-1', now, '2099-01-01T00:00:00.000Z');
  await addRedirect(site.db, '/old/path', '/reports/1', now);
  await insertPasskey(site.db, { userId: admin.id, credentialId: 'cred-1', publicKey: 'key', counter: 3, transports: ['usb'], name: '鍵' }, now);
  await insertSession(site.db, { tokenHash: 'h'.repeat(64), userId: admin.id, expiresAt: '2099-01-01T00:00:00.000Z', ip: '192.0.2.1', userAgent: 'test' }, now);
  await getOrCreateSecret(site.db, 'cookie', () => 'secret-value', now);
  // Rows the steps above do not write (a WordPress import, a page's media, image variants), written as those would.
  const media = await site.db.selectFrom('media').select(['id', 'sha256']).executeTakeFirstOrThrow();
  const page = await site.db.selectFrom('pages').select('id').executeTakeFirstOrThrow();
  await site.db.insertInto('activity_documents').values({ report_id: imported.id, position: 0, title: '議事録', url: 'https://example.jp/minutes' }).execute();
  const source = {
    source_kind: 'wxr',
    source_key: 'https://old.example.jp/?p=1',
    content_hash: 'c'.repeat(64),
    imported_at: now,
    item_version: 1,
    item_status: 'published',
  };
  await site.db
    .insertInto('import_sources')
    .values({ ...source, report_id: imported.id })
    .execute();
  await site.db
    .insertInto('page_import_sources')
    .values({ ...source, page_id: page.id })
    .execute();
  await site.db.insertInto('page_body_media').values({ page_id: page.id, sha256: media.sha256 }).execute();
  await site.db.insertInto('page_media_refs').values({ item_id: page.id, ref: 'photo.jpg' }).execute();
  await site.db
    .insertInto('media_variants')
    .values({ source_sha256: media.sha256, width: 640, height: 360, sha256: 'd'.repeat(64), mime: 'image/webp', bytes: 1234 })
    .execute();
}

const openSqlite = (file: string) => openDatabase({ file });

/** Every row of every copied table, canonical and sorted (the engines order text differently). */
async function contents(db: Db): Promise<Map<string, string[]>> {
  const tables = new Map<string, string[]>();
  for (const shape of await listTables(db)) {
    if (skipReason(shape.name) !== undefined) continue;
    const rows: string[] = [];
    for await (const batch of readRows(db, shape)) rows.push(...batch.map((row) => canonicalRow(shape, row)));
    tables.set(shape.name, rows.sort());
  }
  return tables;
}

async function served(database: OpenOptions, dataDir: string, paths: string[]): Promise<string[]> {
  const db = await openDatabase(database);
  const ctx: ActionContext = { db, dataDir, now: () => new Date('2026-11-20T03:00:00.000Z'), work: inlinePool(db) };
  const app = await buildServer({ ctx, baseUrl: 'https://www.example.jp', logLevel: 'silent', rateLimits: { searchPerMinute: 0, apiPerMinute: 0, feedsPerMinute: 0 } });
  try {
    const bodies: string[] = [];
    for (const url of paths) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
      bodies.push(`${url} ${response.statusCode} ${response.headers['content-type']}\n${response.body}`);
    }
    return bodies;
  } finally {
    await app.close();
    await db.destroy();
  }
}

before(async () => {
  if (skip) return;
  source = await createTestSite({ backend: 'sqlite' });
  await seedEverything(source);
  await source.db.destroy();
  postgres = await createTestPostgresDatabase();
  back = join(mkdtempSync(join(tmpdir(), 'katsudo-copy-back-')), 'back.db');
  const sourceFile = join(source.dataDir, 'katsudo.db');
  const toPostgres = runCli(['copy-db', '--from', `sqlite:${sourceFile}`, '--to', postgres.url, '--data', source.dataDir]);
  const toSqlite = runCli(['copy-db', '--from', postgres.url, '--to', `sqlite:${back}`, '--data', source.dataDir]);
  copied = { toPostgres, toSqlite };
});

after(async () => {
  if (skip) return;
  await postgres.drop();
  rmSync(source.dataDir, { recursive: true, force: true });
  rmSync(join(back, '..'), { recursive: true, force: true });
});

test('copies SQLite → PostgreSQL → SQLite, says it verified every table, and shows progress on stderr', { skip }, () => {
  for (const run of [copied.toPostgres, copied.toSqlite]) {
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /確認: すべての表で行数とチェックサムがコピー元と一致しました。/);
    assert.match(run.stdout, /コピーしなかった表: .*sessions/);
    assert.match(run.stderr, /コピー中 reports 100% /);
  }
});

test('every table is equal row by row on all three databases, and no table is left out unnamed', { skip }, async () => {
  const original = await openSqlite(join(source.dataDir, 'katsudo.db'));
  const onPostgres = await openDatabase({ postgres: { url: postgres.url, poolSize: 2 } });
  const roundTrip = await openSqlite(back);
  try {
    const expected = await contents(original);
    const empty = [...expected].filter(([, rows]) => rows.length === 0).map(([name]) => name);
    assert.deepEqual(empty, [], 'the seed writes a row into every copied table');
    assert.deepEqual(await contents(onPostgres), expected);
    assert.deepEqual(await contents(roundTrip), expected);
    const names = (await listTables(original)).map((t) => t.name);
    for (const name of Object.keys(SKIPPED_TABLES)) assert.ok(names.includes(name), `${name} is skipped but is no table`);
    assert.equal(await countRows(original, 'sessions'), 1);
    assert.equal(await countRows(roundTrip, 'sessions'), 0, 'sign-ins are not copied');
    // New rows after the copy get ids past the copied ones (PostgreSQL's sequences were moved).
    const { id } = await onPostgres.insertInto('tags').values({ name: 'コピー後' }).returning('id').executeTakeFirstOrThrow();
    const largest = await original
      .selectFrom('tags')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    assert.equal(id, Number(largest.id) + 1);
  } finally {
    await Promise.all([original.destroy(), onPostgres.destroy(), roundTrip.destroy()]);
  }
});

test('the pages served from the three databases are byte-identical', { skip }, async () => {
  const [sitemap] = await served({ file: join(source.dataDir, 'katsudo.db') }, source.dataDir, ['/sitemap.xml']);
  const locs = [...sitemap!.matchAll(/<loc>https:\/\/www\.example\.jp([^<]*)<\/loc>/g)].map((m) => m[1]!);
  const paths = [...locs.slice(0, 8), '/feed.xml', '/sitemap.xml', '/robots.txt'];
  const original = await served({ file: join(source.dataDir, 'katsudo.db') }, source.dataDir, paths);
  assert.ok(
    original.every((page) => / 200 /.test(page.split('\n')[0]!)),
    original.map((p) => p.split('\n')[0]).join('\n'),
  );
  assert.deepEqual(await served({ postgres: { url: postgres.url, poolSize: 2 } }, source.dataDir, paths), original);
  assert.deepEqual(await served({ file: back }, source.dataDir, paths), original);
});

test('refuses a target that holds a site: exit 73, a Japanese message, nothing written', { skip }, async () => {
  const before = await openSqlite(back).then(async (db) => (await contents(db).finally(() => db.destroy())).get('reports'));
  const run = runCli(['copy-db', '--from', `sqlite:${join(source.dataDir, 'katsudo.db')}`, '--to', `sqlite:${back}`]);
  assert.equal(run.code, 73, run.stderr);
  assert.match(run.stderr, /^katsudo: コピー先のデータベースにはすでにデータがあります.*reports/);
  const afterwards = await openSqlite(back).then(async (db) => (await contents(db).finally(() => db.destroy())).get('reports'));
  assert.deepEqual(afterwards, before);
});

test('a PostgreSQL server that cannot be reached, or a SQLite source that does not exist, is exit 69', { skip }, async () => {
  const port = await freePort();
  const unreachable = runCli(['copy-db', '--from', `sqlite:${join(source.dataDir, 'katsudo.db')}`, '--to', `postgres://katsudo:pw-123@127.0.0.1:${port}/katsudo`]);
  assert.equal(unreachable.code, 69, unreachable.stderr);
  assert.match(unreachable.stderr, /PostgreSQL サーバー\(127\.0\.0\.1:\d+\)に接続できません/);
  assert.doesNotMatch(unreachable.stderr, /pw-123/);
  const missing = runCli(['copy-db', '--from', `sqlite:${join(source.dataDir, 'nothing.db')}`, '--to', postgres.url]);
  assert.equal(missing.code, 69, missing.stderr);
  assert.match(missing.stderr, /コピー元の SQLite ファイル .*nothing\.db がありません/);
});

test('a malformed URL or a missing flag is a usage error (exit 2)', () => {
  const malformed = runCli(['copy-db', '--from', 'mysql://localhost/x', '--to', 'sqlite:/tmp/x.db']);
  assert.equal(malformed.code, 2, malformed.stderr);
  assert.match(malformed.stderr, /--from: 使えるのは postgres:\/\//);
  const missing = runCli(['copy-db', '--from', 'sqlite:/tmp/x.db']);
  assert.equal(missing.code, 2, missing.stderr);
  assert.match(missing.stderr, /--from と --to の両方を指定してください/);
});
