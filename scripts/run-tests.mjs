// Runs every test file under test/ with Node's test runner, TypeScript through tsx.
// Node 20's --test does not expand globs, so the files are listed here.
// Usage: node scripts/run-tests.mjs [path-filter...] [--exclude path-filter]... [--postgres | --no-postgres]
//
// Issue 15 item 7: the store, actions and web suites run a second time on PostgreSQL
// (KATSUDO_TEST_DATABASE=postgres, test/support/db.ts) against one private cluster started here
// (test/support/postgres.ts), minus the suites listed in scripts/postgres-exclusions.mjs with
// their reasons. That pass runs by default on a whole run (no path filter) and with
// --postgres; --no-postgres or KATSUDO_TEST_POSTGRES=0 leaves it out (.ci/run's Node 24 pass:
// the database is what it tests, not the runtime). Without PostgreSQL it prints that the
// PostgreSQL part was not run; under CI=true that is a failure.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { tsImport } from 'tsx/esm/api';
import { POSTGRES_EXCLUDED } from './postgres-exclusions.mjs';

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (/\.test\.tsx?$/.test(name)) found.push(path);
  }
  return found;
}

// A test that waits forever (a promise never settled) fails after this long instead of
// holding CI until its own limit; the slowest browser journey takes well under a minute.
const TEST_TIMEOUT_MS = 10 * 60_000;

/** Prints the slowest files after each pass (scripts/slowest-files-reporter.mjs). */
const SLOWEST_FILES_REPORTER = new URL('./slowest-files-reporter.mjs', import.meta.url).href;

/** The suites the PostgreSQL pass runs again: everything that reads or writes through the store. */
const POSTGRES_DIRS = ['test/store/', 'test/actions/', 'test/web/'];

const filters = [];
const excluded = [];
let postgresChoice;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--exclude') excluded.push(args[++i] ?? '');
  else if (args[i] === '--postgres') postgresChoice = true;
  else if (args[i] === '--no-postgres') postgresChoice = false;
  else filters.push(args[i]);
}
const files = findTests('test')
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .filter((f) => !excluded.some((x) => x !== '' && f.includes(x)));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

function runFiles(list, env) {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${SLOWEST_FILES_REPORTER}`,
      '--test-reporter-destination=stdout',
      `--test-timeout=${TEST_TIMEOUT_MS}`,
      ...list,
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  );
  return result.status ?? 1;
}

// A renamed or deleted suite must leave the list too, or the list would rot unseen.
const stale = POSTGRES_EXCLUDED.filter((e) => !existsSync(e.file));
if (stale.length > 0) {
  console.error(`scripts/postgres-exclusions.mjs names suites that do not exist: ${stale.map((e) => e.file).join(', ')}`);
  process.exit(1);
}

const started = Date.now();
let status = runFiles(files, {});

const isPostgresWanted = postgresChoice ?? (filters.length === 0 && process.env.KATSUDO_TEST_POSTGRES !== '0');
const postgresFiles = files.filter((f) => POSTGRES_DIRS.some((dir) => f.startsWith(dir)) && !POSTGRES_EXCLUDED.some((e) => f === e.file));
if (isPostgresWanted && postgresFiles.length > 0 && process.env.KATSUDO_TEST_DATABASE !== 'postgres') {
  status = Math.max(status, await runOnPostgres(postgresFiles));
}
console.log(`# run-tests: ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(status);

async function runOnPostgres(list) {
  const support = await tsImport('../test/support/postgres.ts', import.meta.url);
  let reason;
  try {
    reason = support.postgresMissingReason();
  } catch (error) {
    console.error(`# PostgreSQL pass FAILED: ${error.message}`);
    return 1;
  }
  if (reason !== undefined) {
    console.log(`# PostgreSQL pass NOT RUN (${list.length} suites): ${reason}`);
    return 0;
  }
  // One cluster for every suite (each would otherwise start its own); stopped when this process exits.
  const server = await support.postgresServer();
  console.log(
    `# PostgreSQL pass: ${list.length} suites of ${POSTGRES_DIRS.join(', ')} again with KATSUDO_TEST_DATABASE=postgres (${POSTGRES_EXCLUDED.length} left out: scripts/postgres-exclusions.mjs)`,
  );
  return runFiles(list, { KATSUDO_TEST_DATABASE: 'postgres', TEST_POSTGRES_URL: server.urlFor('postgres') });
}
