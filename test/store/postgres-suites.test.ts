// The store suites that pass on PostgreSQL, run again there (issue 15 item 7): each file in a
// child test run with KATSUDO_TEST_DATABASE=postgres, so `npm test` covers both databases for
// them. A suite joins this list once it passes on PostgreSQL reliably; docs/ARCHITECTURE.md
// ("Database") says which ones do not yet and why.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { skipUnlessPostgres } from '../support/postgres.js';

const ROOT = new URL('../../', import.meta.url).pathname;

const SUITES = [
  'test/store/redirects.test.ts',
  'test/store/report-editing.test.ts',
  'test/store/revisions.test.ts',
  'test/store/webauthn-challenges.test.ts',
  'test/store/activity-records.test.ts',
  'test/store/search.test.ts',
  // The ground-truth search tests (every query's reports found by brute force).
  'test/actions/search-reports.test.ts',
];

const skip = skipUnlessPostgres();

for (const suite of SUITES) {
  test(`${suite} passes on PostgreSQL`, { skip }, () => {
    const run = spawnSync(process.execPath, ['scripts/run-tests.mjs', suite], {
      cwd: ROOT,
      encoding: 'utf8',
      // Without NODE_TEST_CONTEXT: the child run reports on its own instead of to this runner.
      env: { ...process.env, NODE_TEST_CONTEXT: undefined, KATSUDO_TEST_DATABASE: 'postgres' },
      timeout: 300_000,
    });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /ℹ pass [1-9]/);
  });
}
