// The HTTP benchmark behind docs/performance.md: a site of 10,000 generated reports, the
// real server in its own process (the built CLI, as `npm start` runs it), and autocannon
// against the public pages. Prints a table and writes bench/results/http-<time>.json.
//
//   npm run bench                     # build the site in a temp dir, measure, delete it
//   npm run bench -- --reuse          # keep the site in $TMPDIR/katsudo-bench-<count>-s<seed> between runs
//   npm run bench -- --only report,home --runs 1 --duration 5 --no-build --profile
//   npm run bench -- --server-node-arg=--max-semi-space-size=8   # flags for the server's node (default: those of npm start)
//   npm run bench -- --settle 0       # measure memory right after the loads only (default: also once idle 35 s)
//   npm run bench -- --database-url postgres://… [--database-pool 10]   # the site in that (empty) PostgreSQL database;
//                                     # with --reuse, a database already holding the site is served as it is
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_IDLE_MS } from '../src/actions/runtime/pool-defaults.js';
import { buildSite, DB_FILE } from './build-site.js';
import { runScenario, type LoadOptions, type Scenario, type ScenarioResult } from './load.js';
import { httpGet, startServer, type ProcessMemory, type ServerProcess } from './server-process.js';

const REPO_DIR = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(REPO_DIR, 'bench/results');
const KB = 1024;
const MB = 1024 * 1024;

/** From the issue: what a report page must achieve on this machine. */
const TARGETS = {
  reportRequestsPerSecond: 10_000,
  reportP99Ms: 20,
  reportHtmlCssBytes: 30 * KB,
  rssBytes: 150 * MB,
  firstResponseMs: 1000,
};

const ALL_SCENARIOS = ['report', 'report-br', 'activity', 'activity-deep', 'home', 'report-uncached', 'report-uncached-br', 'search', 'search-uncached'] as const;

/** Words readers look for; each matches many generated reports. */
const SEARCH_WORDS = ['外交', '中国', '子育て支援', '地域', '安全保障', '経済', '交流', '協力', '国際', '農業'];

/** Distinct search pages, far more than the page cache holds: every request ranks anew. */
function searchPaths(): string[] {
  const paths: string[] = [];
  for (let page = 1; page <= 50; page++) {
    for (const word of SEARCH_WORDS) paths.push(`/search?q=${encodeURIComponent(word)}&page=${page}`);
    paths.push(`/search?q=${encodeURIComponent('外交 中国')}&page=${page}`);
    paths.push(`/search?q=${encodeURIComponent('外交')}&year=2019&page=${page}`);
  }
  return paths;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      reuse: { type: 'boolean', default: false },
      data: { type: 'string' },
      connections: { type: 'string', default: '32' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      runs: { type: 'string', default: '3' },
      starts: { type: 'string', default: '5' },
      only: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      'database-pool': { type: 'string', default: '10' },
      // Seconds without requests before memory is read again: the work pool's idle time and a margin.
      settle: { type: 'string', default: String(DEFAULT_IDLE_MS / 1000 + 5) },
      // The flags `npm start` gives node (package.json); pass --server-node-arg to replace them.
      'server-node-arg': { type: 'string', multiple: true, default: ['--max-semi-space-size=4', '--optimize-for-size'] },
      // …and the environment it sets (NAME=VALUE; --server-env MALLOC_ARENA_MAX= to leave it unset).
      'server-env': { type: 'string', multiple: true, default: ['MALLOC_ARENA_MAX=2'] },
    },
    strict: true,
  });
  const only = values.only?.split(',').map((s) => s.trim()) ?? [...ALL_SCENARIOS];
  for (const name of only) {
    if (!(ALL_SCENARIOS as readonly string[]).includes(name)) throw new Error(`unknown scenario ${name}; known: ${ALL_SCENARIOS.join(', ')}`);
  }
  return {
    count: Number(values.count),
    seed: Number(values.seed),
    isReuse: values.reuse,
    dataDir: values.data,
    connections: Number(values.connections),
    durationS: Number(values.duration),
    warmupS: Number(values.warmup),
    runs: Number(values.runs),
    starts: Number(values.starts),
    only,
    isBuildWanted: !values['no-build'],
    isProfileWanted: values.profile,
    databaseUrl: values['database-url'],
    databasePool: Number(values['database-pool']),
    settleS: Number(values.settle),
    serverNodeArgs: values['server-node-arg'],
    serverEnv: Object.fromEntries(values['server-env'].map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])),
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

/** The data directory, built unless --reuse finds one already there. */
async function prepareSite(options: Options): Promise<{ dataDir: string; isTemporary: boolean; build?: object }> {
  if (options.databaseUrl !== undefined) return preparePostgresSite(options, options.databaseUrl);
  if (options.dataDir && existsSync(join(options.dataDir, DB_FILE))) return { dataDir: options.dataDir, isTemporary: false };
  const fixed = options.dataDir ?? (options.isReuse ? join(tmpdir(), `katsudo-bench-${options.count}-s${options.seed}`) : undefined);
  if (fixed && options.isReuse && existsSync(join(fixed, DB_FILE))) {
    console.log(`reusing ${fixed}`);
    return { dataDir: fixed, isTemporary: false };
  }
  const dataDir = fixed ?? mkdtempSync(join(tmpdir(), 'katsudo-bench-'));
  console.log(`building ${options.count} reports in ${dataDir} …`);
  const build = await buildSite({ count: options.count, out: dataDir, seed: options.seed, log: console.log });
  console.log(`  ${build.reportsPerSecond} reports/s`);
  return { dataDir, isTemporary: fixed === undefined, build };
}

/** The site in PostgreSQL (built unless --reuse); the data directory holds only the media folder. */
async function preparePostgresSite(options: Options, databaseUrl: string): Promise<{ dataDir: string; isTemporary: boolean; build?: object }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'katsudo-bench-pg-'));
  mkdirSync(join(dataDir, 'media'), { recursive: true });
  if (options.isReuse) {
    console.log(`reusing the site in ${new URL(databaseUrl).pathname.slice(1)}`);
    return { dataDir, isTemporary: options.dataDir === undefined };
  }
  console.log(`building ${options.count} reports in PostgreSQL …`);
  const build = await buildSite({ count: options.count, out: dataDir, seed: options.seed, databaseUrl, log: console.log });
  console.log(`  ${build.reportsPerSecond} reports/s`);
  return { dataDir, isTemporary: options.dataDir === undefined, build };
}

/** The server's environment: the flags' variables, and the PostgreSQL database when one is given. */
function serverEnv(options: Options): Record<string, string> {
  if (options.databaseUrl === undefined) return options.serverEnv;
  return { ...options.serverEnv, KATSUDO_DATABASE_URL: options.databaseUrl, KATSUDO_DATABASE_POOL: String(options.databasePool) };
}

function npmBuild(): void {
  console.log('npm run build …');
  const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('npm run build failed');
}

async function measureStarts(dataDir: string, starts: number, nodeArgs: string[], env: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < starts; i++) {
    const server = await startServer({ repoDir: REPO_DIR, dataDir, nodeArgs, env });
    times.push(server.firstResponseMs);
    await server.stop();
  }
  return times;
}

/** 200 report paths spread over the whole site: 10 from each of 20 API pages of 100. */
async function sampleReportPaths(origin: string, wanted: number): Promise<{ sample: string[]; all: string[] }> {
  const first = await getJson(`${origin}/api/v1/reports?limit=100&page=1`);
  const pageCount = Math.ceil(first.total / 100);
  const all: string[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const body = page === 1 ? first : await getJson(`${origin}/api/v1/reports?limit=100&page=${page}`);
    all.push(...body.items.map((item) => new URL(item.url).pathname));
  }
  const step = all.length / Math.min(wanted, all.length);
  const sample = Array.from({ length: Math.min(wanted, all.length) }, (_, i) => all[Math.floor(i * step)]!);
  return { sample, all };
}

async function getJson(url: string): Promise<{ total: number; items: { url: string }[] }> {
  const res = await httpGet(url);
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return JSON.parse(res.body.toString('utf8')) as { total: number; items: { url: string }[] };
}

interface Sizes {
  pagesMeasured: number;
  htmlBytes: { min: number; median: number; max: number };
  htmlBrBytes: { median: number; max: number };
  htmlGzipBytes: { median: number; max: number };
  cssPath: string;
  cssBytes: number;
  cssBrBytes: number;
  cssGzipBytes: number;
  htmlPlusCssBytes: { median: number; max: number };
  htmlPlusCssBrBytes: { median: number; max: number };
}

/** What a first visit to a report page downloads: the HTML and its one stylesheet. */
async function measureSizes(origin: string, paths: string[]): Promise<Sizes> {
  const html: number[] = [];
  const br: number[] = [];
  const gz: number[] = [];
  let cssPath = '';
  for (const path of paths) {
    const plain = await httpGet(`${origin}${path}`);
    if (plain.status !== 200 || plain.headers['content-encoding']) throw new Error(`${path}: expected 200 uncompressed`);
    html.push(plain.body.byteLength);
    br.push((await httpGet(`${origin}${path}`, { 'accept-encoding': 'br' })).body.byteLength);
    gz.push((await httpGet(`${origin}${path}`, { 'accept-encoding': 'gzip' })).body.byteLength);
    const links = [...plain.body.toString('utf8').matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    if (links.length !== 1) throw new Error(`${path}: expected one stylesheet, found ${links.length}`);
    cssPath = links[0]!;
  }
  const css = await httpGet(`${origin}${cssPath}`);
  const cssBr = (await httpGet(`${origin}${cssPath}`, { 'accept-encoding': 'br' })).body.byteLength;
  const cssGz = (await httpGet(`${origin}${cssPath}`, { 'accept-encoding': 'gzip' })).body.byteLength;
  const htmlStats = stats(html);
  const brStats = stats(br);
  return {
    pagesMeasured: paths.length,
    htmlBytes: htmlStats,
    htmlBrBytes: { median: brStats.median, max: brStats.max },
    htmlGzipBytes: { median: stats(gz).median, max: stats(gz).max },
    cssPath,
    cssBytes: css.body.byteLength,
    cssBrBytes: cssBr,
    cssGzipBytes: cssGz,
    htmlPlusCssBytes: { median: htmlStats.median + css.body.byteLength, max: htmlStats.max + css.body.byteLength },
    htmlPlusCssBrBytes: { median: brStats.median + cssBr, max: brStats.max + cssBr },
  };
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: median(sorted), max: sorted[sorted.length - 1]! };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function scenarios(sample: string[], all: string[]): Record<(typeof ALL_SCENARIOS)[number], Scenario> {
  return {
    report: { name: 'report', paths: sample },
    'report-br': { name: 'report-br', paths: sample, headers: { 'accept-encoding': 'br, gzip' } },
    activity: { name: 'activity', paths: ['/activity/'] },
    'activity-deep': { name: 'activity-deep', paths: ['/activity/page/250/'] },
    home: { name: 'home', paths: ['/'] },
    // Every report once in a while: more pages than the in-process page cache holds,
    // so most requests render the page (database reads + TSX) instead of copying bytes.
    'report-uncached': { name: 'report-uncached', paths: all },
    // The same as a browser or a crawler asks for it: every miss is also compressed.
    'report-uncached-br': { name: 'report-uncached-br', paths: all, headers: { 'accept-encoding': 'br, gzip' } },
    search: { name: 'search', paths: [`/search?q=${encodeURIComponent('外交')}`] },
    'search-uncached': { name: 'search-uncached', paths: searchPaths() },
  };
}

const DESCRIPTIONS: Record<string, string> = {
  report: 'report page (200 URLs)',
  'report-br': 'report page, accept-encoding: br, gzip',
  activity: '/activity/',
  'activity-deep': '/activity/page/250/',
  home: 'home /',
  'report-uncached': 'report page (all URLs, cache misses)',
  'report-uncached-br': 'report page (all URLs, misses), br, gzip',
  search: '/search?q=外交 (cached page)',
  'search-uncached': 'search, 600 distinct word/page/filter URLs (ranked anew)',
};

function formatTable(results: ScenarioResult[]): string {
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'server µs/req', 'server CPU', 'client CPU', 'errors+non-2xx', 'runs (req/s)'];
  const rows = results.map((r) => [
    DESCRIPTIONS[r.name] ?? r.name,
    Math.round(r.median.requestsPerSecond).toLocaleString('en-US'),
    String(r.median.latencyP50Ms),
    String(r.median.latencyP99Ms),
    String(r.median.latencyMaxMs),
    String(median(r.runs.map((run) => run.serverCpuUsPerRequest ?? NaN))),
    `${r.median.serverCpuPercent ?? '?'} %`,
    `${r.median.clientCpuPercent} %`,
    String(r.failures),
    r.runs.map((run) => Math.round(run.requestsPerSecond)).join(' / '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function verdicts(report: ScenarioResult | undefined, sizes: Sizes, memory: ProcessMemory, settled: ProcessMemory | undefined, settleS: number, startMedianMs: number) {
  const check = (name: string, measured: string, target: string, isMet: boolean | undefined) => ({ name, measured, target, isMet });
  return [
    check(
      'report page req/s (32 conn.)',
      report ? `${Math.round(report.median.requestsPerSecond)}` : 'not run',
      `>= ${TARGETS.reportRequestsPerSecond}`,
      report && report.median.requestsPerSecond >= TARGETS.reportRequestsPerSecond,
    ),
    check(
      'report page p99 latency',
      report ? `${report.median.latencyP99Ms} ms` : 'not run',
      `< ${TARGETS.reportP99Ms} ms`,
      report && report.median.latencyP99Ms < TARGETS.reportP99Ms,
    ),
    check(
      'report HTML + CSS, uncompressed (largest)',
      `${(sizes.htmlPlusCssBytes.max / KB).toFixed(1)} KB`,
      `<= ${TARGETS.reportHtmlCssBytes / KB} KB`,
      sizes.htmlPlusCssBytes.max <= TARGETS.reportHtmlCssBytes,
    ),
    check(
      'server RSS right after the loads',
      `${(memory.rssBytes / MB).toFixed(0)} MB (peak ${(memory.peakRssBytes / MB).toFixed(0)} MB)`,
      `<= ${TARGETS.rssBytes / MB} MB`,
      memory.rssBytes <= TARGETS.rssBytes,
    ),
    check(
      `server RSS after the loads, idle ${settleS} s`,
      settled ? `${(settled.rssBytes / MB).toFixed(0)} MB, ${settled.threads} threads` : 'not measured',
      `<= ${TARGETS.rssBytes / MB} MB`,
      settled && settled.rssBytes <= TARGETS.rssBytes,
    ),
    check('start to first response', `${Math.round(startMedianMs)} ms`, `<= ${TARGETS.firstResponseMs} ms`, startMedianMs <= TARGETS.firstResponseMs),
  ];
}

async function main(): Promise<void> {
  const options = parseOptions();
  const info = machine();
  console.log(
    `machine: ${info.cores} cores, ${info.cpuModel}, ${(info.memoryBytes / 1024 ** 3).toFixed(0)} GiB, node ${info.node}, load ${info.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  if (options.isBuildWanted) npmBuild();
  const site = await prepareSite(options);
  let server: ServerProcess | undefined;
  try {
    console.log(`start to first response, ${options.starts} starts …`);
    const startTimes = await measureStarts(site.dataDir, options.starts, options.serverNodeArgs, serverEnv(options));
    const startMedianMs = median(startTimes);
    console.log(`  ${startTimes.map((t) => Math.round(t)).join(' / ')} ms, median ${Math.round(startMedianMs)} ms`);

    const profileDir = join(RESULTS_DIR, 'profiles');
    if (options.isProfileWanted) mkdirSync(profileDir, { recursive: true });
    server = await startServer({
      repoDir: REPO_DIR,
      dataDir: site.dataDir,
      nodeArgs: [...options.serverNodeArgs, ...(options.isProfileWanted ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
      env: serverEnv(options),
    });
    const memoryAtStart = server.memory();
    const { sample, all } = await sampleReportPaths(server.origin, 200);
    const sizes = await measureSizes(server.origin, sample);
    console.log(
      `report page: HTML ${(sizes.htmlBytes.median / KB).toFixed(1)} KB median, ${(sizes.htmlBytes.max / KB).toFixed(1)} KB max; CSS ${(sizes.cssBytes / KB).toFixed(1)} KB`,
    );

    const load: LoadOptions = {
      origin: server.origin,
      connections: options.connections,
      durationS: options.durationS,
      warmupS: options.warmupS,
      runs: options.runs,
      serverCpuTimeMs: server.cpuTimeMs,
    };
    const byName = scenarios(sample, all);
    const results: ScenarioResult[] = [];
    const memoryAfter: Record<string, ProcessMemory> = {};
    for (const name of options.only) {
      console.log(`load: ${DESCRIPTIONS[name]}, ${options.connections} connections, ${options.warmupS} s warm-up + ${options.runs} × ${options.durationS} s …`);
      const result = await runScenario(byName[name as keyof typeof byName], load);
      results.push(result);
      memoryAfter[name] = server.memory();
      console.log(
        `  ${Math.round(result.median.requestsPerSecond)} req/s, p50 ${result.median.latencyP50Ms} ms, p99 ${result.median.latencyP99Ms} ms, failures ${result.failures}`,
      );
    }
    const memory = server.memory();
    // Work threads stop after the pool's idle time; what the server holds then is what a site
    // holds between its visitors' bursts.
    let settled: ProcessMemory | undefined;
    if (options.settleS > 0) {
      console.log(`idle ${options.settleS} s …`);
      await sleep(options.settleS * 1000);
      settled = server.memory();
    }
    await server.stop();
    server = undefined;

    const checks = verdicts(
      results.find((r) => r.name === 'report'),
      sizes,
      memory,
      settled,
      options.settleS,
      startMedianMs,
    );
    console.log(`\n${formatTable(results)}\n`);
    console.log(
      `HTML of a report page: ${sizes.htmlBytes.median} B median (${sizes.htmlBytes.min}–${sizes.htmlBytes.max}), br ${sizes.htmlBrBytes.median} B, gzip ${sizes.htmlGzipBytes.median} B`,
    );
    console.log(`CSS ${sizes.cssPath}: ${sizes.cssBytes} B (br ${sizes.cssBrBytes} B, gzip ${sizes.cssGzipBytes} B)`);
    const mb = (m: ProcessMemory) =>
      `${(m.rssBytes / MB).toFixed(0)} MB (anonymous ${(m.anonRssBytes / MB).toFixed(0)} MB, files ${(m.fileRssBytes / MB).toFixed(0)} MB, ${m.threads} threads)`;
    console.log(`server memory: at start ${mb(memoryAtStart)}, right after the loads ${mb(memory)}, peak ${(memory.peakRssBytes / MB).toFixed(0)} MB`);
    if (settled) console.log(`  after ${options.settleS} s idle: ${mb(settled)}`);
    for (const [name, m] of Object.entries(memoryAfter)) console.log(`  after ${name}: ${(m.rssBytes / MB).toFixed(0)} MB`);
    console.log(`start to first response: median ${Math.round(startMedianMs)} ms\n`);
    for (const c of checks) {
      const verdict = c.isMet === undefined ? 'n/a   ' : c.isMet ? 'met   ' : 'MISSED';
      console.log(`${verdict}  ${c.name}: ${c.measured} (target ${c.target})`);
    }

    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `http-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    // The database URL holds a password: the results name only the engine and the pool.
    const { isBuildWanted: _b, databaseUrl, ...rest } = options;
    const settings = { ...rest, database: databaseUrl === undefined ? 'sqlite' : `postgres, pool ${options.databasePool}` };
    writeFileSync(
      file,
      `${JSON.stringify({ machine: { ...info, loadAverageAtEnd: loadavg() }, settings, site: { dataDir: site.dataDir, build: site.build }, startTimesMs: startTimes, startMedianMs, sizes, memoryAtStart, memoryAfter, memory, memorySettled: settled, scenarios: results, targets: TARGETS, checks }, null, 2)}\n`,
    );
    console.log(`\nwrote ${file}`);
    if (options.isProfileWanted) console.log(`CPU profile of the load-test server in ${profileDir}`);
  } finally {
    await server?.stop();
    if (site.isTemporary) rmSync(site.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
