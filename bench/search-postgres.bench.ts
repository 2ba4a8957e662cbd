// Search on PostgreSQL beside SQLite (issue 15 item 8, its search part): the same generated
// site (bench/corpus.ts, 1,500–3,000 characters a report, oldest first through createReportIn,
// as bench/build-site.ts writes it) in a SQLite file and in a PostgreSQL database, then
// findSearchHits (count and ranking) and searchReports (also the page's reports and snippets)
// for 2- and 4-character terms, one at a time on one connection, `runs` times each after one
// warm-up. Checks first that both databases give the same first 100 ids for every query.
//
//   node --import tsx bench/search-postgres.bench.ts [--count 10000] [--runs 15] [--database-url postgres://…]
// Without --database-url a private PostgreSQL cluster is started (test/support/postgres.ts).
// The PostgreSQL database must be empty; the pool size used is printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createReportIn } from '../src/actions/reports/create-report.js';
import { searchReports } from '../src/actions/search/search-reports.js';
import { DEMO_CATEGORIES, DEMO_SETTINGS } from '../src/demo/demo-content.js';
import { parseSearchQuery } from '../src/domain/search/query.js';
import { checkDraft } from '../src/domain/report-rules.js';
import { upsertCategory } from '../src/store/categories.js';
import { openDatabase, type Db, type OpenOptions } from '../src/store/database.js';
import { findSearchHits, searchIndexBytes } from '../src/store/search.js';
import { saveSettings } from '../src/store/settings.js';
import { createTestPostgresDatabase } from '../test/support/postgres.js';
import { generateReports } from './corpus.js';

const TWO_CHARS = ['外交', '中国', '協力', '地域'];
const FOUR_CHARS = ['海外交流', '中国地方', '安全保障', '意見交換'];
const POOL_SIZE = 4;

async function writeSite(db: Db, count: number, seed: number): Promise<number> {
  const drafts = [...generateReports(count, { seed, minChars: 1500, maxChars: 3000 })]
    .sort((a, b) => a.activityDate.localeCompare(b.activityDate))
    .map((report) => checkDraft(report));
  const nowIso = new Date().toISOString();
  const start = performance.now();
  await db.transaction().execute(async (trx) => {
    await saveSettings(trx, DEMO_SETTINGS);
    for (const [position, c] of DEMO_CATEGORIES.entries()) await upsertCategory(trx, { ...c, position });
  });
  for (let i = 0; i < drafts.length; i += 500) {
    await db.transaction().execute(async (trx) => {
      for (const draft of drafts.slice(i, i + 500)) await createReportIn(trx, draft, { status: 'published' }, nowIso);
    });
  }
  return performance.now() - start;
}

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function timeRuns(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '15' },
      'database-url': { type: 'string' },
    },
    strict: true,
  });
  const count = Number(values.count);
  const runs = Number(values.runs);
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-search-pg-'));
  const cluster = values['database-url'] ? undefined : await createTestPostgresDatabase();
  const url = values['database-url'] ?? cluster!.url;
  const engines: [string, OpenOptions][] = [
    ['SQLite', { file: join(dir, 'katsudo.db') }],
    ['PostgreSQL', { postgres: { url, poolSize: POOL_SIZE } }],
  ];
  const dbs = new Map<string, Db>();
  try {
    for (const [name, options] of engines) {
      const db = await openDatabase(options);
      dbs.set(name, db);
      const existing = await db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(existing.n) > 0) throw new Error(`${name}: the database must be empty`);
      const ms = await writeSite(db, count, Number(values.seed));
      console.log(`${name}: ${count} reports written in ${(ms / 1000).toFixed(1)} s, index ${(await searchIndexBytes(db)) / 1e6} MB`);
    }
    const [sqliteDb, pgDb] = [dbs.get('SQLite')!, dbs.get('PostgreSQL')!];
    for (const q of [...TWO_CHARS, ...FOUR_CHARS]) {
      const query = parseSearchQuery(q)!;
      const [a, b] = await Promise.all([sqliteDb, pgDb].map((db) => findSearchHits(db, query, {}, { offset: 0, limit: 100 })));
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${q}: the engines differ`);
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; PostgreSQL pool ${POOL_SIZE}; ${runs} runs after one warm-up`,
    );
    console.log(
      '| query | results | SQLite findSearchHits p50 / p95 | PostgreSQL findSearchHits p50 / p95 | SQLite searchReports p50 / p95 | PostgreSQL searchReports p50 / p95 |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const q of [...TWO_CHARS, ...FOUR_CHARS]) {
      const query = parseSearchQuery(q)!;
      const cells: string[] = [];
      let total = 0;
      for (const kind of ['hits', 'page'] as const) {
        for (const db of [sqliteDb, pgDb]) {
          const t = await timeRuns(runs, async () => {
            if (kind === 'hits') total = (await findSearchHits(db, query, {}, { offset: 0, limit: 20 })).total;
            else await searchReports(db, { q, filter: {}, page: 1, perPage: 20 });
          });
          cells.push(`${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} ms`);
        }
      }
      console.log(`| ${q} | ${total} | ${cells.join(' | ')} |`);
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    for (const db of dbs.values()) await db.destroy();
    await cluster?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
