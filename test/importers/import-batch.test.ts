// Imports in batches (RunOptions.itemsPerTransaction) on both databases: what a batch stores
// when one of its items fails, the same rows on SQLite and PostgreSQL, a second run that
// changes nothing, and how many statements (each a round trip on PostgreSQL) a new report costs.
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql, type KyselyPlugin } from 'kysely';
import type { ImportedReportInput } from '../../src/actions/import/import-report.js';
import { runImport, type ImportItem } from '../../src/importers/import-run.js';
import { createTestSite, type TestBackend, type TestSite } from '../support/db.js';
import { skipUnlessPostgres } from '../support/postgres.js';

const skipPostgres = skipUnlessPostgres();

function report(n: number, overrides: Partial<ImportedReportInput> = {}): ImportedReportInput {
  return {
    title: `視察報告 第${n}回`,
    activityDate: `2022-03-${String(n).padStart(2, '0')}`,
    bodySource: `1 概要\n\n(${n})港の岸壁を視察し、改修の予定を聞いた。\n\n2 所感\n\n早期の着工を求めた。`,
    summary: `第${n}回の視察`,
    category: { slug: 'visit', name: '視察' },
    tags: ['港湾', `第${n}回`],
    status: n % 4 === 0 ? 'draft' : 'published',
    publishedAt: `2022-03-${String(n).padStart(2, '0')}T09:00:00.000Z`,
    authorName: '山川 さくら',
    redirectsFrom: [`/2022/03/${n}/visit/`, `/?p=${n}`],
    ...overrides,
  };
}

/**
 * Nine posts: the fifth refused after its new category was written, its file removed by its
 * discard; the ninth refused by the database (an attachment that does not exist) after its
 * report row was written and its tags, revision, audit entry and redirects were held for the
 * batch's end (store/deferred-rows.ts).
 */
function batchItems(site: TestSite): ImportItem[] {
  const file = join(site.dataDir, 'fifth.pdf');
  writeFileSync(file, 'stored for the fifth post');
  const refused: Record<number, Partial<ImportedReportInput>> = {
    5: { title: '', category: { slug: 'fifth-only', name: '五番目だけ' } },
    9: { tags: ['九番目だけ'], attachments: [{ mediaId: 999_999, label: '存在しない添付' }] },
  };
  return [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({
    type: 'report',
    key: `post-${n}`,
    label: `https://old.example.jp/?p=${n}`,
    report: report(n, refused[n]),
    ...(n === 5 ? { discard: async () => rmSync(file) } : {}),
  }));
}

const BATCH = { kind: 'wxr', itemsPerTransaction: 3 } as const;

/** What was stored, without ids (a rolled-back item uses up an id on PostgreSQL, not on SQLite). */
async function storedRows(site: TestSite) {
  const { db } = site;
  const reports = await db
    .selectFrom('reports')
    .leftJoin('categories', 'categories.id', 'reports.category_id')
    .select(['reports.slug', 'title', 'status', 'published_at', 'author_name', 'body_html', 'body_text', 'summary', 'version', 'categories.slug as category'])
    .orderBy('reports.slug')
    .execute();
  const tags = await db
    .selectFrom('report_tags')
    .innerJoin('reports', 'reports.id', 'report_tags.report_id')
    .innerJoin('tags', 'tags.id', 'report_tags.tag_id')
    .select(['reports.slug', 'tags.name', 'report_tags.position'])
    .orderBy('reports.slug')
    .orderBy('report_tags.position')
    .execute();
  const revisions = await db
    .selectFrom('revisions')
    .innerJoin('reports', 'reports.id', 'revisions.report_id')
    .select(['reports.slug', 'revisions.version', 'revisions.note', 'revisions.title'])
    .orderBy('reports.slug')
    .orderBy('revisions.version')
    .execute();
  const sources = await db
    .selectFrom('import_sources')
    .innerJoin('reports', 'reports.id', 'import_sources.report_id')
    .select(['source_key', 'reports.slug', 'item_version', 'item_status'])
    .orderBy('source_key')
    .execute();
  const redirects = await db.selectFrom('redirects').select(['from_path', 'to_path']).orderBy('from_path').execute();
  const categories = await db.selectFrom('categories').select(['slug', 'name']).orderBy('slug').execute();
  const audit = await db.selectFrom('audit_log').select(['login', 'action', 'count']).orderBy('action').execute();
  const indexed = await sql<{ slug: string }>`select reports.slug from report_search join reports on reports.id = report_search.rowid order by reports.slug`.execute(db);
  return { reports, tags, revisions, sources, redirects, categories, audit, indexed: indexed.rows.map((r) => r.slug) };
}

async function contentVersion(site: TestSite): Promise<number> {
  return (await site.db.selectFrom('site_state').select('content_version').executeTakeFirstOrThrow()).content_version;
}

/** Counts the statements a Kysely handle runs (raw `sql` ones too): a real database underneath, nothing stubbed. */
function statementCounter(): KyselyPlugin & { count: number } {
  const counter = {
    count: 0,
    transformQuery: (args: Parameters<KyselyPlugin['transformQuery']>[0]) => {
      counter.count++;
      return args.node;
    },
    transformResult: async (args: Parameters<KyselyPlugin['transformResult']>[0]) => args.result,
  };
  return counter;
}

for (const backend of ['sqlite', 'postgres'] as TestBackend[]) {
  describe(`imports in batches on ${backend}`, { skip: backend === 'postgres' ? skipPostgres : false }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite({ backend });
    });
    after(async () => site?.cleanup());

    test('a batch with one failing item stores the others and nothing of the failing one; its stored file is removed', async () => {
      const versionBefore = await contentVersion(site);
      const summary = await runImport(site, batchItems(site), BATCH);
      assert.equal(summary.created, 7);
      assert.deepEqual(
        summary.failed.map((f) => f.label),
        ['https://old.example.jp/?p=5', 'https://old.example.jp/?p=9'],
      );
      assert.equal(existsSync(join(site.dataDir, 'fifth.pdf')), false);
      const rows = await storedRows(site);
      const expected = [1, 2, 3, 4, 6, 7, 8];
      assert.equal(rows.reports.length, 7);
      assert.deepEqual(
        rows.sources.map((s) => s.source_key),
        expected.map((n) => `post-${n}`),
      );
      assert.equal(
        rows.redirects.some((r) => /\/[59]\/|^\/\?p=[59]$/.test(r.from_path)),
        false,
      );
      assert.deepEqual(
        rows.categories.map((c) => c.slug),
        ['visit'],
      );
      assert.equal(rows.tags.filter((t) => t.name === '第5回' || t.name === '九番目だけ').length, 0);
      assert.equal((await site.db.selectFrom('tags').select('name').where('name', '=', '九番目だけ').execute()).length, 0);
      // Every published report is searchable, the drafts and the failed one are not.
      assert.equal(rows.indexed.length, expected.filter((n) => n % 4 !== 0).length);
      assert.deepEqual(
        rows.audit.map((a) => [a.action, a.count]),
        expected.map(() => ['report.import', 1]),
      );
      assert.ok((await contentVersion(site)) > versionBefore);
      if (backend === 'postgres') {
        // bm25's statistics count each row written once, as FTS5's averages record does.
        const stats = await sql<{ row_count: number }>`select row_count from report_search_stats`.execute(site.db);
        assert.equal(Number(stats.rows[0]!.row_count), rows.indexed.length);
      }
    });

    test('a second run of the same items changes nothing', async () => {
      const rowsBefore = await storedRows(site);
      const versionBefore = await contentVersion(site);
      const summary = await runImport(site, batchItems(site), BATCH);
      assert.deepEqual([summary.created, summary.updated, summary.unchanged, summary.failed.length], [0, 0, 7, 2]);
      assert.deepEqual(await storedRows(site), rowsBefore);
      assert.equal(await contentVersion(site), versionBefore);
    });

    test('an item found twice in one batch updates the report its first copy made', async () => {
      const twice = (title: string): ImportItem => ({ type: 'report', key: 'twice', label: 'twice', report: report(20, { title }) });
      const summary = await runImport(site, [twice('一度目'), twice('二度目')], BATCH);
      assert.deepEqual([summary.created, summary.updated, summary.failed.length], [1, 1, 0]);
      const rows = await site.db
        .selectFrom('import_sources')
        .innerJoin('reports', 'reports.id', 'import_sources.report_id')
        .select('title')
        .where('source_key', '=', 'twice')
        .execute();
      assert.deepEqual(rows, [{ title: '二度目' }]);
    });

    test('a new report in a batch costs at most 12 statements, whatever the number of its tags and old addresses', async () => {
      const counter = statementCounter();
      const items: ImportItem[] = [11, 12, 13, 14, 15, 16].map((n) => ({
        type: 'report',
        key: `count-${n}`,
        label: `count-${n}`,
        report: report(n, { tags: ['港湾', '岸壁', '改修', `第${n}回`], redirectsFrom: [`/a/${n}/`, `/b/${n}/`, `/?p=${n}`] }),
      }));
      const summary = await runImport({ ...site, db: site.db.withPlugin(counter) }, items, { kind: 'wxr', itemsPerTransaction: 6 });
      assert.equal(summary.created, 6);
      // 30 a report before the batch's writes were merged (PostgreSQL), 20 before its rows were held
      // for the batch's end; the run's own few reads and the batch's writes included.
      assert.ok(counter.count <= 12 * items.length, `${counter.count} statements for ${items.length} reports`);
    });
  });
}

test('the same batch stores the same rows on SQLite and PostgreSQL', { skip: skipPostgres }, async () => {
  const sqlite = await createTestSite({ backend: 'sqlite' });
  const postgres = await createTestSite({ backend: 'postgres' });
  try {
    await runImport(sqlite, batchItems(sqlite), BATCH);
    await runImport(postgres, batchItems(postgres), BATCH);
    assert.deepEqual(await storedRows(postgres), await storedRows(sqlite));
  } finally {
    await sqlite.cleanup();
    await postgres.cleanup();
  }
});
