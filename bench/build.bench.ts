// The static build figures of docs/performance.md ("Static build"): `katsudo build` of a built
// site (bench/build-site.ts) into a new folder on tmpfs and on disk, then an incremental build
// after one report's title is edited; each timed by phase (build-site.ts BuildResult.timings),
// with the process's peak RSS (getrusage maxRSS) at the end.
//
//   node --import tsx bench/build-site.ts --count 10000 --out DIR
//   node --import tsx bench/build.bench.ts --data DIR [--runs 3] [--full-runs 3] [--shm /dev/shm] [--disk /var/tmp] [--threads N]
// (--full-runs 0: only the incremental figure, after one full build on disk. --threads: page
// threads as `katsudo build` starts them by default; 0 renders every page on the main thread.
// --cli: the incremental runs, and the build before them, run the installed command as a new
// process each (`node scripts/build.mjs` first), so their times include its start, as an
// office running `katsudo build` after an edit waits for it.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addUser } from '../src/actions/users/add-user.js';
import { saveReport } from '../src/actions/reports/save-report.js';
import { inlinePool } from '../src/actions/runtime/work-pool.js';
import { buildSite, type BuildResult } from '../src/exporter/build-site.js';
import { openDatabase } from '../src/store/database.js';
import { getEditableReport, listReportsForAdmin } from '../src/store/reports.js';
import { loadAssets } from '../src/web/assets.js';
import { DB_FILE } from './build-site.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'full-runs': { type: 'string' },
    shm: { type: 'string', default: '/dev/shm' },
    disk: { type: 'string', default: '/var/tmp' },
    threads: { type: 'string' },
    cli: { type: 'boolean', default: false },
  },
});
if (!values.data) throw new Error('--data DIR (a site built by bench/build-site.ts) is required');

const db = await openDatabase({ file: join(values.data, DB_FILE) });
const ctx = { db, dataDir: values.data, now: () => new Date(), work: inlinePool(db) };
const { css, icon } = loadAssets();
const deps = { ctx, baseUrl: 'https://www.example.jp', assets: { css, icon } };
const runs = Number(values.runs);
const threads =
  values.threads === '0' ? undefined : { database: { file: join(values.data, DB_FILE) }, ...(values.threads === undefined ? {} : { size: Number(values.threads) }) };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (label: string, results: Array<{ ms: number; cpuMs: number; result: BuildResult }>) => {
  if (results.length === 0) return;
  const ms = median(results.map((r) => r.ms));
  const cpuMs = median(results.map((r) => r.cpuMs));
  const last = results[results.length - 1]!.result;
  console.log(
    `${label}: median ${(ms / 1000).toFixed(2)} s of ${results.map((r) => (r.ms / 1000).toFixed(2)).join(', ')}; ` +
      `CPU (process.cpuUsage: every thread) median ${(cpuMs / 1000).toFixed(2)} s of ${results.map((r) => (r.cpuMs / 1000).toFixed(2)).join(', ')}; ` +
      `${last.files} files, ${last.rendered} pages rendered, ${last.written.length} written; phases ${JSON.stringify(last.timings)}; load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
};
const timed = async (outDir: string) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await buildSite(deps, { outDir, threads });
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, result };
};
/** `katsudo build` as a new process (--cli), as `npm start` runs the command; its last line says what it wrote. */
const timedCommand = (outDir: string) => {
  const started = performance.now();
  const bin = fileURLToPath(new URL('../bin/katsudo.js', import.meta.url));
  const run = spawnSync(process.execPath, ['--max-semi-space-size=4', bin, 'build', '--data', values.data!, '--out', outDir, '--base-url', deps.baseUrl], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`katsudo build exited with ${run.status}: ${run.stderr}`);
  return { ms: performance.now() - started, said: run.stdout.trim().split('\n').at(-1)!.trim() };
};
const commandLine = (label: string, results: Array<{ ms: number; said: string }>) =>
  console.log(
    `${label}: median ${(median(results.map((r) => r.ms)) / 1000).toFixed(2)} s of ${results.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} ` +
      `(wall, the process's start included); last: ${results[results.length - 1]!.said}; load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );

console.log(`RSS before ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
for (const [label, root] of [
  ['full build to tmpfs', values.shm],
  ['full build to disk', values.disk],
] as const) {
  const results = [];
  for (let i = 0; i < Number(values['full-runs'] ?? runs); i++) {
    const dir = mkdtempSync(join(root, 'katsudo-build-bench-'));
    try {
      results.push(await timed(join(dir, 'site')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (results.length > 0) line(label, results);
}

// Incremental: one report's title edited between builds of the same folder (on disk).
const dir = mkdtempSync(join(values.disk, 'katsudo-build-bench-'));
try {
  const out = join(dir, 'site');
  if (values.cli) commandLine('the first build of the incremental runs, katsudo build (disk)', [timedCommand(out)]);
  else line('the first build of the incremental runs (disk)', [await timed(out)]);
  const user = await addUser(ctx, { login: `bench-${process.pid}`, displayName: '', role: 'owner', password: 'しずかな湖畔の森の影から' });
  const editor = { userId: user.id, login: user.login, role: 'owner' as const };
  const [item] = (await listReportsForAdmin(db, { status: 'published' }, { offset: 0, limit: 1 })).items;
  const results = [];
  const commandResults = [];
  for (let i = 0; i < runs; i++) {
    const r = await getEditableReport(db, item!.id);
    await saveReport(ctx, editor, {
      reportId: r.id,
      expectedVersion: r.version,
      title: `${r.title.replace(/(改\d+)?$/, '')}改${i}`,
      activityDate: r.activityDate,
      categoryId: r.category?.id ?? null,
      tags: r.tags,
      slug: r.slug,
      summary: r.summary,
      bodySource: r.bodySource,
    });
    if (values.cli) commandResults.push(timedCommand(out));
    else results.push(await timed(out));
  }
  line('incremental build after one edited report (disk)', results);
  if (values.cli) commandLine('incremental build after one edited report, katsudo build (disk)', commandResults);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`process peak RSS (maxRSS) ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
await db.destroy();
