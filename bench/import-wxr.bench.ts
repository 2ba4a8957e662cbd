// The WordPress import benchmark behind the "Import" section of docs/performance.md:
// writes a deterministic WXR export of N posts (bench/corpus.ts bodies rendered as HTML
// headings, paragraphs and lists) to a temp file, imports it into a fresh data directory in
// a child process (the same runner and reader as `katsudo import-wxr`), and reports the
// time, posts per second and the child's peak resident memory (VmHWM from /proc) — at
// several sizes, to show that memory does not grow with the file.
//
//   node --import tsx bench/import-wxr.bench.ts                     # 2,000, 10,000 and 30,000 posts
//   node --import tsx bench/import-wxr.bench.ts --counts 2000       # a quick try
//   node --import tsx bench/import-wxr.bench.ts --threads 2         # search-document workers (default: one per core but the writer's)
//   node --import tsx bench/import-wxr.bench.ts --database-url postgres://user:pw@host/postgres [--pool 10]
//     # into PostgreSQL: a fresh database on that server per size (created and dropped here), a pool of --pool connections
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generateReports } from './corpus.js';

const SITE = 'https://old.example.jp';
const SELF = fileURLToPath(import.meta.url);

/** The body as a WordPress post would hold it: h2 for section headings, p for the rest, a list now and then. */
function bodyHtml(source: string, tags: string[], i: number): string {
  const blocks = source.split(/\n\s*\n/).map((block) => {
    const first = block.split('\n')[0]!;
    if (/^[0-9０-９]{1,2}[ \u3000]\S/.test(first) && block.split('\n').length === 1 && first.length < 40) return `<h2>${escape(first)}</h2>`;
    return `<p>${block.split('\n').map(escape).join('<br>\n')}</p>`;
  });
  if (i % 5 === 0) blocks.push(`<ul>${tags.map((t) => `<li>${escape(t)}</li>`).join('')}</ul>`);
  return blocks.join('\n');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

async function writeExport(file: string, count: number): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>bench</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${SITE}</wp:base_site_url><wp:base_blog_url>${SITE}</wp:base_blog_url>
<wp:author><wp:author_login>office</wp:author_login><wp:author_display_name>${cdata('事務所')}</wp:author_display_name></wp:author>
`);
  let i = 0;
  for (const report of generateReports(count, { seed: 7 })) {
    i++;
    const time = `${String(9 + (i % 9)).padStart(2, '0')}:00:00`;
    await write(`<item><title>${cdata(report.title)}</title><link>${SITE}/report-${i}/</link><guid isPermaLink="false">${SITE}/?p=${i}</guid>
<dc:creator>office</dc:creator><content:encoded>${cdata(bodyHtml(report.bodySource, report.tags, i))}</content:encoded><excerpt:encoded>${cdata(report.summary)}</excerpt:encoded>
<wp:post_id>${i}</wp:post_id><wp:post_date>${report.activityDate} ${time}</wp:post_date><wp:post_date_gmt>${report.activityDate} 00:00:00</wp:post_date_gmt>
<wp:post_name>report-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>
<category domain="category" nicename="${report.categorySlug}">${cdata(report.categorySlug)}</category>${report.tags.map((t) => `<category domain="post_tag" nicename="t">${cdata(t)}</category>`).join('')}
</item>
`);
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
}

/** CPU seconds of this process's main thread (user + system, from /proc; 10 ms ticks). */
function mainThreadCpuSeconds(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After the command name: utime and stime are fields 14 and 15 of stat(5), here 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** In the child: import, then report time and peak memory as one JSON line. */
async function child(file: string, dataDir: string, postgres: { url: string; poolSize: number } | undefined, threads: number | undefined): Promise<void> {
  const { openDatabase } = await import('../src/store/database.js');
  const { runImport } = await import('../src/importers/import-run.js');
  const { wxrImportItems, wxrItemsPerTransaction } = await import('../src/importers/wxr/import-wxr.js');
  const db = await openDatabase(postgres ? { postgres } : { file: join(dataDir, 'katsudo.db') });
  const { inlinePool } = await import('../src/actions/runtime/work-pool.js');
  const ctx = { db, dataDir, now: () => new Date(), work: inlinePool(db) };
  const { workerBuilder } = await import('../src/actions/search/build-search-documents.js');
  const searchDocuments = workerBuilder(threads);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpuSeconds();
  const summary = await runImport(ctx, wxrImportItems(ctx, file, { fileBytes: statSync(file).size }), {
    kind: 'wxr',
    isListingWritten: false,
    itemsPerTransaction: wxrItemsPerTransaction({}),
    searchDocuments,
  });
  await searchDocuments.close();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mainCpuSeconds = mainThreadCpuSeconds() - mainBefore;
  await db.destroy();
  const status = readFileSync('/proc/self/status', 'utf8');
  const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  process.stdout.write(`${JSON.stringify({ created: summary.created, failed: summary.failed.length, seconds, cpuSeconds, mainCpuSeconds, peakRssMb: hwmKb / 1024 })}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      counts: { type: 'string', default: '2000,10000,30000' },
      child: { type: 'string' },
      data: { type: 'string' },
      write: { type: 'string' },
      'database-url': { type: 'string' },
      pool: { type: 'string', default: '10' },
      threads: { type: 'string' },
    },
  });
  const databaseUrl = values['database-url'];
  const poolSize = Number(values.pool);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (values.child !== undefined) return child(values.child, values.data!, databaseUrl === undefined ? undefined : { url: databaseUrl, poolSize }, threads);
  // --write FILE --counts N: only write the export (for profiling the child by hand).
  if (values.write !== undefined) return writeExport(values.write, Number(values.counts));
  const counts = values.counts.split(',').map(Number);
  console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${databaseUrl === undefined ? 'SQLite' : `PostgreSQL, pool ${poolSize}`}`);
  // CPU time (all threads of the child) says more than the wall time on a shared machine.
  // The main thread's CPU per post bounds the rate on an idle machine whose workers keep up.
  console.log('| posts | file | import time | posts/s | CPU time | posts per CPU-second | main thread CPU | per post | peak RSS |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const count of counts) {
    const dir = mkdtempSync(join(tmpdir(), 'katsudo-bench-wxr-'));
    try {
      const file = join(dir, 'export.xml');
      await writeExport(file, count);
      const target =
        databaseUrl === undefined ? [] : ['--database-url', await freshDatabase(databaseUrl, `katsudo_bench_wxr_${count}_${process.pid}`), '--pool', String(poolSize)];
      const threadsArg = threads === undefined ? [] : ['--threads', String(threads)];
      const run = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', file, '--data', join(dir, 'data'), ...target, ...threadsArg], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      if (run.status !== 0) throw new Error(`import of ${count} posts failed:\n${run.stderr}`);
      const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
        created: number;
        failed: number;
        seconds: number;
        cpuSeconds: number;
        mainCpuSeconds: number;
        peakRssMb: number;
      };
      if (result.created !== count || result.failed !== 0) throw new Error(`expected ${count} created, got ${JSON.stringify(result)}`);
      const mb = statSync(file).size / 1024 / 1024;
      console.log(
        `| ${count.toLocaleString('en')} | ${mb.toFixed(1)} MB | ${result.seconds.toFixed(1)} s | ${Math.round(count / result.seconds)} | ${result.cpuSeconds.toFixed(1)} s | ${Math.round(count / result.cpuSeconds)} | ${result.mainCpuSeconds.toFixed(1)} s | ${((result.mainCpuSeconds / count) * 1000).toFixed(2)} ms | ${Math.round(result.peakRssMb)} MB |`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      if (databaseUrl !== undefined) await adminQuery(databaseUrl, `drop database if exists katsudo_bench_wxr_${count}_${process.pid}`);
    }
  }
}

/** Creates an empty database on the server of `serverUrl` and returns its URL. */
async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  await adminQuery(serverUrl, `drop database if exists ${name}`);
  await adminQuery(serverUrl, `create database ${name} template template0 encoding 'UTF8'`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

await main();
