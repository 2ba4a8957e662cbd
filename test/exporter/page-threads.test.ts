// Issue 14: a build of many paths renders them on worker threads (exporter/page-threads.ts),
// each reading the site's SQLite file itself and writing the changed files into the staging
// folder. The threshold is forced low here, so the small demo site takes the threaded path.
import assert from 'node:assert/strict';
import { readdirSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { DiskFullError } from '../../src/domain/errors.js';
import { buildSite } from '../../src/exporter/build-site.js';
import type { ThreadPageFile } from '../../src/exporter/page-render-tasks.js';
import { renderOnThreads, type PageThreadOptions } from '../../src/exporter/page-threads.js';
import { listPublicPaths } from '../../src/site/list-public-paths.js';
import { addTeam } from '../support/authors.js';
import { createTestSite } from '../support/db.js';
import { setSettings, TEST_SETTINGS } from '../support/factories.js';
import { mountTmpfs } from '../support/tmpfs.js';
import { editReport, filesOf, firstPublished, hashesOf, siteFixture, type ExportFixture } from './export-fixture.js';

let fx: ExportFixture;
let threads: PageThreadOptions;
before(async () => {
  // Threads open the SQLite file: this suite runs on SQLite whatever KATSUDO_TEST_DATABASE says.
  const site = await createTestSite({ backend: 'sqlite' });
  await seedDemoIfEmpty(site);
  fx = siteFixture(site, await addTeam(site));
  // Several small chunks on two threads, so the chunks' order is put to the test.
  threads = { database: { file: join(site.dataDir, 'katsudo.db') }, size: 2, minPaths: 1, chunkPaths: 7 };
});
after(() => fx.cleanup());

test('pages rendered on threads are the bytes the build renders on its own thread, manifest included, first and incremental', async () => {
  const alone = join(fx.tempDir(), 'site');
  const threaded = join(fx.tempDir(), 'site');
  const first = await buildSite(fx.deps, { outDir: alone });
  const firstThreaded = await buildSite(fx.deps, { outDir: threaded, threads });
  assert.equal(first.pageThreads, 0);
  assert.equal(firstThreaded.pageThreads, 2);
  assert.equal(firstThreaded.rendered, first.rendered);
  assert.deepEqual(firstThreaded.written, first.written);
  assert.deepEqual(hashesOf(threaded), hashesOf(alone));

  const target = await firstPublished(fx);
  await editReport(fx, target.id, (r) => ({ title: `${r.title}(スレッド)` }));
  const again = await buildSite(fx.deps, { outDir: alone });
  const againThreaded = await buildSite(fx.deps, { outDir: threaded, threads });
  assert.equal(againThreaded.mode, 'partial');
  assert.ok(againThreaded.pageThreads > 0);
  assert.equal(againThreaded.rendered, again.rendered);
  // Only the files whose bytes changed are written, by the threads as by the build's thread.
  assert.deepEqual(againThreaded.written, again.written);
  assert.ok(againThreaded.written.length < firstThreaded.written.length / 2);
  assert.deepEqual(hashesOf(threaded), hashesOf(alone));
});

test('a thread started when a core frees up takes chunks that are left, and the files still come in the order of the paths', async () => {
  const { ctx, ...plain } = fx.deps;
  const site = { ...plain, dataDir: ctx.dataDir, nowMs: ctx.now().getTime() };
  const paths = await listPublicPaths(fx.deps);
  const run = async (spareCore?: Promise<unknown>) => {
    const files: ThreadPageFile[] = [];
    const job = { site, stagingDir: fx.tempDir(), paths, previousHash: () => undefined };
    const count = await renderOnThreads(job, { ...threads, size: 1, chunkPaths: 5, minPathsForSpareThread: 15 }, (taken) => files.push(...taken), spareCore);
    return { count, files };
  };
  const alone = await run();
  const joined = await run(Promise.resolve());
  assert.ok(paths.length > 20);
  assert.equal(alone.count, 1);
  assert.equal(joined.count, 2);
  assert.deepEqual(joined.files, alone.files);
});

test('an incremental build of few pages stays on the build thread under the default threshold', async () => {
  const out = join(fx.tempDir(), 'site');
  const defaults = { database: threads.database };
  await buildSite(fx.deps, { outDir: out, threads: defaults });
  const target = await firstPublished(fx);
  await editReport(fx, target.id, (r) => ({ title: `${r.title}(既定)` }));
  const result = await buildSite(fx.deps, { outDir: out, threads: defaults });
  assert.equal(result.mode, 'partial');
  assert.equal(result.pageThreads, 0);
});

test('a disk that fills while the threads write stops the build with DISK_FULL and leaves the folder as it was', async (t) => {
  const disk = mountTmpfs(t, '32m');
  if (disk.path === undefined) return;
  t.after(disk.unmount);
  const out = join(disk.path, 'site');
  await buildSite(fx.deps, { outDir: out, threads });
  const before = filesOf(out);
  // The disk is filled but for 256 KB: the lock and the staging folder fit, the pages do not.
  const { bavail, bsize } = statfsSync(disk.path);
  writeFileSync(join(disk.path, 'filler'), Buffer.alloc(Number(bavail) * Number(bsize) - 256 * 1024, 1));
  // Every page changes, so the threads have pages to write.
  await setSettings(fx.site, { ...TEST_SETTINGS, legislatorName: '満杯 確認' });
  const failure = await buildSite(fx.deps, { outDir: out, threads }).then(
    () => assert.fail('the build should fail on a full disk'),
    (error: unknown) => error,
  );
  assert.ok(failure instanceof DiskFullError, (failure as Error).stack);
  assert.equal(failure.code, 'DISK_FULL');
  // Met by a thread: ENOSPC came back as DISK_FULL (the build's own writes would give ENOSPC itself).
  assert.equal((failure.cause as { code?: string }).code, 'DISK_FULL');
  assert.deepEqual(filesOf(out), before);
  assert.deepEqual(
    readdirSync(join(out, '.katsudo')).filter((name) => name.startsWith('staging')),
    [],
    'no staging folder is left in .katsudo',
  );
  await setSettings(fx.site, TEST_SETTINGS);
});
