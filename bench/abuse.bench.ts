// The abuse benchmark behind docs/performance.md "Under abuse" (issue 9): a site of 10,000
// generated reports, the real server (the built CLI, as `npm start` runs it), readers on
// report pages measured while 1, 4 and 32 attacking connections run uncached worst-case
// searches; then plain uncached searches at 32 connections (1 MB page cache, so nearly every
// one is ranked anew); then the attack again with the
// default rate limits, to count the 429s. Not part of `npm test`.
//
//   node --import tsx bench/abuse.bench.ts                # build a site in a temp dir, measure, delete it
//   node --import tsx bench/abuse.bench.ts --reuse --runs 3 --duration 10
//   node --import tsx bench/abuse.bench.ts --data DIR --no-build [--app DIR]   # DIR holds katsudo.db; --app holds bin/ and dist/
//
// Attackers run in a child process (this file with --attack), so generating their load does
// not delay the client that measures the report pages. Rate limits are lifted for the first
// two parts (KATSUDO_RATE_LIMIT_*=0), or they would measure only 429s.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildSite, DB_FILE } from './build-site.js';
import { AREAS, COUNTRIES, DISTRICTS, HALLS } from './corpus-vocabulary.js';
import { httpGet, startServer, type ProcessMemory, type ServerProcess } from './server-process.js';

const REPO_DIR = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(REPO_DIR, 'bench/results');

/** From the issue. */
const TARGETS = { reportP99UnderAttackMs: 50, uncachedSearchP99Ms: 500 };

/** Characters found in nearly every report: each is the most a single allowed term can cost. */
const COMMON_CHARACTERS = [...'のをにはがでとたしていう地会行議員報告日本国県市政事一人大年月問'];
/** Ten common 2-character words joined by OR: the most expensive company a 1-character term may have. */
const COMMON_WORDS_OR = 'した OR する OR ため OR こと OR です OR ます OR ある OR いる OR れた';
const SEARCH_WORDS = ['外交', '中国', '子育て支援', '地域', '安全保障', '経済', '交流', '協力', '国際', '農業'];
const PAGES = 50;

/** The worst searches the query cap allows, on the page and the API, over 50 pages each: 6,000 URLs. */
function worstCasePaths(): string[] {
  const paths: string[] = [];
  for (const c of COMMON_CHARACTERS) {
    for (const q of [c, `${c} ${COMMON_WORDS_OR}`]) {
      for (let page = 1; page <= PAGES; page++) {
        paths.push(`/search?q=${encodeURIComponent(q)}&page=${page}`);
        paths.push(`/api/v1/search?q=${encodeURIComponent(q)}&page=${page}`);
      }
    }
  }
  return paths;
}

/** Plain searches readers make: the corpus's words, first pages, on the page and the API. */
function plainSearchPaths(): string[] {
  const words = new Set([...SEARCH_WORDS, ...AREAS.flatMap((a) => [a.name, a.ministry, ...a.committees]), ...COUNTRIES, ...HALLS, ...DISTRICTS]);
  return [...words].flatMap((word) =>
    Array.from({ length: 5 }, (_, i) => [`/search?q=${encodeURIComponent(word)}&page=${i + 1}`, `/api/v1/search?q=${encodeURIComponent(word)}&page=${i + 1}`]).flat(),
  );
}

interface LoadFigures {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers by HTTP status, plus "errors" and "timeouts". */
  statuses: Record<string, number>;
}

/** One autocannon run; a long list of paths is sampled at random per request, so pages are rarely cached. */
function load(origin: string, paths: string[], connections: number, durationS: number): Promise<LoadFigures> {
  const requests: autocannon.Request[] = [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)]! }) }];
  return new Promise((resolve, reject) => {
    autocannon({ url: origin, connections, duration: durationS, timeout: 10, requests }, (error, result) => {
      if (error) return reject(error);
      const statuses: Record<string, number> = { errors: result.errors, timeouts: result.timeouts };
      for (const [code, { count }] of Object.entries(result.statusCodeStats)) statuses[code] = count;
      resolve({ requests: result.requests.total, p50Ms: result.latency.p50, p99Ms: result.latency.p99, maxMs: result.latency.max, statuses });
    });
  });
}

/** The attack in a child process: prints its LoadFigures as JSON. */
function attack(origin: string, paths: string[], connections: number, durationS: number): Promise<LoadFigures> {
  const file = join(mkdtempSync(join(tmpdir(), 'katsudo-abuse-')), 'paths.json');
  writeFileSync(file, JSON.stringify(paths));
  const args = [
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
    '--attack',
    '--origin',
    origin,
    '--paths',
    file,
    '--connections',
    String(connections),
    '--duration',
    String(durationS),
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      rmSync(file, { force: true });
      if (code !== 0) return reject(new Error(`attacker exited with code ${code}`));
      resolve(JSON.parse(out) as LoadFigures);
    });
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function sumStatuses(runs: LoadFigures[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const run of runs) for (const [k, v] of Object.entries(run.statuses)) total[k] = (total[k] ?? 0) + v;
  return total;
}

interface Row {
  name: string;
  readers?: { p50Ms: number; p99Ms: number; requests: number; statuses: Record<string, number> };
  searches?: { p50Ms: number; p99Ms: number; requests: number; statuses: Record<string, number> };
}

function summarize(runs: LoadFigures[]) {
  return { p50Ms: median(runs.map((r) => r.p50Ms)), p99Ms: median(runs.map((r) => r.p99Ms)), requests: median(runs.map((r) => r.requests)), statuses: sumStatuses(runs) };
}

/** Report pages measured by `readers` connections while `attackers` connections search; medians over runs. */
async function underAttack(origin: string, reportPaths: string[], attackPaths: string[], attackers: number, options: Options): Promise<Row> {
  const readerRuns: LoadFigures[] = [];
  const attackRuns: LoadFigures[] = [];
  for (let run = 0; run < options.runs; run++) {
    // The attack starts first and ends last, so the whole measured window is under attack.
    const attacking = attackers > 0 ? attack(origin, attackPaths, attackers, options.durationS + 3) : undefined;
    if (attacking) await delay(1500);
    readerRuns.push(await load(origin, reportPaths, options.readers, options.durationS));
    if (attacking) attackRuns.push(await attacking);
  }
  return {
    name: attackers === 0 ? 'no attack' : `${attackers} attacking connection${attackers > 1 ? 's' : ''}`,
    readers: summarize(readerRuns),
    searches: attackRuns.length > 0 ? summarize(attackRuns) : undefined,
  };
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      reuse: { type: 'boolean', default: false },
      data: { type: 'string' },
      app: { type: 'string' },
      duration: { type: 'string', default: '10' },
      runs: { type: 'string', default: '3' },
      readers: { type: 'string', default: '2' },
      'no-build': { type: 'boolean', default: false },
      // The attacker child's options.
      attack: { type: 'boolean', default: false },
      origin: { type: 'string' },
      paths: { type: 'string' },
      connections: { type: 'string' },
    },
    strict: true,
  });
  return {
    count: Number(values.count),
    seed: Number(values.seed),
    isReuse: values.reuse,
    dataDir: values.data,
    appDir: values.app ?? REPO_DIR,
    durationS: Number(values.duration),
    runs: Number(values.runs),
    readers: Number(values.readers),
    isBuildWanted: !values['no-build'],
    attack: values.attack ? { origin: values.origin!, pathsFile: values.paths!, connections: Number(values.connections) } : undefined,
  };
}

type Options = ReturnType<typeof parseOptions>;

async function prepareSite(options: Options): Promise<{ dataDir: string; isTemporary: boolean }> {
  if (options.dataDir && existsSync(join(options.dataDir, DB_FILE))) return { dataDir: options.dataDir, isTemporary: false };
  const fixed = options.dataDir ?? (options.isReuse ? join(tmpdir(), `katsudo-bench-${options.count}-s${options.seed}`) : undefined);
  if (fixed && existsSync(join(fixed, DB_FILE))) return { dataDir: fixed, isTemporary: false };
  const dataDir = fixed ?? mkdtempSync(join(tmpdir(), 'katsudo-bench-'));
  console.log(`building ${options.count} reports in ${dataDir} …`);
  await buildSite({ count: options.count, out: dataDir, seed: options.seed, log: console.log });
  return { dataDir, isTemporary: fixed === undefined };
}

/** 200 report paths spread over the whole site. */
async function sampleReportPaths(origin: string): Promise<string[]> {
  const all: string[] = [];
  for (let page = 1; ; page++) {
    const res = await httpGet(`${origin}/api/v1/reports?limit=100&page=${page}`);
    if (res.status !== 200) break;
    const body = JSON.parse(res.body.toString()) as { items: { url: string }[] };
    if (body.items.length === 0) break;
    all.push(...body.items.map((item) => new URL(item.url).pathname));
  }
  const step = all.length / 200;
  return Array.from({ length: Math.min(200, all.length) }, (_, i) => all[Math.floor(i * step)]!);
}

const LIFTED_LIMITS = { KATSUDO_RATE_LIMIT_SEARCH: '0', KATSUDO_RATE_LIMIT_API: '0', KATSUDO_RATE_LIMIT_FEEDS: '0' };

function formatRow(row: Row): string {
  const r = row.readers;
  const s = row.searches;
  const codes = s
    ? Object.entries(s.statuses)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k}:${n}`)
        .join(' ')
    : '';
  return [
    row.name.padEnd(34),
    r ? `${r.p50Ms.toFixed(1).padStart(7)} ${r.p99Ms.toFixed(1).padStart(7)}` : ''.padStart(15),
    s ? `${s.p50Ms.toFixed(0).padStart(7)} ${s.p99Ms.toFixed(0).padStart(7)}` : ''.padStart(15),
    codes,
  ].join('  ');
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.attack) {
    const paths = JSON.parse(readFileSync(options.attack.pathsFile, 'utf8')) as string[];
    process.stdout.write(JSON.stringify(await load(options.attack.origin, paths, options.attack.connections, options.durationS)));
    return;
  }
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  console.log(
    `${cpuModel}, ${availableParallelism()} cores, node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (options.isBuildWanted) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: REPO_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const site = await prepareSite(options);
  const rows: Row[] = [];
  let server: ServerProcess | undefined;
  let memory: ProcessMemory | undefined;
  try {
    server = await startServer({ repoDir: options.appDir, dataDir: site.dataDir, env: LIFTED_LIMITS });
    const reportPaths = await sampleReportPaths(server.origin);
    const worst = worstCasePaths();
    console.log(
      `${reportPaths.length} report URLs, ${worst.length} worst-case search URLs; ${options.readers} reader connections, ${options.runs} runs of ${options.durationS} s (medians)`,
    );
    for (const attackers of [0, 1, 4, 32]) {
      rows.push(await underAttack(server.origin, reportPaths, worst, attackers, options));
      console.log(formatRow(rows[rows.length - 1]!));
    }
    memory = server.memory();
    console.log(`server RSS now ${(memory!.rssBytes / 2 ** 20).toFixed(0)} MB, peak ${(memory!.peakRssBytes / 2 ** 20).toFixed(0)} MB (main thread and search workers)`);
    await server.stop();
    // Plain searches with a 1 MB page cache, so that nearly every one is ranked anew.
    server = await startServer({ repoDir: options.appDir, dataDir: site.dataDir, env: { ...LIFTED_LIMITS, KATSUDO_PAGE_CACHE_MB: '1' } });
    const plainPaths = plainSearchPaths();
    const plain: LoadFigures[] = [];
    for (let run = 0; run < options.runs; run++) plain.push(await load(server.origin, plainPaths, 32, options.durationS));
    rows.push({ name: `plain searches (${plainPaths.length} URLs), 32 conn.`, searches: summarize(plain) });
    console.log(formatRow(rows[rows.length - 1]!));
    await server.stop();
    // The default limits: the same attack from one address is mostly refused with 429.
    server = await startServer({ repoDir: options.appDir, dataDir: site.dataDir });
    const limited = await underAttack(server.origin, reportPaths, worst, 32, { ...options, runs: 1 });
    rows.push({ ...limited, name: '32 attacking, default rate limits' });
    console.log(formatRow(rows[rows.length - 1]!));
  } finally {
    await server?.stop();
    if (site.isTemporary) rmSync(site.dataDir, { recursive: true, force: true });
  }
  console.log('');
  console.log(`${'scenario'.padEnd(34)}  reader p50/p99 ms  search p50/p99 ms  search answers by status`);
  for (const row of rows) console.log(formatRow(row));
  const underLoad = rows.filter((r) => r.searches && r.readers).map((r) => r.readers!.p99Ms);
  const plainRow = rows.find((r) => r.name.startsWith('plain'))!;
  console.log('');
  console.log(
    `report-page p99 under attack ≤ ${TARGETS.reportP99UnderAttackMs} ms: worst ${Math.max(...underLoad).toFixed(1)} ms ${Math.max(...underLoad) <= TARGETS.reportP99UnderAttackMs ? 'met' : 'MISSED'}`,
  );
  console.log(
    `uncached search p99 at 32 connections ≤ ${TARGETS.uncachedSearchP99Ms} ms: ${plainRow.searches!.p99Ms} ms ${plainRow.searches!.p99Ms <= TARGETS.uncachedSearchP99Ms ? 'met' : 'MISSED'}`,
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `abuse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ cpuModel, cores: availableParallelism(), node: process.version, options, memory, rows }, null, 2));
  console.log(`written ${file}`);
}

await main();
