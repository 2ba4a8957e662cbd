// The publish hook keeps the export up to date after each change and, when a build fails,
// says so on the dashboard (owners and editors) and to the log until a build succeeds.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { clearExportStatus, readExportStatus } from '../../src/actions/site/export-status.js';
import { buildLockFile } from '../../src/exporter/build-lock.js';
import { startPublishHook } from '../../src/exporter/publish-hook.js';
import type { BuildResult } from '../../src/exporter/build-site.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn } from '../support/admin.js';
import { demoExportFixture, editReport, firstPublished, type ExportFixture } from './export-fixture.js';

let fx: ExportFixture;
let app: FastifyInstance;
before(async () => {
  fx = await demoExportFixture();
  app = await buildServer({ ctx: fx.site, baseUrl: 'https://www.example.jp', logLevel: 'silent' });
  await addTestUser(fx.site, { login: 'hook-owner', role: 'owner' });
  await addTestUser(fx.site, { login: 'hook-editor', role: 'editor' });
  await addTestUser(fx.site, { login: 'hook-writer', role: 'writer' });
});
after(async () => {
  await app.close();
  await fx.cleanup();
});

/** Collects the hook's builds and errors; `next` waits for the next one. */
function recorder() {
  const events: Array<{ result?: BuildResult; error?: unknown }> = [];
  let wake: (() => void) | undefined;
  const push = (event: { result?: BuildResult; error?: unknown }) => {
    events.push(event);
    wake?.();
  };
  return {
    handlers: { onBuilt: (result: BuildResult) => push({ result }), onError: (error: unknown) => push({ error }) },
    next: async (count: number) => {
      while (events.length < count) await new Promise<void>((resolve) => (wake = resolve));
      return events[count - 1]!;
    },
  };
}

test('builds at start (its pages on page threads, off the event loop) and again a moment after a report is edited', async (t) => {
  const out = join(fx.tempDir(), 'public');
  const seen = recorder();
  const threads = { database: fx.site.database, size: 1, minPaths: 20 };
  const hook = startPublishHook(fx.deps, out, seen.handlers, { pollMs: 20, debounceMs: 20, threads });
  t.after(() => hook.stop());
  const first = (await seen.next(1)).result;
  assert.equal(first?.mode, 'first');
  assert.equal(first?.pageThreads, 1);
  const r = await firstPublished(fx);
  await editReport(fx, r.id, () => ({ title: 'フックで更新された報告' }));
  let event = await seen.next(2);
  // The first poll may see the version the start-up build already covered.
  for (let n = 3; event.result?.mode === 'unchanged'; n++) event = await seen.next(n);
  assert.equal(event.result?.mode, 'partial');
  assert.match(readFileSync(join(out, 'activity', r.slug, 'index.html'), 'utf8'), /フックで更新された報告/);
  assert.equal(readExportStatus(fx.site.dataDir)?.lastFailure, undefined);
  assert.equal(readExportStatus(fx.site.dataDir)?.outDir, out);
});

test('a failed build is on the dashboard for owners and editors until a build succeeds', async (t) => {
  const dir = fx.tempDir();
  const out = join(dir, 'public');
  writeFileSync(out, 'not a folder');
  const seen = recorder();
  const hook = startPublishHook(fx.deps, out, seen.handlers, { pollMs: 20, debounceMs: 20 });
  const failed = await seen.next(1);
  await hook.stop();
  assert.match(String((failed.error as Error).message), /ファイルです/);
  const owner = await logIn(app, 'hook-owner');
  const page = (await owner.get('/admin/')).body;
  assert.match(page, /role="alert"[^>]*>\s*<h2[^>]*>静的サイトの更新に失敗しました/);
  assert.match(page, /ファイルです。フォルダを指定してください/);
  assert.match((await (await logIn(app, 'hook-editor')).get('/admin/')).body, /静的サイトの更新に失敗しました/);
  assert.doesNotMatch((await (await logIn(app, 'hook-writer')).get('/admin/')).body, /静的サイト/);

  rmSync(out);
  const again = recorder();
  const retry = startPublishHook(fx.deps, out, again.handlers, { pollMs: 20, debounceMs: 20 });
  t.after(() => retry.stop());
  assert.equal((await again.next(1)).result?.mode, 'first');
  const recovered = (await owner.get('/admin/')).body;
  assert.doesNotMatch(recovered, /失敗しました/);
  assert.match(recovered, /静的サイトの最終更新: /);
  clearExportStatus(fx.site.dataDir);
  assert.doesNotMatch((await owner.get('/admin/')).body, /静的サイト/);
});

test('waits for a katsudo build writing into the same folder, then builds, with no failure shown', async (t) => {
  const out = join(fx.tempDir(), 'public');
  // This test's process holds the folder's lock, as a running `katsudo build` would.
  writeFileSync(buildLockFile(out), `${process.pid}\n`);
  const seen = recorder();
  const hook = startPublishHook(fx.deps, out, seen.handlers, { pollMs: 20, debounceMs: 20 });
  t.after(() => hook.stop());
  await new Promise((resolve) => setTimeout(resolve, 200));
  // No change follows: the hook tries again by itself once the other build is done.
  rmSync(buildLockFile(out));
  const event = await seen.next(1);
  assert.equal(event.error, undefined);
  assert.equal(event.result?.mode, 'first');
  assert.equal(readExportStatus(fx.site.dataDir)?.lastFailure, undefined);
});
