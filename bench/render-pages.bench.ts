// The pages side of the static build alone (docs/performance.md "Static build"): every public
// path of a built site (bench/build-site.ts) rendered and written into a temp folder, either
// on this thread (--threads 0) or on page threads as `katsudo build` does
// (exporter/page-threads.ts), without the search index that a build writes beside them.
// Run each mode in its own process: the peak RSS printed is the process's.
//
//   node --import tsx bench/render-pages.bench.ts --data DIR [--threads N] [--out /dev/shm]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inlinePool } from '../src/actions/runtime/work-pool.js';
import { renderOnThreads } from '../src/exporter/page-threads.js';
import { renderPageFile } from '../src/exporter/render-page-file.js';
import { writeStagedFile } from '../src/exporter/staged-output.js';
import { atOneContentVersion } from '../src/site/content-memo.js';
import { listPublicPaths } from '../src/site/list-public-paths.js';
import { openDatabase } from '../src/store/database.js';
import { loadAssets } from '../src/web/assets.js';
import { DB_FILE } from './build-site.js';

/** The page threads' chunk (exporter/page-threads.ts). */
const CHUNK_PATHS = 200;

const { values } = parseArgs({ options: { data: { type: 'string' }, threads: { type: 'string' }, out: { type: 'string', default: '/dev/shm' } } });
if (!values.data) throw new Error('--data DIR (a site built by bench/build-site.ts) is required');

const database = { file: join(values.data, DB_FILE) };
const db = await openDatabase(database);
const { css, icon } = loadAssets();
const deps = { ctx: { db, dataDir: values.data, now: () => new Date(), work: inlinePool(db) }, baseUrl: 'https://www.example.jp', assets: { css, icon } };
const list = await listPublicPaths(deps);
const dir = mkdtempSync(join(values.out, 'katsudo-pages-bench-'));
const started = performance.now();
const cpu = process.cpuUsage();
let threads = 0;
try {
  if (values.threads === '0') {
    // In chunks at one content version each, as a page thread renders them (page-render-tasks.ts).
    for (let at = 0; at < list.length; at += CHUNK_PATHS) {
      await atOneContentVersion(db, async () => {
        for (const path of list.slice(at, at + CHUNK_PATHS)) {
          const page = await renderPageFile(deps, path);
          if (page?.bytes !== undefined) writeStagedFile(dir, page.file, page.bytes);
        }
      });
    }
  } else {
    const { ctx, ...plain } = deps;
    const site = { ...plain, dataDir: ctx.dataDir, nowMs: ctx.now().getTime() };
    const size = values.threads === undefined ? {} : { size: Number(values.threads) };
    threads = await renderOnThreads({ site, stagingDir: dir, paths: list, previousHash: () => undefined }, { database, ...size }, () => {});
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const used = process.cpuUsage(cpu);
console.log(
  `${list.length} paths on ${threads === 0 ? 'the main thread' : `${threads} page threads`}: ${((performance.now() - started) / 1000).toFixed(2)} s wall, ` +
    `${((used.user + used.system) / 1e6).toFixed(2)} s CPU (every thread); peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; ` +
    `load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
await db.destroy();
