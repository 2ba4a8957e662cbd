// Issue 13 item 3: below KATSUDO_MIN_FREE_MB of free space on the data directory's disk the
// admin dashboard warns owners and editors, and /readyz reports `disk: 'low'` while staying
// ready (a site that can still write stays in rotation); a disk whose space cannot be read
// (or is really full) fails the check. The threshold is made larger than any real disk.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { checkReadiness } from '../../src/actions/runtime/check-readiness.js';
import { freeSpaceMonitor } from '../../src/actions/runtime/free-space.js';
import { addTestUser, logIn } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';

const WARNING = /保存先のディスクの空きが少なくなっています/;
let low: TestApp;
let normal: TestApp;

before(async () => {
  const seed = async (site: TestApp['site']) => {
    for (const role of ['owner', 'editor', 'writer'] as const) await addTestUser(site, { login: role, role });
  };
  [low, normal] = await Promise.all([createTestApp({ seed, minFreeBytes: Number.MAX_SAFE_INTEGER }), createTestApp({ seed, minFreeBytes: 1 })]);
});
after(async () => Promise.all([low.close(), normal.close()]));

test('below the threshold the owner and an editor see the warning on the dashboard, a writer does not', async () => {
  for (const login of ['owner', 'editor']) {
    const body = (await (await logIn(low.app, login)).get('/admin/')).body;
    assert.match(body, WARNING, login);
    assert.match(body, /空きは約\d+ MBです/);
  }
  assert.doesNotMatch((await (await logIn(low.app, 'writer')).get('/admin/')).body, WARNING);
});

test('with space enough nobody sees the warning', async () => {
  for (const login of ['owner', 'editor']) assert.doesNotMatch((await (await logIn(normal.app, login)).get('/admin/')).body, WARNING);
});

test('/readyz reports low space as a warning and stays ready; with space enough the disk is ok', async () => {
  const answers = await Promise.all([low, normal].map((t) => t.app.inject({ method: 'GET', url: '/readyz' })));
  assert.equal(answers[0]!.statusCode, 200);
  assert.equal(answers[0]!.json().status, 'ready');
  assert.equal(answers[0]!.json().checks.disk, 'low');
  assert.equal(answers[1]!.statusCode, 200);
  assert.equal(answers[1]!.json().checks.disk, 'ok');
});

test('a disk whose free space cannot be read fails the readiness check', async () => {
  const readiness = await checkReadiness(normal.site, { freeSpace: freeSpaceMonitor(join(normal.site.dataDir, 'missing'), 0) });
  assert.equal(readiness.isReady, false);
  assert.equal(readiness.checks.disk, 'failed');
  assert.equal(readiness.problems[0]?.check, 'disk');
});

test('free space is read once for many checks (a cached answer, not a statfs per request)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-space-'));
  const monitor = freeSpaceMonitor(dir, 1);
  const first = await monitor.check();
  assert.equal(first.isLow, false);
  rmSync(dir, { recursive: true });
  // Read again now, the directory gone: still the cached answer.
  const again = await Promise.all(Array.from({ length: 20 }, () => monitor.check()));
  for (const answer of again) assert.equal(answer, first);
});
