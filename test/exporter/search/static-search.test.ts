// The static search index answers as the server's search does: for several hundred queries
// on the search corpus (1- and 2-character terms, phrases, quotes, minus, OR, filters, pages,
// attachments, refusals), the evaluator over the written index gives the same totals, the same
// reports and pages in the same order, and the same highlighted titles and snippets as
// searchReports and searchPages (what /search and /api/v1/search show).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { searchPages } from '../../../src/actions/search/search-pages.js';
import { searchReports } from '../../../src/actions/search/search-reports.js';
import { ValidationError } from '../../../src/domain/errors.js';
import { runStaticSearch, type StaticSearchOutcome } from '../../../src/exporter/search/client/run-static-search.js';
import { ReportNames, textShard, type DocTable } from '../../../src/exporter/search/client/format.js';
import { openStaticIndex } from '../../../src/exporter/search/client/open-static-index.js';
import { decodeJson, openIndexDir, readIndexFile } from '../../../src/exporter/search/open-index-dir.js';
import { writeSearchIndex } from '../../../src/exporter/search/write-search-index.js';
import { checkActivityFilter } from '../../../src/site/search/check-activity-filter.js';
import { UNKNOWN_CATEGORY_MESSAGE } from '../../../src/site/search/search-filters.js';
import { findCategoryBySlug } from '../../../src/store/categories.js';
import { createTestSite, type TestSite } from '../../support/db.js';
import type { SearchCorpus } from '../../support/search-corpus.js';
import { seedStaticSearchSite, staticQueries, type StaticQuery } from './static-search-site.js';

let site: TestSite;
let corpus: SearchCorpus;
let dir: string;

before(async () => {
  site = await createTestSite();
  corpus = await seedStaticSearchSite(site);
  dir = mkdtempSync(join(tmpdir(), 'katsudo-static-search-'));
  await writeSearchIndex({ ctx: site }, dir);
});
after(async () => {
  await site.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What the server shows for the query, in the static outcome's shape. */
async function serverOutcome(query: StaticQuery): Promise<StaticSearchOutcome> {
  const page = query.page ?? 1;
  const category = query.category === undefined ? undefined : await findCategoryBySlug(site.db, query.category);
  if (query.category !== undefined && !category) return { kind: 'refused', errors: { category: UNKNOWN_CATEGORY_MESSAGE } };
  try {
    await checkActivityFilter(site, query.activity);
    const filter = { year: query.year, categoryId: category?.id, activityKind: query.activity };
    const reports = await searchReports(site.db, { q: query.q, filter, page, perPage: 20 });
    if (!reports.query) return { kind: 'empty' };
    const pageCount = (total: number) => Math.max(1, Math.ceil(total / 20));
    const showPages = query.kind === 'page' || (query.kind !== 'report' && query.activity === undefined && page === 1);
    const found = showPages ? await searchPages(site.db, { q: query.q, page: query.kind === 'page' ? page : 1, perPage: 20 }) : undefined;
    const pages = found && {
      total: found.total,
      items: found.items.map((i) => ({ title: i.title, path: i.path, excerpt: i.excerpt })),
      page: query.kind === 'page' ? page : 1,
      pageCount: pageCount(found.total),
    };
    if (query.kind === 'page') return page > pages!.pageCount ? { kind: 'past-end' } : { kind: 'found', pages };
    if (page > pageCount(reports.total)) return { kind: 'past-end' };
    const items = reports.items.map(({ report, title, snippet, matchedIn, attachmentLabel }) => ({
      id: report.id,
      path: `/activity/${report.slug}/`,
      title: report.title,
      activityDate: report.activityDate,
      category: report.category && { slug: report.category.slug, name: report.category.name },
      titleParts: title,
      snippet,
      matchedIn,
      ...(attachmentLabel === undefined ? {} : { attachmentLabel }),
    }));
    return { kind: 'found', pages, results: { total: reports.total, items, page, pageCount: pageCount(reports.total) } };
  } catch (error) {
    if (error instanceof ValidationError) return { kind: 'refused', errors: error.fields };
    throw error;
  }
}

test('answers 300 queries exactly as the server does: totals, order, titles, snippets, pages, the kind of activity', async () => {
  const index = await openIndexDir(join(dir, 'search-index'));
  const queries = staticQueries(corpus, 300);
  let withResults = 0;
  let filteredByKind = 0;
  for (const query of queries) {
    const expected = await serverOutcome(query);
    const { q, year, category, kind, activity } = query;
    const actual = await runStaticSearch(index, { q, year, category, kind, activity, page: query.page ?? 1 });
    assert.deepEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(JSON.stringify(expected)), `query ${JSON.stringify(query)}`);
    if (expected.kind === 'found' && (expected.results?.total ?? 0) > 1) {
      withResults++;
      if (activity !== undefined) filteredByKind++;
    }
  }
  // The comparison is about ranking, so most queries must find several reports.
  assert.ok(withResults > 150, `${withResults} queries with several results`);
  assert.ok(filteredByKind > 15, `${filteredByKind} queries with the kind of activity and several results`);
});

test("built on the work pool's threads in small batches, the index is byte for byte the one built on one thread", async () => {
  const threaded = mkdtempSync(join(tmpdir(), 'katsudo-static-search-threads-'));
  try {
    await writeSearchIndex({ ctx: site }, threaded, { threads: { size: 2, minDocuments: 0, batchDocuments: 37 } });
    const names = readdirSync(join(dir, 'search-index')).sort();
    assert.deepEqual(readdirSync(join(threaded, 'search-index')).sort(), names);
    for (const name of names) assert.ok(readFileSync(join(threaded, 'search-index', name)).equals(readFileSync(join(dir, 'search-index', name))), name);
  } finally {
    rmSync(threaded, { recursive: true, force: true });
  }
});

test("the index's threads tell they are stopped before its files are written, so a page thread can take their core", async () => {
  const threaded = mkdtempSync(join(tmpdir(), 'katsudo-static-search-threads-'));
  try {
    let isWrittenWhenClosed: boolean | undefined;
    const onClosed = () => (isWrittenWhenClosed = existsSync(join(threaded, 'search-index')));
    await writeSearchIndex({ ctx: site }, threaded, { threads: { size: 1, minDocuments: 0, onClosed } });
    assert.equal(isWrittenWhenClosed, false);
    assert.ok(existsSync(join(threaded, 'search-index', 'docs.dat')));
  } finally {
    rmSync(threaded, { recursive: true, force: true });
  }
});

test('asks for every shard a query reads at once, before any has arrived (token shards only: the word test reads their symbols)', async () => {
  const indexDir = join(dir, 'search-index');
  const table = decodeJson<DocTable>((await readIndexFile(join(indexDir, 'docs.dat')))!);
  for (const q of ['海外交流 -中国', '"外交 の" 地方', '安全保障 OR 交流']) {
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    const asked: string[] = [];
    const index = openStaticIndex(table, async (name) => {
      asked.push(name);
      await arrived;
      return readIndexFile(join(indexDir, `${name}.dat`));
    });
    const outcome = runStaticSearch(index, { q, page: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    const firstRound = new Set(asked);
    release();
    assert.equal((await outcome).kind, 'found', q);
    assert.ok(firstRound.has(table.names), `${q}: the names file asked for with the shards`);
    const shards = asked.filter((name) => !name.startsWith('x') && name !== table.dictionary);
    assert.deepEqual(
      shards.filter((name) => !/^[bs]/.test(name) && name !== table.names),
      [],
      `${q}: only token shards and the names file read`,
    );
    assert.deepEqual(
      shards.filter((name) => !firstRound.has(name)),
      [],
      `${q}: shards asked for after the first round`,
    );
  }
});

test("the names file holds each report's path and title in the doc table's order, the text files body and attachments only", async () => {
  const indexDir = join(dir, 'search-index');
  const table = decodeJson<DocTable>((await readIndexFile(join(indexDir, 'docs.dat')))!);
  assert.match(table.names, /^n[\w-]{16}$/);
  const file = new ReportNames((await readIndexFile(join(indexDir, `${table.names}.dat`)))!);
  const names = Array.from({ length: file.length }, (_, i) => file.at(i));
  const reports = await site.db.selectFrom('reports').select(['id', 'slug', 'title']).where('status', '=', 'published').orderBy('id').execute();
  assert.deepEqual(
    table.reports.map(([id]) => id),
    reports.map((r) => r.id),
  );
  assert.deepEqual(
    names,
    reports.map((r) => [`/activity/${r.slug}/`, r.title]),
  );
  const [first] = table.reports[0]!;
  const text = (await (await openIndexDir(indexDir)).texts(textShard(first)))[first]!;
  assert.equal(text.length, 2);
  assert.equal(typeof text[0], 'string');
  assert.ok(Array.isArray(text[1]));
});
