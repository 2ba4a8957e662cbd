// One `katsudo build` per output folder at a time (exporter/build-lock.ts): a second build
// into the same folder is refused with a clear message while the first runs, and a lock
// left by a process that is gone is taken over.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BuildInProgressError } from '../../src/domain/errors.js';
import { buildLockFile, lockBuildFolder } from '../../src/exporter/build-lock.js';
import { buildSite } from '../../src/exporter/build-site.js';
import { readManifest } from '../../src/exporter/build-manifest.js';
import { demoExportFixture, type ExportFixture } from './export-fixture.js';

let fx: ExportFixture;
before(async () => {
  fx = await demoExportFixture();
});
after(() => fx.cleanup());

test('refuses a second build into a folder while the first runs, and lets the first finish', async () => {
  const out = join(fx.tempDir(), 'site');
  const results = await Promise.allSettled([buildSite(fx.deps, { outDir: out }), buildSite(fx.deps, { outDir: out })]);
  const refused = results.filter((r) => r.status === 'rejected');
  assert.equal(refused.length, 1, JSON.stringify(results.map((r) => r.status)));
  const reason = (refused[0] as PromiseRejectedResult).reason as BuildInProgressError;
  assert.ok(reason instanceof BuildInProgressError, String(reason));
  assert.equal(reason.code, 'BUILD_IN_PROGRESS');
  assert.match(reason.message, /別の katsudo build/);
  assert.ok(readManifest(out) !== undefined, 'the first build finished');
  assert.equal(existsSync(buildLockFile(out)), false, 'the lock is released');
});

test('builds into two different folders at once', async () => {
  const [a, b] = [join(fx.tempDir(), 'a'), join(fx.tempDir(), 'b')];
  const results = await Promise.all([buildSite(fx.deps, { outDir: a }), buildSite(fx.deps, { outDir: b })]);
  assert.deepEqual(
    results.map((r) => r.mode),
    ['first', 'first'],
  );
});

test('releases the lock when a build fails', async () => {
  const out = join(fx.tempDir(), 'site');
  // A stylesheet without bytes: the build fails while writing pages, after taking the lock.
  const broken = { ...fx.deps, assets: { ...fx.deps.assets, css: { ...fx.deps.assets.css, body: undefined as unknown as Buffer } } };
  await assert.rejects(buildSite(broken, { outDir: out }));
  assert.equal(existsSync(buildLockFile(out)), false);
  assert.equal((await buildSite(fx.deps, { outDir: out })).mode, 'first');
});

test('takes over a lock whose process is gone', async () => {
  const out = join(fx.tempDir(), 'site');
  // A process id that has exited: a child that ran and ended.
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  writeFileSync(buildLockFile(out), `${gone}\n`);
  const result = await buildSite(fx.deps, { outDir: out });
  assert.equal(result.mode, 'first');
  assert.equal(existsSync(buildLockFile(out)), false);
});

test('refuses to take a lock held by a live process, naming it', () => {
  const out = join(fx.tempDir(), 'site');
  writeFileSync(buildLockFile(out), `${process.ppid}\n`);
  assert.throws(
    () => lockBuildFolder(out),
    (error: unknown) => error instanceof BuildInProgressError && error.message.includes(String(process.ppid)),
  );
  assert.equal(readFileSync(buildLockFile(out), 'utf8'), `${process.ppid}\n`, 'the lock is left to its holder');
});
