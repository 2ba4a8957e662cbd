import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { SlugTakenError } from '../../src/domain/errors.js';
import { countByMonth, countByTag, findNeighbourIds, findReportById, findReportBySlug, listReports, pageIdsQuery } from '../../src/store/reports.js';
import { getContentVersion } from '../../src/store/site-state.js';
import { createTestSite, defaultTestBackend, type TestSite } from '../support/db.js';
import { addCategory, publishReport } from '../support/factories.js';

let site: TestSite;

before(async () => {
  site = await createTestSite();
  await addCategory(site, 'diet', '国会活動');
  await publishReport(site, { title: '古い報告', activityDate: '2022-03-10', categorySlug: 'diet', tags: ['外交'] });
  await publishReport(site, { title: '同日1', activityDate: '2024-05-01', tags: ['外交', '防災'] });
  await publishReport(site, { title: '同日2', activityDate: '2024-05-01' });
  await publishReport(site, { title: '新しい報告', activityDate: '2024-06-15', categorySlug: 'diet' });
});

after(async () => site.cleanup());

/** The two tests about SQLite's file and query plans do not apply to npm test's PostgreSQL pass. */
const sqliteOnly = defaultTestBackend() === 'postgres' && 'SQLite only: the file, its journal mode and its query plans';

test('keeps the database in a real file in WAL mode with foreign keys on', { skip: sqliteOnly }, async () => {
  assert.ok(existsSync(join(site.dataDir, 'katsudo.db')));
  const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(site.db);
  assert.equal(mode.rows[0]?.journal_mode, 'wal');
  const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(site.db);
  assert.equal(fk.rows[0]?.foreign_keys, 1);
});

test('lists published reports newest first, the later one first on the same day', async () => {
  const page = await listReports(site.db, { status: 'published' }, { offset: 0, limit: 10 });
  assert.equal(page.total, 4);
  assert.deepEqual(
    page.items.map((r) => r.title),
    ['新しい報告', '同日2', '同日1', '古い報告'],
  );
});

test('pages never overlap or skip a report', async () => {
  const first = await listReports(site.db, {}, { offset: 0, limit: 3 });
  const second = await listReports(site.db, {}, { offset: 3, limit: 3 });
  assert.deepEqual(
    [...first.items, ...second.items].map((r) => r.title),
    ['新しい報告', '同日2', '同日1', '古い報告'],
  );
});

test('skips to a list page through an index alone, whatever the list', { skip: sqliteOnly }, async () => {
  const category = await site.db.selectFrom('categories').select('id').where('slug', '=', 'diet').executeTakeFirstOrThrow();
  const filters = [{}, { year: 2024 }, { year: 2024, month: 5 }, { categoryId: category.id }];
  for (const filter of filters) {
    const compiled = pageIdsQuery(site.db, { status: 'published', ...filter }, { offset: 400, limit: 20 }).compile();
    const plan = await site.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
    const details = plan.rows.map((r) => r.detail).join(' | ');
    assert.match(details, /USING COVERING INDEX/, `${JSON.stringify(filter)}: ${details}`);
    assert.doesNotMatch(details, /TEMP B-TREE/, `${JSON.stringify(filter)}: ${details}`);
  }
});

test('filters by year, month, category and tag', async () => {
  const titles = async (filter: Parameters<typeof listReports>[1]) => (await listReports(site.db, filter, { offset: 0, limit: 10 })).items.map((r) => r.title);
  assert.deepEqual(await titles({ year: 2024 }), ['新しい報告', '同日2', '同日1']);
  assert.deepEqual(await titles({ year: 2024, month: 5 }), ['同日2', '同日1']);
  assert.deepEqual(await titles({ year: 2023 }), []);
  const diet = (await listReports(site.db, { tag: '外交' }, { offset: 0, limit: 10 })).items;
  assert.deepEqual(
    diet.map((r) => r.title),
    ['同日1', '古い報告'],
  );
  assert.deepEqual(diet[0]!.tags, ['外交', '防災']);
  const [, , , last] = (await listReports(site.db, {}, { offset: 0, limit: 10 })).items;
  assert.equal(last!.category?.name, '国会活動');
});

test('gives a second report of the same day the slug with -2', async () => {
  assert.ok(await findReportBySlug(site.db, '2024-05-01'));
  assert.equal((await findReportBySlug(site.db, '2024-05-01-2'))?.title, '同日2');
});

test('finds the neighbours of a report in the public order', async () => {
  const report = (await findReportBySlug(site.db, '2024-05-01-2'))!;
  const { olderId, newerId } = await findNeighbourIds(site.db, report);
  assert.equal((await findReportById(site.db, olderId!))?.title, '同日1');
  assert.equal((await findReportById(site.db, newerId!))?.title, '新しい報告');
});

test('counts published reports per month and per tag', async () => {
  assert.deepEqual(await countByMonth(site.db), [
    { year: 2024, month: 6, count: 1 },
    { year: 2024, month: 5, count: 2 },
    { year: 2022, month: 3, count: 1 },
  ]);
  assert.deepEqual(await countByTag(site.db), [
    { name: '外交', count: 2 },
    { name: '防災', count: 1 },
  ]);
});

test('refuses a slug already used by another report and writes nothing', async () => {
  const before = await listReports(site.db, {}, { offset: 0, limit: 100 });
  const version = await getContentVersion(site.db);
  await assert.rejects(publishReport(site, { slug: '2024-05-01', tags: ['新タグ'] }), SlugTakenError);
  const afterwards = await listReports(site.db, {}, { offset: 0, limit: 100 });
  assert.equal(afterwards.total, before.total);
  assert.equal(await getContentVersion(site.db), version);
  const tags = await site.db.selectFrom('tags').select('name').where('name', '=', '新タグ').execute();
  assert.deepEqual(tags, []);
});

test('bumps the content version on every write', async () => {
  const version = await getContentVersion(site.db);
  await publishReport(site, { activityDate: '2020-01-01' });
  assert.equal(await getContentVersion(site.db), version + 1);
});

test('shows only committed writes in the content version, even on the writing connection', async () => {
  const version = await getContentVersion(site.db);
  let seenInside = -1;
  await site.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('site_state')
      .set({ content_version: version + 100 })
      .where('id', '=', 1)
      .execute();
    seenInside = await getContentVersion(site.db);
    await trx
      .updateTable('site_state')
      .set({ content_version: version + 1 })
      .where('id', '=', 1)
      .execute();
  });
  assert.equal(seenInside, version);
  assert.equal(await getContentVersion(site.db), version + 1);
});
