// The export figure of docs/performance.md ("Export"): `katsudo export` of a built site
// (bench/build-site.ts), timed, with the process's RSS before it and its peak (getrusage
// maxRSS) after, beside the size of what was written. The export reads and writes in batches,
// so it also runs with V8's heap capped far below the size of its output (the second command).
// (RSS is not sampled on a timer: better-sqlite3 answers synchronously, so the export's awaits
// never give timers a turn.)
//
//   node --import tsx bench/build-site.ts --count 10000 --out DIR
//   node --import tsx bench/export.bench.ts --data DIR --out EMPTY_DIR [--batch 500]
//   node --max-old-space-size=48 --import tsx bench/export.bench.ts --data DIR --out EMPTY_DIR
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportSite } from '../src/actions/site/export-site.js';
import { inlinePool } from '../src/actions/runtime/work-pool.js';
import { openDatabase } from '../src/store/database.js';
import { DB_FILE } from './build-site.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, batch: { type: 'string', default: '500' } } });
if (!values.data || !values.out) throw new Error('--data DIR (a site built by bench/build-site.ts) and --out EMPTY_DIR are required');

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const db = await openDatabase({ file: join(values.data, DB_FILE) });
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const counts = await exportSite(
  { db, dataDir: values.data, now: () => new Date(), work: inlinePool(db) },
  { outDir: values.out, siteUrl: 'https://example.jp', batchSize: Number(values.batch) },
);
const seconds = (performance.now() - started) / 1000;
await db.destroy();

const size = (path: string): number => (statSync(path).isDirectory() ? readdirSync(path).reduce((sum, name) => sum + size(join(path, name)), 0) : statSync(path).size);
console.log(`${counts.reports} reports, ${counts.pages} pages, ${counts.media} files in ${seconds.toFixed(1)} s (${Math.round(counts.reports / seconds)} reports/s)`);
console.log(
  `site.json ${mb(size(join(values.out, 'site.json')))} MB, wordpress.xml ${mb(size(join(values.out, 'wordpress.xml')))} MB, reports/ ${mb(size(join(values.out, 'reports')))} MB`,
);
console.log(`RSS before ${mb(rssBefore)} MB, process peak (maxRSS) ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
