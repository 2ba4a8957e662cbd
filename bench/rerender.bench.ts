// The re-rendering figure of docs/performance.md ("Re-rendering"): every report and page of a
// built site (bench/build-site.ts) is set back to render version 1, then rerenderStale runs as
// `katsudo serve` runs it at start (work threads), while this thread samples its event-loop
// delay (perf_hooks.monitorEventLoopDelay) and requests one report page after another through
// the app (inject), whose page cache every written batch invalidates. With --inline the
// bodies are rendered on this thread, as `katsudo rerender` does. The site is changed only in
// its renderings (the same text renders to the same HTML).
//
//   node --import tsx bench/build-site.ts --count 10000 --out DIR
//   node --import tsx bench/rerender.bench.ts --data DIR [--threads 2] [--inline] [--text-changed] [--batch 25]
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { rerenderStale } from '../src/actions/render/rerender.js';
import { inlinePool, threadPool } from '../src/actions/runtime/work-pool.js';
import { openDatabase } from '../src/store/database.js';
import { buildServer } from '../src/web/server.js';
import { DB_FILE } from './build-site.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    threads: { type: 'string', default: '2' },
    inline: { type: 'boolean', default: false },
    'text-changed': { type: 'boolean', default: false },
    batch: { type: 'string' },
  },
});
if (!values.data) throw new Error('--data DIR is required (a site built by bench/build-site.ts)');
const dataDir = values.data;

const db = await openDatabase({ file: join(dataDir, DB_FILE) });
// --text-changed: as a renderer change that alters every body's text, so every search entry is
// rewritten too (without it only the markup is taken as changed, and the entries stay).
await db
  .updateTable('reports')
  .set(values['text-changed'] ? { render_version: 1, body_text: '' } : { render_version: 1 })
  .execute();
await db.updateTable('pages').set({ render_version: 1 }).execute();
// The reset rewrote every report's row: checkpoint now, or the first batch would pay for it.
await sql`pragma wal_checkpoint(truncate)`.execute(db);
const work = values.inline ? inlinePool(db) : threadPool({ database: { file: join(dataDir, DB_FILE) }, size: Number(values.threads) });
const ctx = { db, dataDir, now: () => new Date(), work };
const app = await buildServer({ ctx, baseUrl: 'http://127.0.0.1', logLevel: 'silent' });
const slugs = (await db.selectFrom('reports').select('slug').where('status', '=', 'published').orderBy('id', 'desc').limit(200).execute()).map((r) => r.slug);

const ms = (ns: number) => ns / 1e6;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const delay = monitorEventLoopDelay({ resolution: 10 });
const latencies: number[] = [];
let isDone = false;
const requests = (async () => {
  for (let i = 0; !isDone; i++) {
    const started = performance.now();
    const response = await app.inject({ url: `/activity/${slugs[i % slugs.length]}/` });
    if (response.statusCode !== 200) throw new Error(`report page answered ${response.statusCode}`);
    latencies.push(performance.now() - started);
    // Leaves the loop a turn, as requests arriving over the network would.
    await new Promise((r) => setImmediate(r));
  }
})();

// Stalls of the loop over half a second, with how far re-rendering had got, to see where they come from.
const stalls: string[] = [];
let done = 0;
let lastTick = performance.now();
const watchdog = setInterval(() => {
  const now = performance.now();
  if (now - lastTick > 500) stalls.push(`${Math.round(now - lastTick)} ms after ${done} items`);
  lastTick = now;
}, 20);
delay.enable();
const started = performance.now();
const result = await rerenderStale(ctx, { onProgress: (p) => (done = p.done), ...(values.batch ? { batchSize: Number(values.batch) } : {}) });
clearInterval(watchdog);
const seconds = (performance.now() - started) / 1000;
delay.disable();
isDone = true;
await requests;
latencies.sort((a, b) => a - b);

console.log(
  `batch: ${values.batch ?? 'default'}; mode: ${values.inline ? 'inline (katsudo rerender)' : `${values.threads} work threads (katsudo serve)`}${values['text-changed'] ? ', every text changed' : ''}`,
);
console.log(
  `re-rendered: ${result.reports} reports, ${result.pages} pages in ${seconds.toFixed(1)} s (${Math.round(result.rerendered / seconds)}/s); failed ${result.failed}`,
);
console.log(`event-loop delay: p50 ${ms(delay.percentile(50)).toFixed(1)} ms, p99 ${ms(delay.percentile(99)).toFixed(1)} ms, max ${ms(delay.max).toFixed(1)} ms`);
console.log(
  `report page during it (${latencies.length} requests, one at a time): p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
);
console.log(`stalls over 0.5 s: ${stalls.length === 0 ? 'none' : stalls.join('; ')}`);
await app.close();
await work.close();
await db.destroy();
