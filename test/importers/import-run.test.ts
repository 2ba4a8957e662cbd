import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { inlineBuilder, workerBuilder } from '../../src/actions/search/build-search-documents.js';
import type { ImportedReportInput } from '../../src/actions/import/import-report.js';
import { searchDocument } from '../../src/domain/search/document.js';
import { formatSummary, isCleanRun, runImport, type ImportItem } from '../../src/importers/import-run.js';
import { engineOf } from '../../src/store/dialects/engine.js';
import { findImportSource } from '../../src/store/import-sources.js';
import { findRedirect } from '../../src/store/redirects.js';
import { findEditableReport } from '../../src/store/reports.js';
import { listRevisions } from '../../src/store/revisions.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;
before(async () => {
  site = await createTestSite();
});
after(async () => site.cleanup());

function report(overrides: Partial<ImportedReportInput> = {}): ImportedReportInput {
  return {
    title: '予算委員会で質問',
    activityDate: '2021-02-10',
    bodySource: '1 要旨\n\n(1)財源を質した。',
    summary: '予算委員会',
    category: { slug: 'diet', name: '国会活動' },
    tags: ['予算'],
    status: 'published',
    publishedAt: '2021-02-10T09:00:00.000Z',
    authorName: '山川 さくら',
    redirectsFrom: ['/2021/02/10/budget/', '/?p=12'],
    ...overrides,
  };
}

const item = (key: string, r: ImportedReportInput): ImportItem => ({ type: 'report', key, label: `https://old.example.jp/${key}`, report: r });

async function rowCounts(): Promise<Record<string, number>> {
  const tables = ['reports', 'revisions', 'redirects', 'import_sources', 'categories', 'tags', 'report_tags', 'audit_log'] as const;
  const counts: Record<string, number> = {};
  for (const t of tables)
    counts[t] = Number(
      (
        await site.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return counts;
}

test('creates a report with its category, tags, author, publication time and redirects, and records its source', async () => {
  const summary = await runImport(site, [item('p12', report())], { kind: 'test' });
  assert.equal(summary.created, 1);
  assert.ok(isCleanRun(summary));
  const source = (await findImportSource(site.db, 'test', 'p12'))!;
  const stored = (await findEditableReport(site.db, source.reportId))!;
  assert.equal(stored.status, 'published');
  assert.equal(stored.publishedAt, '2021-02-10T09:00:00.000Z');
  assert.equal(stored.category?.slug, 'diet');
  assert.deepEqual(stored.tags, ['予算']);
  const author = await site.db.selectFrom('reports').select('author_name').where('id', '=', stored.id).executeTakeFirstOrThrow();
  assert.equal(author.author_name, '山川 さくら');
  assert.equal(await findRedirect(site.db, '/?p=12'), `/activity/${stored.slug}/`);
  assert.equal(await findRedirect(site.db, '/2021/02/10/budget/'), `/activity/${stored.slug}/`);
});

test('gives an imported report its first revision, by the import, and one audit entry', async () => {
  const source = (await findImportSource(site.db, 'test', 'p12'))!;
  const revisions = await listRevisions(site.db, source.reportId);
  assert.deepEqual(
    revisions.map((r) => [r.version, r.title, r.authorId, r.note]),
    [[1, '予算委員会で質問', null, '取り込み']],
  );
  const entries = await site.db.selectFrom('audit_log').select(['action', 'login', 'user_id']).where('target', '=', `report:${source.reportId}`).execute();
  assert.deepEqual(entries, [{ action: 'report.import', login: 'import', user_id: null }]);
});

test('leaves an unchanged item alone on a second run', async () => {
  const before = await rowCounts();
  const summary = await runImport(site, [item('p12', report())], { kind: 'test' });
  assert.equal(summary.unchanged, 1);
  assert.deepEqual(await rowCounts(), before);
});

test('updates a changed item in place with a revision, keeping its address', async () => {
  const source = (await findImportSource(site.db, 'test', 'p12'))!;
  const slug = (await findEditableReport(site.db, source.reportId))!.slug;
  const summary = await runImport(site, [item('p12', report({ bodySource: '1 要旨\n\n(1)財源を重ねて質した。' }))], { kind: 'test' });
  assert.equal(summary.updated, 1);
  const stored = (await findEditableReport(site.db, source.reportId))!;
  assert.equal(stored.slug, slug);
  assert.match(stored.bodySource, /重ねて/);
  const revisions = await listRevisions(site.db, stored.id);
  assert.deepEqual(
    revisions.map((r) => r.note),
    ['取り込みで更新', '取り込み'],
  );
  assert.notEqual((await findImportSource(site.db, 'test', 'p12'))!.contentHash, source.contentHash);
});

test('fails one item with its reason while the others are written', async () => {
  const summary = await runImport(
    site,
    [
      item('a', report({ title: '一件目', activityDate: '2021-03-01', redirectsFrom: [] })),
      item('b', report({ title: '', redirectsFrom: [] })),
      item('c', report({ title: '三件目', activityDate: '2021-03-02', redirectsFrom: [] })),
    ],
    { kind: 'test' },
  );
  assert.equal(summary.created, 2);
  assert.equal(summary.failed.length, 1);
  assert.equal(summary.failed[0]!.label, 'https://old.example.jp/b');
  assert.match(summary.failed[0]!.reason, /タイトル/);
  assert.ok(!isCleanRun(summary));
  assert.equal(await findImportSource(site.db, 'test', 'b'), undefined);
});

test('makes the same decisions in a dry run and writes nothing', async () => {
  const before = await rowCounts();
  const summary = await runImport(
    site,
    [
      item('p12', report({ title: '題を変えた' })),
      item('new', report({ activityDate: '2021-04-01', category: { slug: 'local', name: '地元活動' } })),
      item('a', report({ title: '一件目', activityDate: '2021-03-01', redirectsFrom: [] })),
      item('bad', report({ activityDate: '2021-02-30' })),
    ],
    { kind: 'test', isDryRun: true },
  );
  assert.deepEqual([summary.created, summary.updated, summary.unchanged, summary.failed.length], [1, 1, 1, 1]);
  assert.deepEqual(await rowCounts(), before);
  assert.match(formatSummary(summary)[0]!, /^確認のみ\(何も書き込んでいません\)/);
});

test('counts skipped, ignored and warned-about items and prints one line per item', async () => {
  async function* items(): AsyncGenerator<ImportItem> {
    yield { type: 'skipped', label: 'https://old.example.jp/?p=5', reason: 'private post' };
    yield { type: 'ignored', what: 'nav_menu_item' };
    yield { type: 'ignored', what: 'nav_menu_item' };
    yield { type: 'warning', label: 'photo.jpg', message: 'file not found under --uploads' };
    yield { ...item('w', report({ activityDate: '2021-05-01', redirectsFrom: [] })), warnings: ['a table was kept as text rows'] } as ImportItem;
  }
  const summary = await runImport(site, items(), { kind: 'test' });
  assert.deepEqual(summary.ignored, { nav_menu_item: 2 });
  const lines = formatSummary(summary);
  assert.match(lines[0]!, /作成1件、更新0件、変更なし0件、スキップ1件、失敗0件、警告2件/);
  assert.ok(lines.includes('取り込まない種類のもの: nav_menu_item 2件。'));
  assert.ok(lines.includes('スキップ  https://old.example.jp/?p=5: private post'));
  assert.ok(lines.includes('警告      https://old.example.jp/w: a table was kept as text rows'));
  assert.ok(isCleanRun(summary));
});

test('stops at an error of the source, keeping what was written before it', async () => {
  async function* items(): AsyncGenerator<ImportItem> {
    yield item('before-error', report({ title: '途中まで', activityDate: '2021-06-01', redirectsFrom: [] }));
    throw new Error('unexpected end of file at line 40, column 3');
  }
  const summary = await runImport(site, items(), { kind: 'test' });
  assert.equal(summary.created, 1);
  assert.equal(summary.stoppedAt, 'unexpected end of file at line 40, column 3');
  assert.ok(!isCleanRun(summary));
  assert.ok(await findImportSource(site.db, 'test', 'before-error'));
  assert.match(formatSummary(summary).join('\n'), /途中で止まりました: unexpected end of file at line 40, column 3\nそこまでの項目は取り込み済み/);
});

test('moves a published report back to draft when the source was unpublished', async () => {
  await runImport(site, [item('p12', report({ title: '題を変えた', status: 'draft' }))], { kind: 'test' });
  const source = (await findImportSource(site.db, 'test', 'p12'))!;
  assert.equal((await findEditableReport(site.db, source.reportId))!.status, 'draft');
});

test('in batches, an item that fails after writing part of itself leaves nothing behind and the others are committed', async () => {
  async function* items(): AsyncGenerator<ImportItem> {
    yield item('batch-a', report({ title: '一括一', activityDate: '2021-07-01', redirectsFrom: [] }));
    // Its new category is written before the title is refused: the savepoint takes it back.
    yield item('batch-bad', report({ title: '', activityDate: '2021-07-02', category: { slug: 'batch-only', name: '一括だけ' }, redirectsFrom: ['/batch-bad/'] }));
    yield item('batch-c', report({ title: '一括三', activityDate: '2021-07-03', redirectsFrom: ['/batch-c/'] }));
    yield item('batch-d', report({ title: '一括四', activityDate: '2021-07-04', redirectsFrom: [] }));
    throw new Error('the file broke off');
  }
  const summary = await runImport(site, items(), { kind: 'test', itemsPerTransaction: 3 });
  assert.equal(summary.created, 3);
  assert.deepEqual(
    summary.failed.map((f) => f.label),
    ['https://old.example.jp/batch-bad'],
  );
  assert.equal(summary.stoppedAt, 'the file broke off');
  assert.equal(await site.db.selectFrom('categories').select('id').where('slug', '=', 'batch-only').executeTakeFirst(), undefined);
  assert.equal(await findRedirect(site.db, '/batch-bad/'), undefined);
  for (const key of ['batch-a', 'batch-c', 'batch-d']) assert.ok(await findImportSource(site.db, 'test', key), key);
  assert.equal(await findImportSource(site.db, 'test', 'batch-bad'), undefined);
});

test('a dry run in batches writes nothing either', async () => {
  const before = await rowCounts();
  const summary = await runImport(
    site,
    [
      item('dry-1', report({ activityDate: '2021-08-01', redirectsFrom: ['/dry-1/'] })),
      item('dry-2', report({ title: '', activityDate: '2021-08-02' })),
      item('dry-3', report({ activityDate: '2021-08-03', category: { slug: 'dry-cat', name: '試し' } })),
    ],
    { kind: 'test', isDryRun: true, itemsPerTransaction: 2 },
  );
  assert.deepEqual([summary.created, summary.failed.length], [2, 1]);
  assert.deepEqual(await rowCounts(), before);
});

test('search documents built ahead on worker threads index the same words as documents built while writing', async () => {
  const builder = workerBuilder(1);
  const ahead = await createTestSite();
  try {
    const reports = [
      item('ahead-1', report({ title: '港湾施設を視察', activityDate: '2021-09-01', bodySource: '岸壁の改修計画について説明を受けた。', redirectsFrom: [] })),
      item('ahead-2', report({ title: '下書きのまま', activityDate: '2021-09-02', status: 'draft', redirectsFrom: [] })),
      item('ahead-3', report({ title: '  農業用水路\r\nの点検 ', activityDate: '2021-09-03', bodySource: '用水路の\r\n老朽化を確かめた。', redirectsFrom: [] })),
    ];
    const summary = await runImport(ahead, reports, { kind: 'test', searchDocuments: builder, itemsPerTransaction: 2 });
    assert.equal(summary.created, 3);
    const published = await ahead.db.selectFrom('reports').select(['id', 'title', 'body_text']).where('status', '=', 'published').orderBy('id').execute();
    assert.equal(published.length, 2);
    // Written at the end of each batch (one FTS5 flush): the two published reports, not the draft.
    const indexed = await sql<{ rowid: number }>`select rowid from report_search order by rowid`.execute(ahead.db);
    assert.deepEqual(
      indexed.rows.map((r) => r.rowid),
      published.map((r) => r.id),
    );
    // SQLite's index holds no text to read back (contentless): every token of the document
    // built now must find the report. PostgreSQL's table holds the token columns themselves.
    for (const report of published) {
      const doc = searchDocument(report.title, report.body_text);
      for (const column of ['title', 'body', 'words'] as const) {
        if (engineOf(ahead.db) === 'postgres') {
          const stored = await sql<Record<string, string>>`select ${sql.ref(column)} from report_search where rowid = ${report.id}`.execute(ahead.db);
          assert.equal(stored.rows[0]?.[column], doc[column], column);
          continue;
        }
        for (const token of doc[column].split(' ').filter((t) => /[\p{L}\p{N}]/u.test(t))) {
          const match = `${column}:"${token}"`;
          const found = await sql<{ rowid: number }>`select rowid from report_search where report_search match ${match}`.execute(ahead.db);
          assert.ok(
            found.rows.some((r) => r.rowid === report.id),
            match,
          );
        }
      }
    }
  } finally {
    await builder.close();
    await ahead.cleanup();
  }
});

test('reads ahead for the builder but still stops at an error of the source after writing the items before it', async () => {
  async function* items(): AsyncGenerator<ImportItem> {
    yield item('ahead-stop-1', report({ title: '読み進める', activityDate: '2021-10-01', redirectsFrom: [] }));
    throw new Error('broken at line 9');
  }
  const summary = await runImport(site, items(), { kind: 'test', searchDocuments: inlineBuilder() });
  assert.equal(summary.created, 1);
  assert.equal(summary.stoppedAt, 'broken at line 9');
  assert.ok(await findImportSource(site.db, 'test', 'ahead-stop-1'));
});
