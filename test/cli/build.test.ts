import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { buildLockFile } from '../../src/exporter/build-lock.js';
import { runCli } from '../support/cli-run.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { setSettings, TEST_SETTINGS } from '../support/factories.js';
import { mountTmpfs } from '../support/tmpfs.js';
import { hashesOf } from '../exporter/export-fixture.js';

let site: TestSite;
before(async () => {
  site = await createTestSite();
  await seedDemoIfEmpty(site);
});
after(() => site.cleanup());

const build = (...args: string[]) => runCli(['build', '--data', site.dataDir, ...args]);

test('builds, says what it did, and answers a second run with nothing changed; --check finds no broken link', (t) => {
  const fs = mountTmpfs(t, '64m');
  if (fs.path === undefined) return;
  t.after(fs.unmount);
  const out = join(fs.path, 'site');
  const first = build('--out', out, '--base-url', 'https://www.example.jp');
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /書き出しました/);
  const second = build('--out', out, '--base-url', 'https://www.example.jp');
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /変わっていません/);
  const check = runCli(['build', '--check', out, '--base-url', 'https://www.example.jp']);
  assert.equal(check.code, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /リンク切れはありません/);
});

test('refuses a base URL that is not absolute http(s)', () => {
  for (const url of ['ftp://www.example.jp', '/relative', 'www.example.jp']) {
    const run = build('--out', join(site.dataDir, '..', 'never'), '--base-url', url);
    assert.equal(run.code, 2, url);
    assert.match(run.stderr, /--base-url には http:\/\/ か https:\/\/ で始まる絶対URL/);
  }
  // The pages link from the domain's root: a site below a path is refused, not exported broken.
  const below = build('--out', join(site.dataDir, '..', 'never'), '--base-url', 'https://www.example.jp/members/yamada/');
  assert.equal(below.code, 2);
  assert.match(below.stderr, /--base-url にはパスを含まない URL/);
  assert.equal(existsSync(join(site.dataDir, '..', 'never')), false);
});

test('refuses an output folder that is a file or the data directory, with exit 3', () => {
  const file = join(site.dataDir, '..', `file-${process.pid}`);
  writeFileSync(file, 'x');
  const onFile = build('--out', file);
  assert.equal(onFile.code, 3);
  assert.match(onFile.stderr, /ファイルです。フォルダを指定してください/);
  const onData = build('--out', site.dataDir);
  assert.equal(onData.code, 3, onData.stderr);
  assert.match(onData.stderr, /データディレクトリ/);
});

test('refuses a folder it cannot write to', (t) => {
  const fs = mountTmpfs(t, '1m');
  if (fs.path === undefined) return;
  t.after(fs.unmount);
  execFileSync('mount', ['-o', 'remount,ro', fs.path]);
  const run = build('--out', join(fs.path, 'site'));
  assert.equal(run.code, 3);
  assert.match(run.stderr, /書き込む権限がありません/);
});

test('a disk that fills during a build: a Japanese message, exit 74, and the published folder exactly as it was', async (t) => {
  const fs = mountTmpfs(t, '64m');
  if (fs.path === undefined) return;
  t.after(fs.unmount);
  const out = join(fs.path, 'site');
  assert.equal(build('--out', out).code, 0);
  const published = hashesOf(out);
  // Leave too little room for a full rebuild, which a settings change asks for (every page shows the site's name).
  const free = statfsSync(fs.path);
  writeFileSync(join(fs.path, 'filler'), Buffer.alloc(Number(free.bavail) * Number(free.bsize) - 64 * 1024));
  await setSettings(site, { ...TEST_SETTINGS, legislatorName: '満杯 太郎' });
  const run = build('--out', out);
  assert.equal(run.code, 74, run.stdout + run.stderr);
  assert.match(run.stderr, /ディスクに空きがありません/);
  assert.match(run.stdout, /前回の内容のまま/);
  assert.deepEqual(hashesOf(out), published);
  assert.deepEqual(
    readdirSync(join(out, '.katsudo')).filter((name) => name.startsWith('staging')),
    [],
    'no staging folder is left in .katsudo',
  );
  assert.deepEqual(readdirSync(fs.path).sort(), ['filler', 'site'], 'no staging folder is left beside it');
});

test('refuses to build into a folder another build is writing, with a Japanese message and exit 75', () => {
  const out = join(site.dataDir, '..', `locked-${process.pid}`);
  // This test's process holds the folder's lock, as a running build would.
  writeFileSync(buildLockFile(out), `${process.pid}\n`);
  try {
    const run = build('--out', out, '--base-url', 'https://www.example.jp');
    assert.equal(run.code, 75, run.stderr);
    assert.ok(run.stderr.includes(`別の katsudo build(プロセス ${process.pid})が書き出し中です`), run.stderr);
    assert.equal(existsSync(out), false, 'nothing was written');
  } finally {
    rmSync(buildLockFile(out), { force: true });
  }
});
