// Search answers the same on SQLite (FTS5) and on PostgreSQL (GIN, dialects/postgres-search.ts):
// the same site written the same way on both (the generated search corpus of bench/corpus.ts,
// fixed pages, a PDF attachment, reports indexed again so bm25's statistics count removed rows
// too), then queries of every kind (1- and 2-character terms, katakana phrases,
// Latin, quotes, exclusions, OR, year, category and kind filters, pages past the first, refusals)
// compared page by page: the same totals, the same reports in the same order, the same
// highlighted titles and snippets, the same fixed pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { searchPages } from '../../src/actions/search/search-pages.js';
import { searchReports } from '../../src/actions/search/search-reports.js';
import { ValidationError } from '../../src/domain/errors.js';
import { findCategoryBySlug } from '../../src/store/categories.js';
import { refreshReportIndex } from '../../src/store/search.js';
import { readSearchStatistics } from '../../src/store/search-statistics.js';
import { seedStaticSearchSite, staticQueries, type StaticQuery } from '../exporter/search/static-search-site.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { skipUnlessPostgres } from '../support/postgres.js';
import type { SearchCorpus } from '../support/search-corpus.js';

const skip = skipUnlessPostgres();
let sqlite: TestSite;
let postgres: TestSite;
let corpus: SearchCorpus;

/** Reports indexed again (as after an attachment change): FTS5's row count and size then grow past the published reports'. */
const REINDEXED = [3, 10, 41, 42, 77];

async function seed(site: TestSite): Promise<SearchCorpus> {
  const seeded = await seedStaticSearchSite(site);
  for (const index of REINDEXED) await site.db.transaction().execute((trx) => refreshReportIndex(trx, seeded.published[index]!.id));
  return seeded;
}

before(async () => {
  if (skip) return;
  sqlite = await createTestSite({ backend: 'sqlite' });
  postgres = await createTestSite({ backend: 'postgres' });
  corpus = await seed(sqlite);
  await seed(postgres);
});
after(async () => {
  await sqlite?.cleanup();
  await postgres?.cleanup();
});

/** What /search shows for the query on one site, as plain data. */
async function outcome(site: TestSite, query: StaticQuery): Promise<unknown> {
  const category = query.category === undefined ? undefined : await findCategoryBySlug(site.db, query.category);
  if (query.category !== undefined && !category) return 'unknown category';
  const page = query.page ?? 1;
  try {
    const reports = await searchReports(site.db, { q: query.q, filter: { year: query.year, categoryId: category?.id }, page, perPage: 20 });
    const pages = query.kind === 'report' ? undefined : await searchPages(site.db, { q: query.q, page, perPage: 20 });
    return {
      total: reports.total,
      items: reports.items.map((i) => ({ id: i.report.id, title: i.title, snippet: i.snippet, matchedIn: i.matchedIn, attachmentLabel: i.attachmentLabel })),
      pages: pages && { total: pages.total, items: pages.items.map((i) => ({ path: i.path, title: i.title, excerpt: i.excerpt })) },
    };
  } catch (error) {
    if (error instanceof ValidationError) return { refused: error.fields };
    throw error;
  }
}

test('keeps bm25 statistics as FTS5 does: rows removed by a re-index still count', { skip }, async () => {
  const fts5 = await readSearchStatistics(sqlite.db, 'report_search');
  assert.ok(fts5.rows > corpus.published.length + 1, 'the re-indexed reports were counted again by FTS5');
  assert.deepEqual(await readSearchStatistics(postgres.db, 'report_search'), fts5);
  assert.deepEqual(await readSearchStatistics(postgres.db, 'page_search'), await readSearchStatistics(sqlite.db, 'page_search'));
});

test('answers 150 queries on PostgreSQL exactly as on SQLite, page by page', { skip }, async () => {
  const queries = staticQueries(corpus, 150, 23);
  let ranked = 0;
  for (const query of queries) {
    const expected = await outcome(sqlite, query);
    assert.deepEqual(await outcome(postgres, query), expected, `query ${JSON.stringify(query)}`);
    if (((expected as { total?: number }).total ?? 0) > 1) ranked++;
  }
  // The comparison is about order, so most queries must find several reports.
  assert.ok(ranked > 80, `${ranked} queries with several results`);
});
