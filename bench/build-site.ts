// Builds a data directory holding a large generated site, fast, for the benchmarks:
// the demo profile and categories, then `count` corpus reports written oldest first in
// batched transactions through the same createReportIn the admin and importers use.
//
//   node --import tsx bench/build-site.ts --count 10000 --out /tmp/katsudo-10k [--seed 1] [--batch 500]
//     [--min-chars 800 --max-chars 2000] [--database-url postgres://…]   (an empty PostgreSQL database instead of katsudo.db)
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createReportIn } from '../src/actions/reports/create-report.js';
import { DEMO_CATEGORIES, DEMO_SETTINGS } from '../src/demo/demo-content.js';
import { checkDraft, type CheckedDraft } from '../src/domain/report-rules.js';
import { upsertCategory } from '../src/store/categories.js';
import { openDatabase } from '../src/store/database.js';
import { saveSettings } from '../src/store/settings.js';
import { generateReports } from './corpus.js';

/** The file name `katsudo serve` opens inside its data directory (src/cli/open-site.ts). */
export const DB_FILE = 'katsudo.db';

export interface BuildSiteOptions {
  count: number;
  /** The data directory; must not hold a database yet. */
  out: string;
  seed?: number;
  /** Body length range of the generated reports (bench/corpus.ts defaults: 800–2,000). */
  minChars?: number;
  maxChars?: number;
  /** Reports per transaction. */
  batchSize?: number;
  /** Write into this empty PostgreSQL database (KATSUDO_DATABASE_URL) instead of the data directory's katsudo.db. */
  databaseUrl?: string;
  log?: (line: string) => void;
}

export interface BuildSiteResult {
  count: number;
  dataDir: string;
  generateMs: number;
  writeMs: number;
  reportsPerSecond: number;
}

export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const { count, seed = 1, minChars, maxChars, batchSize = 500, log = () => {} } = options;
  const dataDir = resolve(options.out);
  const file = join(dataDir, DB_FILE);
  if (options.databaseUrl === undefined && existsSync(file)) throw new Error(`${file} already exists; choose an empty --out directory`);

  const generateStart = performance.now();
  // Oldest first, as a real site grows, so ids follow activity dates (as seed-demo does).
  const drafts: CheckedDraft[] = [...generateReports(count, { seed, minChars, maxChars })]
    .sort((a, b) => a.activityDate.localeCompare(b.activityDate))
    .map((report) => checkDraft(report));
  const generateMs = performance.now() - generateStart;

  const db = await openDatabase(options.databaseUrl === undefined ? { file } : { postgres: { url: options.databaseUrl, poolSize: 2 } });
  // Where uploads live; the server expects the folder even when the site has none.
  mkdirSync(join(dataDir, 'media'), { recursive: true });
  const writeStart = performance.now();
  try {
    const nowIso = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      await saveSettings(trx, DEMO_SETTINGS);
      for (const [position, c] of DEMO_CATEGORIES.entries()) await upsertCategory(trx, { ...c, position });
    });
    for (let start = 0; start < drafts.length; start += batchSize) {
      const batch = drafts.slice(start, start + batchSize);
      await db.transaction().execute(async (trx) => {
        for (const draft of batch) await createReportIn(trx, draft, { status: 'published' }, nowIso);
      });
      const done = start + batch.length;
      if (done % (batchSize * 4) === 0 || done === drafts.length) {
        log(`  ${done} / ${drafts.length} reports, ${rate(done, performance.now() - writeStart)} reports/s`);
      }
    }
  } finally {
    // Closing the last connection checkpoints the WAL into the main file.
    await db.destroy();
  }
  const writeMs = performance.now() - writeStart;
  return { count, dataDir, generateMs, writeMs, reportsPerSecond: rate(count, writeMs) };
}

function rate(n: number, ms: number): number {
  return Math.round((n / ms) * 1000);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      batch: { type: 'string', default: '500' },
      'min-chars': { type: 'string' },
      'max-chars': { type: 'string' },
      'database-url': { type: 'string' },
    },
    strict: true,
  });
  if (!values.out) {
    throw new Error('usage: node --import tsx bench/build-site.ts [--count 10000] --out DIR [--seed 1] [--batch 500] [--min-chars 800] [--max-chars 2000]');
  }
  const count = Number(values.count);
  const result = await buildSite({
    count,
    out: values.out,
    seed: Number(values.seed),
    minChars: values['min-chars'] === undefined ? undefined : Number(values['min-chars']),
    maxChars: values['max-chars'] === undefined ? undefined : Number(values['max-chars']),
    batchSize: Number(values.batch),
    ...(values['database-url'] === undefined ? {} : { databaseUrl: values['database-url'] }),
    log: (line) => console.log(line),
  });
  console.log(
    `built ${result.count} reports in ${result.dataDir}: generated in ${(result.generateMs / 1000).toFixed(1)} s, ` +
      `written in ${(result.writeMs / 1000).toFixed(1)} s (${result.reportsPerSecond} reports/s)`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
