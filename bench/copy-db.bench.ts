// Peak memory of `katsudo copy-db` (issue 15): a site's SQLite file copied to an empty
// PostgreSQL database and back to a new SQLite file, each through the real command in its own
// process, whose peak RSS GNU time reports (/usr/bin/time -f %M). The given data directory is
// never written: its katsudo.db is copied into a temp dir first.
//
//   node --import tsx bench/copy-db.bench.ts --site /var/tmp/katsudo-10k [--runs 3]
// The PostgreSQL server is TEST_POSTGRES_URL's, or a private cluster started for the bench
// (test/support/postgres.ts); each run gets a new database on it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTestPostgresDatabase } from '../test/support/postgres.js';

const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;

interface Run {
  peakMb: number;
  seconds: number;
  rows: string;
}

/** One `katsudo copy-db` under GNU time: its peak RSS, wall time and the rows it says it copied. */
function copyDb(from: string, to: string, dataDir: string): Run {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', process.execPath, '--import', 'tsx', MAIN, 'copy-db', '--from', from, '--to', to, '--data', dataDir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`copy-db ${from} → ${to} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  const peak = /peak-kb (\d+)/.exec(result.stderr);
  const rows = /(\d+個の表、\d+行)をコピーしました/.exec(result.stdout);
  return { peakMb: Number(peak?.[1]) / 1024, seconds, rows: rows?.[1] ?? '?' };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { site: { type: 'string' }, runs: { type: 'string', default: '3' } }, strict: true });
  if (values.site === undefined) throw new Error('--site DIR (a data directory holding katsudo.db) is required');
  const runs = Number(values.runs);
  const work = mkdtempSync(join(tmpdir(), 'katsudo-copy-bench-'));
  try {
    const source = join(work, 'source.db');
    copyFileSync(join(values.site, 'katsudo.db'), source);
    const toPostgres: Run[] = [];
    const back: Run[] = [];
    for (let run = 1; run <= runs; run++) {
      const database = await createTestPostgresDatabase();
      try {
        toPostgres.push(copyDb(`sqlite:${source}`, database.url, work));
        const target = join(work, `back-${run}.db`);
        back.push(copyDb(database.url, `sqlite:${target}`, work));
        rmSync(target, { force: true });
        rmSync(`${target}-wal`, { force: true });
        rmSync(`${target}-shm`, { force: true });
      } finally {
        await database.drop();
      }
      const last = (list: Run[]) => list[list.length - 1]!;
      process.stdout.write(
        `run ${run}: SQLite → PostgreSQL ${last(toPostgres).peakMb.toFixed(0)} MB ${last(toPostgres).seconds.toFixed(1)} s; back ${last(back).peakMb.toFixed(0)} MB ${last(back).seconds.toFixed(1)} s (load ${loadavg()[0]!.toFixed(2)})\n`,
      );
    }
    const summary = (name: string, list: Run[]) =>
      `${name}: ${list[0]!.rows}; peak RSS median ${median(list.map((r) => r.peakMb)).toFixed(0)} MB (max ${Math.max(...list.map((r) => r.peakMb)).toFixed(0)}), wall median ${median(list.map((r) => r.seconds)).toFixed(1)} s`;
    process.stdout.write(`${summary('SQLite → PostgreSQL', toPostgres)}\n${summary('PostgreSQL → SQLite', back)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
