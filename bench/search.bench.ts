// The search benchmark behind the "Search" section of docs/performance.md: a site of
// 100,000 generated reports of 1,500–3,000 characters (bench/build-site.ts, through the
// real createReportIn), then, in this process: the index build rate (reindexSearch on the
// built site), the index size against the text, the latency of searchReports and
// findSearchHits for 1-, 2-, 4- and 8-character queries and a 3-term AND (first run on a
// fresh connection, then repeated), a LIKE '%…%' scan of the same data for comparison,
// and the precision of the top 10 for ranking by words, by bm25 alone and by date alone.
// Prints tables and writes bench/results/search-<time>.json.
//
//   npm run bench:search                       # build the site in a temp dir, measure, delete it (≈ 20 min)
//   npm run bench:search -- --reuse            # keep the site in $TMPDIR/katsudo-search-<count>-s<seed>
//   npm run bench:search -- --reuse --no-reindex --runs 50
//   npm run bench:search -- --count 2000 --runs 5   # a quick try
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { reindexSearch } from '../src/actions/search/reindex.js';
import { searchReports } from '../src/actions/search/search-reports.js';
import { inlinePool } from '../src/actions/runtime/work-pool.js';
import { searchDocument } from '../src/domain/search/document.js';
import { normalizeForSearch } from '../src/domain/search/normalize.js';
import { parseSearchQuery, positiveTerms } from '../src/domain/search/query.js';
import { snippet } from '../src/domain/search/snippet.js';
import { indexTokens } from '../src/domain/search/tokens.js';
import { wordTokens } from '../src/domain/search/words.js';
import { openDatabase, type Db } from '../src/store/database.js';
import { listSummariesWithText } from '../src/store/reports.js';
import { findSearchHits, matchExpression, searchIndexBytes, type SearchFilter } from '../src/store/search.js';
import { buildSite, DB_FILE } from './build-site.js';

const REPO_DIR = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(REPO_DIR, 'bench/results');
const PER_PAGE = 20;

/** From the issue: what search must achieve on this machine. */
const TARGETS = { shortP95Ms: 30, longP95Ms: 10, buildReportsPerSecond: 2000, indexToText: 2 };

const TWO_CHARS = ['外交', '中国', '協力', '地域'];
const FOUR_CHARS = ['海外交流', '中国地方', '安全保障', '意見交換'];
const AND_QUERIES = ['外交 中国 協力', '地域 支援 課題'];
/** The worst the query cap allows (domain/search/query.ts): one common character, alone or with a word. */
const ONE_CHAR = ['外', '交', 'の', 'の 外交'];
/** With a year filter: the general query plan. */
const FILTERED = ['外交', '中国地方'];
const PRECISION_TERMS = ['外交', '中国', '交流', '協力', '地域', '地方', '国際', '経済'];

function parseOptions() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      'min-chars': { type: 'string', default: '1500' },
      'max-chars': { type: 'string', default: '3000' },
      reuse: { type: 'boolean', default: false },
      data: { type: 'string' },
      runs: { type: 'string', default: '30' },
      'like-runs': { type: 'string', default: '3' },
      'no-reindex': { type: 'boolean', default: false },
    },
    strict: true,
  });
  return {
    count: Number(values.count),
    seed: Number(values.seed),
    minChars: Number(values['min-chars']),
    maxChars: Number(values['max-chars']),
    isReuse: values.reuse,
    dataDir: values.data,
    runs: Number(values.runs),
    likeRuns: Number(values['like-runs']),
    isReindexWanted: !values['no-reindex'],
  };
}

type Options = ReturnType<typeof parseOptions>;

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cores: availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    loadAverageAtStart: loadavg(),
  };
}

/** The data directory, built unless --reuse (or --data) finds one already there. */
async function prepareSite(options: Options) {
  if (options.dataDir && existsSync(join(options.dataDir, DB_FILE))) return { dataDir: options.dataDir, isTemporary: false, build: undefined };
  const fixed = options.dataDir ?? (options.isReuse ? join(tmpdir(), `katsudo-search-${options.count}-s${options.seed}`) : undefined);
  if (fixed && existsSync(join(fixed, DB_FILE))) {
    console.log(`reusing ${fixed}`);
    return { dataDir: fixed, isTemporary: false, build: undefined };
  }
  const dataDir = fixed ?? mkdtempSync(join(tmpdir(), 'katsudo-search-'));
  console.log(`building ${options.count} reports of ${options.minChars}–${options.maxChars} characters in ${dataDir} …`);
  const build = await buildSite({ count: options.count, out: dataDir, seed: options.seed, minChars: options.minChars, maxChars: options.maxChars, log: console.log });
  console.log(`  written at ${build.reportsPerSecond} reports/s (rendering, report rows and search index together)`);
  return { dataDir, isTemporary: fixed === undefined, build };
}

const median = (xs: number[]) => quantile(xs, 0.5);

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function textBytes(db: Db): Promise<{ reports: number; bytes: number }> {
  const row = await sql<{ n: number; bytes: number }>`
    select count(*) as n, sum(length(cast(title as blob)) + length(cast(body_text as blob))) as bytes
    from reports where status = 'published'`.execute(db);
  return { reports: Number(row.rows[0]!.n), bytes: Number(row.rows[0]!.bytes) };
}

/** Where the time of building one document goes: a sample of reports, on this thread. */
async function documentCost(db: Db, sample = 2000) {
  const rows = await db.selectFrom('reports').select(['title', 'body_text']).where('status', '=', 'published').orderBy('id').limit(sample).execute();
  const per = (ms: number) => ms / rows.length;
  let started = performance.now();
  for (const r of rows) searchDocument(r.title, r.body_text);
  const totalMs = per(performance.now() - started);
  started = performance.now();
  const normalized = rows.map((r) => [normalizeForSearch(r.title), normalizeForSearch(r.body_text)] as const);
  const normalizeMs = per(performance.now() - started);
  started = performance.now();
  for (const [t, b] of normalized) {
    indexTokens(t);
    indexTokens(b);
  }
  const tokensMs = per(performance.now() - started);
  started = performance.now();
  for (const [t, b] of normalized) {
    wordTokens(t);
    wordTokens(b);
  }
  const wordsMs = per(performance.now() - started);
  return { sample: rows.length, totalMs, normalizeMs, tokensMs, wordsMs };
}

/** 8-character stretches of the corpus (no white space, no ASCII, no punctuation), so that they match. */
async function sampleLongQueries(db: Db, length: number, count: number): Promise<string[]> {
  const rows = await db
    .selectFrom('reports')
    .select(['id', 'body_text'])
    .where('status', '=', 'published')
    .where(sql<boolean>`id % 997 = 13`)
    .orderBy('id')
    .limit(50)
    .execute();
  const found: string[] = [];
  let k = 0;
  for (const row of rows) {
    const chars = [...row.body_text];
    for (let tries = 0; tries < 40 && found.length < count; tries++) {
      const at = (row.id * 7919 + (k += 131)) % Math.max(1, chars.length - length);
      const s = chars.slice(at, at + length).join('');
      if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(s) && !found.includes(s)) {
        found.push(s);
        break;
      }
    }
    if (found.length >= count) break;
  }
  return found;
}

interface Latency {
  q: string;
  kind: string;
  total: number;
  coldMs: number;
  p50Ms: number;
  p95Ms: number;
  hitsColdMs: number;
  hitsP50Ms: number;
  hitsP95Ms: number;
  countP50Ms: number;
  loadP50Ms: number;
  snippetP50Ms: number;
}

/**
 * Each query on two fresh connections (empty SQLite page cache; the operating system's file
 * cache stays warm): the first run of searchReports and of findSearchHits is the cold one,
 * then `runs` more of each, with the phases timed apart.
 */
interface BenchQuery {
  q: string;
  kind: string;
  filter?: SearchFilter;
}

async function measureLatency(file: string, queries: BenchQuery[], runs: number): Promise<Latency[]> {
  const forSearch = await openDatabase({ file });
  const forHits = await openDatabase({ file });
  const out: Latency[] = [];
  try {
    for (const { q, kind, filter = {} } of queries) {
      const request = { q, filter, page: 1, perPage: PER_PAGE };
      const query = parseSearchQuery(q)!;
      const page = { offset: 0, limit: PER_PAGE };
      const [coldMs, first] = await timed(() => searchReports(forSearch, request));
      const [hitsColdMs] = await timed(() => findSearchHits(forHits, query, filter, page));
      const search: number[] = [];
      const hits: number[] = [];
      const counts: number[] = [];
      const loads: number[] = [];
      const snippets: number[] = [];
      const match = matchExpression(query)!;
      const terms = positiveTerms(query).map((t) => t.text);
      for (let i = 0; i < runs; i++) {
        search.push((await timed(() => searchReports(forSearch, request)))[0]);
        const [hitsMs, found] = await timed(() => findSearchHits(forHits, query, filter, page));
        hits.push(hitsMs);
        counts.push((await timed(() => sql`select count(*) from report_search where report_search match ${match}`.execute(forHits)))[0]);
        const [loadMs, loaded] = await timed(() => listSummariesWithText(forHits, found.ids));
        loads.push(loadMs);
        const started = performance.now();
        for (const r of loaded) snippet(r.bodyText, terms);
        snippets.push(performance.now() - started);
      }
      const row: Latency = {
        q,
        kind,
        total: first.total,
        coldMs,
        p50Ms: median(search),
        p95Ms: quantile(search, 0.95),
        hitsColdMs,
        hitsP50Ms: median(hits),
        hitsP95Ms: quantile(hits, 0.95),
        countP50Ms: median(counts),
        loadP50Ms: median(loads),
        snippetP50Ms: median(snippets),
      };
      console.log(
        `  ${kind.padEnd(7)} ${q.padEnd(12)} ${String(row.total).padStart(6)} hits  cold ${fmt(coldMs)} ms  p50 ${fmt(row.p50Ms)} ms  p95 ${fmt(row.p95Ms)} ms` +
          `  (findSearchHits cold ${fmt(hitsColdMs)} p50 ${fmt(row.hitsP50Ms)} p95 ${fmt(row.hitsP95Ms)}; count ${fmt(row.countP50Ms)}, load ${fmt(row.loadP50Ms)}, snippets ${fmt(row.snippetP50Ms)})`,
      );
      out.push(row);
    }
  } finally {
    await forSearch.destroy();
    await forHits.destroy();
  }
  return out;
}

interface LikeScan {
  q: string;
  count: number;
  coldMs: number;
  medianMs: number;
}

/** The same words by LIKE '%…%' over title and body_text: count and the newest 20, as a site without an index would. */
async function measureLike(db: Db, q: string, runs: number): Promise<LikeScan> {
  const terms = q.split(' ');
  const where = sql.join(
    terms.map((t) => sql`(title like ${`%${t}%`} or body_text like ${`%${t}%`})`),
    sql` and `,
  );
  const once = async () => {
    const count = await sql<{ n: number }>`select count(*) as n from reports where status = 'published' and ${where}`.execute(db);
    await sql`select id from reports where status = 'published' and ${where} order by activity_date desc, id desc limit ${PER_PAGE}`.execute(db);
    return Number(count.rows[0]!.n);
  };
  const [coldMs, count] = await timed(once);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(once))[0]);
  return { q, count, coldMs, medianMs: median(times) };
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** Whether `term` stands as a word (Intl.Segmenter) in the normalised title or body. */
function standsAsWord(texts: string[], term: string): boolean {
  return texts.some((text) => {
    for (const s of segmenter.segment(normalizeForSearch(text))) if (s.isWordLike && s.segment === term) return true;
    return false;
  });
}

async function shareAsWord(db: Db, ids: number[], term: string): Promise<number> {
  if (ids.length === 0) return NaN;
  const rows = await db.selectFrom('reports').select(['id', 'title', 'body_text']).where('id', 'in', ids).execute();
  return rows.filter((r) => standsAsWord([r.title, r.body_text], term)).length / ids.length;
}

interface Precision {
  term: string;
  total: number;
  katsudo: number;
  bm25: number;
  date: number;
  allHitsSample: number;
}

/** Share of the top 10 where the term stands as a word, for three orders of the same hits. */
async function measurePrecision(db: Db, term: string): Promise<Precision> {
  const result = await searchReports(db, { q: term, filter: {}, page: 1, perPage: 10 });
  const match = matchExpression(parseSearchQuery(term)!)!;
  const bm25 = await sql<{ id: number }>`
    select r.id from report_search join reports r on r.id = report_search.rowid where report_search match ${match}
    order by bm25(report_search, 5.0, 1.0, 0.0), r.activity_date desc, r.id desc limit 10`.execute(db);
  const date = await sql<{ id: number }>`
    select r.id from report_search join reports r on r.id = report_search.rowid where report_search match ${match}
    order by r.activity_date desc, r.id desc limit 10`.execute(db);
  // The base rate: every 25th hit (at most 400).
  const sample = await sql<{ id: number }>`
    select id from (select rowid as id, row_number() over (order by rowid) as n from report_search where report_search match ${match})
    where n % 25 = 0 limit 400`.execute(db);
  return {
    term,
    total: result.total,
    katsudo: await shareAsWord(
      db,
      result.items.map((i) => i.report.id),
      term,
    ),
    bm25: await shareAsWord(
      db,
      bm25.rows.map((r) => r.id),
      term,
    ),
    date: await shareAsWord(
      db,
      date.rows.map((r) => r.id),
      term,
    ),
    allHitsSample: await shareAsWord(
      db,
      sample.rows.map((r) => r.id),
      term,
    ),
  };
}

function verdict(isMet: boolean): string {
  return isMet ? 'met' : 'missed';
}

async function main(): Promise<void> {
  const options = parseOptions();
  const info = machine();
  console.log(`${info.cpuModel}, ${info.cores} cores, node ${info.node}, load ${info.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}`);
  const site = await prepareSite(options);
  const file = join(site.dataDir, DB_FILE);
  try {
    const db = await openDatabase({ file });
    const ctx = { db, dataDir: site.dataDir, now: () => new Date(), work: inlinePool(db) };
    const text = await textBytes(db);
    console.log(`${text.reports} published reports, ${mb(text.bytes)} of text (UTF-8, titles + body texts)`);

    let reindex: { count: number; ms: number; reportsPerSecond: number } | undefined;
    if (options.isReindexWanted) {
      console.log('reindexSearch …');
      let last = 0;
      const [ms, count] = await timed(() =>
        reindexSearch(ctx, (done, total) => {
          if (done - last >= 20_000 || done === total) console.log(`  ${done} / ${total}`);
          if (done - last >= 20_000) last = done;
        }),
      );
      reindex = { count, ms, reportsPerSecond: Math.round((count / ms) * 1000) };
      console.log(`  ${count} reports in ${(ms / 1000).toFixed(1)} s: ${reindex.reportsPerSecond} reports/s`);
    }
    const documents = await documentCost(db);
    console.log(
      `one document on one thread: ${fmt(documents.totalMs)} ms (normalise ${fmt(documents.normalizeMs)}, 2-gram tokens ${fmt(documents.tokensMs)}, words ${fmt(documents.wordsMs)})`,
    );
    const indexBytes = await searchIndexBytes(db);
    const fileBytes = statSync(file).size;
    console.log(`index ${mb(indexBytes)} = ${(indexBytes / text.bytes).toFixed(2)} × the text; database file ${mb(fileBytes)}`);

    const eight = await sampleLongQueries(db, 8, 4);
    const queries: BenchQuery[] = [
      ...TWO_CHARS.map((q) => ({ q, kind: '2 chars' })),
      ...FOUR_CHARS.map((q) => ({ q, kind: '4 chars' })),
      ...eight.map((q) => ({ q, kind: '8 chars' })),
      ...AND_QUERIES.map((q) => ({ q, kind: '3 terms' })),
      ...ONE_CHAR.map((q) => ({ q, kind: '1 char' })),
      ...FILTERED.map((q) => ({ q, kind: 'in 2020', filter: { year: 2020 } })),
    ];
    await db.destroy();

    console.log(`latency of the top ${PER_PAGE}, ${options.runs} runs after the first (ms):`);
    const latency = await measureLatency(file, queries, options.runs);

    const again = await openDatabase({ file });
    console.log(`LIKE '%…%' over title and body_text, count + newest ${PER_PAGE}, median of ${options.likeRuns} after the first:`);
    const like: (LikeScan & { ratio: number; hitsRatio: number })[] = [];
    for (const { q } of queries.filter((x) => x.kind !== '1 char' && !x.filter)) {
      const scan = await measureLike(again, q, options.likeRuns);
      const l = latency.find((x) => x.q === q)!;
      const row = { ...scan, ratio: scan.medianMs / l.p50Ms, hitsRatio: scan.medianMs / l.hitsP50Ms };
      like.push(row);
      console.log(
        `  ${q.padEnd(12)} ${String(scan.count).padStart(6)} rows  cold ${fmt(scan.coldMs)} ms  median ${fmt(scan.medianMs)} ms  = ${row.ratio.toFixed(0)} × searchReports, ${row.hitsRatio.toFixed(0)} × findSearchHits`,
      );
    }

    console.log('precision of the top 10 (share where the term stands as a word):');
    const precision: Precision[] = [];
    for (const term of PRECISION_TERMS) {
      const p = await measurePrecision(again, term);
      precision.push(p);
      const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(4);
      console.log(
        `  ${term}  ${String(p.total).padStart(6)} hits  katsudo ${pct(p.katsudo)}  bm25 only ${pct(p.bm25)}  date only ${pct(p.date)}  (all hits, sample: ${pct(p.allHitsSample)})`,
      );
    }
    await again.destroy();

    const worst = (kinds: string[], key: 'p95Ms' | 'hitsP95Ms') => Math.max(...latency.filter((l) => kinds.includes(l.kind)).map((l) => l[key]));
    const checks = [
      {
        target: `p95 ≤ ${TARGETS.shortP95Ms} ms, 2-character queries`,
        measured: `${fmt(worst(['2 chars'], 'p95Ms'))} ms`,
        isMet: worst(['2 chars'], 'p95Ms') <= TARGETS.shortP95Ms,
      },
      {
        target: `p95 ≤ ${TARGETS.longP95Ms} ms, 4- and 8-character queries and 3 terms`,
        measured: `${fmt(worst(['4 chars', '8 chars', '3 terms'], 'p95Ms'))} ms`,
        isMet: worst(['4 chars', '8 chars', '3 terms'], 'p95Ms') <= TARGETS.longP95Ms,
      },
      ...(reindex
        ? [
            {
              target: `build ≥ ${TARGETS.buildReportsPerSecond} reports/s`,
              measured: `${reindex.reportsPerSecond} reports/s`,
              isMet: reindex.reportsPerSecond >= TARGETS.buildReportsPerSecond,
            },
          ]
        : []),
      { target: `index ≤ ${TARGETS.indexToText} × text`, measured: `${(indexBytes / text.bytes).toFixed(2)} ×`, isMet: indexBytes <= TARGETS.indexToText * text.bytes },
    ];
    console.log('');
    for (const c of checks) console.log(`  ${c.target.padEnd(52)} ${c.measured.padStart(16)}  ${verdict(c.isMet)}`);

    mkdirSync(RESULTS_DIR, { recursive: true });
    const out = join(RESULTS_DIR, `search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      out,
      `${JSON.stringify({ options, machine: { ...info, loadAverageAtEnd: loadavg() }, site: { ...text, dataDir: site.dataDir, fileBytes, build: site.build }, reindex, documents, indexBytes, latency, like, precision, checks }, null, 2)}\n`,
    );
    console.log(`\nwrote ${out}`);
  } finally {
    if (site.isTemporary) rmSync(site.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
