// The static search benchmark behind "Static search" in docs/performance.md: on a site of
// generated reports (bench/build-site.ts, 10,000 by default) it writes the static index
// (writeSearchIndex, full, into a temp directory), measures its time (wall and CPU), memory and
// size, then the incremental build after one edited report (three in turn), then
// serves the directory with a plain static file server (Cache-Control like a CDN's) and runs
// queries in Chromium: cold (new browser context, empty cache) and warm (the same query again,
// files from the cache: the outcome the first load kept (client/stored-results.ts), and again
// with the page's storage cleared, so the files are fetched in rounds and searched; a second query with the doc table cached; then, on that page, the query
// sent from the search form and run in place, and sent again), timed from the script's
// start to the results listed (cold: the list before the snippets' text files) and to the
// results complete (snippets in), with the bytes fetched. Exact hit counts: the static index's
// total for the generator's trap phrases against the server's searchReports.
//
//   node --import tsx bench/static-search.bench.ts --reuse            # site kept in $TMPDIR/katsudo-static-search-<count>-s<seed>
//   node --import tsx bench/static-search.bench.ts --data DIR         # a copy of DIR's database (DIR untouched)
//   node --import tsx bench/static-search.bench.ts --count 2000 --runs 3
//   node --import tsx bench/static-search.bench.ts --data DIR --http2    # the pages over HTTP/2 with TLS (as CDNs serve), not HTTP/1.1
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { searchReports } from '../src/actions/search/search-reports.js';
import { inlinePool } from '../src/actions/runtime/work-pool.js';
import { runStaticSearch } from '../src/exporter/search/client/run-static-search.js';
import { openIndexDir } from '../src/exporter/search/open-index-dir.js';
import { readSearchHead } from '../src/exporter/search/read-search-head.js';
import { writeSearchIndex } from '../src/exporter/search/write-search-index.js';
import { searchScript } from '../src/exporter/search/write-search-script.js';
import { renderPublicPath } from '../src/site/render-public-path.js';
import { openDatabase } from '../src/store/database.js';
import { loadAssets } from '../src/web/assets.js';
import { launchChromium } from '../test/support/browser.js';
import { buildSite, DB_FILE } from './build-site.js';
import { serveFolder } from './serve-folder.js';

const QUERIES = ['外交', '中国地方', '海外交流', '対外交渉', 'TPP', 'ADMM', '2+2', 'の', '外', '地域 支援 課題', '"外交 の"', '外交 -中国', '外交 OR 中国'];
/** Trap phrases (bench/corpus-vocabulary.ts TRAP_SENTENCES): their counts are exact in the generator. */
const RARE = [
  '海外交流',
  '対外交渉',
  '中国地方',
  'TPP',
  'ADMM',
  '2+2',
  '経済連携をめぐる対外交渉',
  '若い世代の海外交流の機会',
  '中国地方に共通する課題',
  'TPP協定の発効後',
];
const TARGETS = { indexMs: 10_000, indexBytes: 30 * 1024 * 1024, coldMs: 100, warmMs: 20, scriptGzipBytes: 15 * 1024 };

function parseOptions() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      reuse: { type: 'boolean', default: false },
      data: { type: 'string' },
      runs: { type: 'string', default: '5' },
      'index-runs': { type: 'string', default: '1' },
      http2: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return {
    count: Number(values.count),
    seed: Number(values.seed),
    isReuse: values.reuse,
    data: values.data,
    runs: Number(values.runs),
    indexRuns: Number(values['index-runs']),
    isHttp2: values.http2,
  };
}

/** A data directory of our own: a copy of --data's database, the kept --reuse site, or a new one. */
async function prepareSite(options: ReturnType<typeof parseOptions>): Promise<{ dataDir: string; isTemporary: boolean }> {
  if (options.data) {
    const dataDir = mkdtempSync(join(tmpdir(), 'katsudo-static-search-'));
    copyFileSync(join(options.data, DB_FILE), join(dataDir, DB_FILE));
    mkdirSync(join(dataDir, 'media'));
    return { dataDir, isTemporary: true };
  }
  const kept = options.isReuse ? join(tmpdir(), `katsudo-static-search-${options.count}-s${options.seed}`) : undefined;
  if (kept && existsSync(join(kept, DB_FILE))) return { dataDir: kept, isTemporary: false };
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'katsudo-static-search-'));
  console.log(`building ${options.count} reports in ${dataDir} …`);
  await buildSite({ count: options.count, out: dataDir, seed: options.seed });
  return { dataDir, isTemporary: kept === undefined };
}

function filesUnder(dir: string): { name: string; bytes: number }[] {
  return readdirSync(dir).map((name) => ({ name, bytes: statSync(join(dir, name)).size }));
}

/** A self-signed certificate for 127.0.0.1 (openssl) and its SPKI hash, which Chromium is told to trust (--ignore-certificate-errors-spki-list), so its HTTP cache works as for a real certificate. */
function selfSignedCertificate(dir: string): { key: Buffer; cert: Buffer; spki: string } {
  const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(certFile);
  const spki = createHash('sha256')
    .update(new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  return { key: readFileSync(keyFile), cert, spki };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  const options = parseOptions();
  const { dataDir, isTemporary } = await prepareSite(options);
  const outDir = mkdtempSync(join(tmpdir(), 'katsudo-static-out-'));
  const db = await openDatabase({ file: join(dataDir, DB_FILE) });
  const ctx = { db, dataDir, now: () => new Date(), work: inlinePool(db) };
  const deps = { ctx, baseUrl: 'https://www.example.jp', assets: loadAssets() };
  try {
    console.log(
      `load average at start: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
    await searchScript(); // bundled once, not part of the index time
    const indexRuns: number[] = [];
    let peakRss = 0;
    const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const cpu: number[] = [];
    for (let i = 0; i < options.indexRuns; i++) {
      const started = performance.now();
      const startedCpu = process.cpuUsage();
      // As `katsudo build` does: postings and shards on the work pool's threads (build-index-files.ts).
      await writeSearchIndex(deps, outDir, { threads: {} });
      indexRuns.push(performance.now() - started);
      const used = process.cpuUsage(startedCpu);
      cpu.push((used.user + used.system) / 1000);
    }
    clearInterval(sample);
    const files = filesUnder(join(outDir, 'search-index'));
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    // Incremental: one report edited (title and text, straight in the copy's database), then
    // writeSearchIndex with its id; three reports in turn, so the delta holds 1, 2, 3 reports.
    const incremental: { ms: number; cpu: number; written: string[] }[] = [];
    for (const id of [101, 4_002, 9_003]) {
      await db
        .updateTable('reports')
        .set({ title: sql`title || '（追記）'`, body_text: sql`body_text || ' 追記: 港湾の視察を行った。'` })
        .where('id', '=', id)
        .execute();
      const started = performance.now();
      const startedCpu = process.cpuUsage();
      const result = await writeSearchIndex(deps, outDir, { changedIds: { reports: [id] } });
      const used = process.cpuUsage(startedCpu);
      incremental.push({ ms: performance.now() - started, cpu: (used.user + used.system) / 1000, written: result.written });
    }
    // The index as the full build wrote it (measured above, before the incremental builds); after them, the delta and the files kept one build more besides.
    const filesAfter = filesUnder(join(outDir, 'search-index'));
    const afterIncremental = filesAfter.reduce((sum, f) => sum + f.bytes, 0);
    const script = readFileSync(join(outDir, 'assets', 'static-search.js'));
    const docs = files.find((f) => f.name === 'docs.dat')!.bytes;
    const shards = files.filter((f) => /^[bs]/.test(f.name));
    const texts = files.filter((f) => f.name.startsWith('x'));
    const names = files.filter((f) => /^n/.test(f.name));
    const dictionary = files.filter((f) => /^t/.test(f.name));
    console.log(
      `\nindex: ${indexRuns.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')} (median ${(median(indexRuns) / 1000).toFixed(2)} s; target ≤ ${TARGETS.indexMs / 1000} s); CPU time of all threads ${cpu.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
    );
    console.log(
      `size: ${(total / 1e6).toFixed(1)} MB (${(total / 2 ** 20).toFixed(1)} MiB) in ${files.length} files (target ≤ 30 MB): doc table ${kb(docs)}, ${shards.length} token shards ${(shards.reduce((s, f) => s + f.bytes, 0) / 2 ** 20).toFixed(1)} MiB (largest ${kb(Math.max(...shards.map((f) => f.bytes)))}), ${texts.length} text files ${(texts.reduce((s, f) => s + f.bytes, 0) / 2 ** 20).toFixed(1)} MiB, names file ${kb(names.reduce((s, f) => s + f.bytes, 0))}, text files' dictionary ${kb(dictionary.reduce((s, f) => s + f.bytes, 0))}`,
    );
    const deltas = filesAfter.filter((f) => /^d\d/.test(f.name)).sort((a, b) => Number(a.name.slice(1, -4)) - Number(b.name.slice(1, -4)));
    const deltaBytes = deltas.at(-1)?.bytes ?? 0;
    console.log(
      `incremental after one edited report (delta of 1, 2, 3 reports): ${incremental.map((r) => `${r.ms.toFixed(0)} ms wall / ${r.cpu.toFixed(0)} ms CPU, ${r.written.length} files`).join('; ')} (median ${median(incremental.map((r) => r.ms)).toFixed(0)} ms; search part target ≤ 200 ms); delta file ${kb(deltaBytes)}; the folder then ${(afterIncremental / 2 ** 20).toFixed(1)} MB with the files kept one build more`,
    );
    console.log(`script: ${script.length} bytes, ${gzipSync(script, { level: 9 }).length} gzip (target ≤ 15 KB)`);

    console.log('\nexact hit counts (static index vs the server):');
    const index = await openIndexDir(join(outDir, 'search-index'));
    for (const q of RARE) {
      const found = await runStaticSearch(index, { q, kind: 'report', page: 1 });
      const server = await searchReports(db, { q, filter: {}, page: 1, perPage: 20 });
      const staticTotal = found.kind === 'found' ? found.results!.total : -1;
      const sameOrder = found.kind === 'found' && found.results!.items.map((i) => i.id).join() === server.items.map((i) => i.report.id).join();
      console.log(
        `  ${q}: static ${staticTotal}, server ${server.total}${staticTotal === server.total ? '' : '  MISMATCH'}; first page ${sameOrder ? 'same order' : 'DIFFERENT ORDER'}`,
      );
    }

    // The evaluator's own cost, apart from the browser and this machine's load: CPU time of one
    // search in Node over the files (cold: files read and gunzipped; warm: shards already parsed).
    console.log('\nNode, CPU time of runStaticSearch (median of runs): cold (index opened anew) / warm (same index object)');
    for (const q of QUERIES) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let run = 0; run < options.runs; run++) {
        const cpuOf = async (work: () => Promise<unknown>) => {
          const started = process.cpuUsage();
          await work();
          const used = process.cpuUsage(started);
          return (used.user + used.system) / 1000;
        };
        let opened = index;
        cold.push(await cpuOf(async () => runStaticSearch((opened = await openIndexDir(join(outDir, 'search-index'))), { q, page: 1 })));
        warm.push(await cpuOf(() => runStaticSearch(opened, { q, page: 1 })));
      }
      console.log(`  ${q}: ${median(cold).toFixed(1)} / ${median(warm).toFixed(1)} ms`);
    }

    // As katsudo build writes it: carrying the head of the index beside it (exporter/search/read-search-head.ts).
    const page = await renderPublicPath(deps, '/search', { staticSearch: true, staticIndexHead: await readSearchHead(join(outDir, 'search-index')) });
    mkdirSync(join(outDir, 'search'), { recursive: true });
    writeFileSync(join(outDir, 'search', 'index.html'), page.kind === 'page' ? page.body : '');
    for (const asset of [deps.assets.css, deps.assets.icon]) writeFileSync(join(outDir, asset.path), asset.body);
    const tls = options.isHttp2 ? selfSignedCertificate(mkdtempSync(join(tmpdir(), 'katsudo-static-tls-'))) : undefined;
    const server = await serveFolder(outDir, tls);
    const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await launchChromium(tls ? [`--ignore-certificate-errors-spki-list=${tls.spki}`] : []);
    console.log(
      `\nChromium over ${tls ? 'HTTP/2' : 'HTTP/1.1'}, script start → results shown (median of ${options.runs}), bytes of search-index fetched; load ${loadavg()[0]!.toFixed(1)}:`,
    );
    console.log(
      '| query | results | cold listed ms | cold complete ms | cold from navigation start ms (complete) | cold: doc table / listed / snippets in ms | cold bytes in files | warm ms (same query; runs showing the kept outcome) | warm from navigation start: to the module / module to search start / search to shown ms | warm ms, storage cleared (files in rounds, searched) | second query ms (doc table cached) | in place: this query after the second / again ms |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    try {
      for (const q of QUERIES) {
        const cold: number[] = [];
        const coldListed: number[] = [];
        const warm: number[] = [];
        const warmInRounds: number[] = [];
        const second: number[] = [];
        const inPlace: number[] = [];
        const inPlaceOther: number[] = [];
        let bytes = 0;
        let fileCount = 0;
        let warmTransferred = 0;
        let warmKept = 0;
        const phases: number[][] = [];
        const warmSplits: number[][] = [];
        let results = '';
        for (let run = 0; run < options.runs; run++) {
          const context = await browser.newContext({ locale: 'ja-JP' });
          const tab = await context.newPage();
          const measure = async (query: string, isInPlace = false) => {
            if (isInPlace) {
              // A search sent from the page's form: run in place with the session's index (client/static-search.ts).
              const form = tab.getByRole('search', { name: '検索条件' });
              await form.getByRole('searchbox', { name: '検索語' }).fill(query);
              await form.getByRole('button', { name: '検索' }).click();
            } else await tab.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
            await tab.waitForSelector('section.search-page[data-static-search="done"]');
            return tab.evaluate(() => {
              const duration = performance.getEntriesByName('static-search')[0]?.duration ?? NaN;
              // Inline callbacks only: a named function here would need tsx's __name helper in the page.
              // listed: the list shown (its snippets still loading); found: complete.
              const [start, table, listed, found, module] = [
                'static-search-start',
                'static-search-table',
                'static-search-listed',
                'static-search-found',
                'static-search-module',
              ].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN);
              const entries = performance.getEntriesByType('resource').filter((e) => e.name.includes('/search-index/')) as PerformanceResourceTiming[];
              const files = entries.length;
              // 0 for a file the HTTP cache answered without asking the server.
              const transferred = entries.reduce((sum, e) => sum + e.transferSize, 0);
              const fetched = performance
                .getEntriesByType('resource')
                .filter((e) => e.name.includes('/search-index/'))
                .reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0);
              return {
                duration,
                fetched,
                files,
                transferred,
                isKept: performance.getEntriesByName('static-search-stored').length > 0,
                table: table! - start!,
                // Nothing to list (no result, a refusal): the outcome is shown complete at once.
                listed: Number.isNaN(listed!) ? duration : listed! - start!,
                found: found! - start!,
                // From the navigation's start: the page's HTML read and parsed and the module fetched, then the module's top (kept outcome read from storage) before the search's start.
                split: [module!, start! - module!, duration],
                status: document.querySelector('[role=status]')?.textContent ?? '',
              };
            });
          };
          const first = await measure(q);
          cold.push(first.duration);
          coldListed.push(first.listed);
          phases.push([first.table, first.listed - first.table, first.duration - first.listed, first.split[0]! + first.split[1]! + first.duration]);
          fileCount = first.files;
          bytes = first.fetched;
          results = first.status.replace(/^.*: /, '');
          // The same reload with its kept outcome and with the page's storage cleared (no kept outcome, no list of files to fetch
          // ahead: the files in three rounds, then searched), in turns first and second, as each load warms the browser's caches further.
          const inRounds = async () => {
            await tab.evaluate(() => localStorage.clear());
            warmInRounds.push((await measure(q)).duration);
          };
          if (run % 2 === 1) await inRounds();
          const again = await measure(q);
          warm.push(again.duration);
          warmSplits.push(again.split);
          if (again.isKept) warmKept++;
          warmTransferred = again.transferred;
          if (run % 2 === 0) await inRounds();
          second.push((await measure(q === '外交' ? '中国' : '外交')).duration);
          // On the page of the second query: this query sent from the form (its files in the HTTP cache, the doc table parsed), then again (all parsed).
          inPlaceOther.push((await measure(q, true)).duration);
          inPlace.push((await measure(q, true)).duration);
          await context.close();
        }
        const phase = (i: number) => median(phases.map((p) => p[i]!)).toFixed(0);
        const warmSplit = (i: number) => median(warmSplits.map((p) => p[i]!)).toFixed(1);
        console.log(
          `| \`${q}\` | ${results} | ${median(coldListed).toFixed(1)} | ${median(cold).toFixed(1)} | ${phase(3)} | ${phase(0)} / ${phase(1)} / ${phase(2)} | ${kb(bytes)} in ${fileCount} | ${median(warm).toFixed(1)} (${warmKept}/${options.runs} kept; ${kb(warmTransferred)} over the network) | ${warmSplit(0)} / ${warmSplit(1)} / ${warmSplit(2)} | ${median(warmInRounds).toFixed(1)} | ${median(second).toFixed(1)} | ${median(inPlaceOther).toFixed(1)} / ${median(inPlace).toFixed(1)} |`,
        );
      }
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
    console.log(
      `\nload average at end: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await db.destroy();
    rmSync(outDir, { recursive: true, force: true });
    if (isTemporary) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
