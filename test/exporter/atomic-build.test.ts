// A web server reading the folder while katsudo build runs never sees a missing or a
// partly written file: a reader in another process reads every file in a loop during a
// full rebuild and an incremental one, and each version it saw is the old or the new one.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildSite } from '../../src/exporter/build-site.js';
import { setSettings, TEST_SETTINGS } from '../support/factories.js';
import { demoExportFixture, editReport, filesOf, firstPublished, type ExportFixture } from './export-fixture.js';

const READER = `
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const [dir, list] = process.argv.slice(1);
const files = JSON.parse(readFileSync(list, 'utf8'));
const seen = new Set();
const missing = new Set();
let rounds = 0;
let stop = false;
process.stdin.on('data', () => {}).on('end', () => (stop = true));
function round() {
  for (const file of files) {
    try {
      seen.add(file + ' ' + createHash('sha256').update(readFileSync(join(dir, file))).digest('hex'));
    } catch (error) {
      missing.add(file + ' ' + error.code);
    }
  }
  rounds++;
  if (stop) process.stdout.write(JSON.stringify({ rounds, seen: [...seen], missing: [...missing] }));
  else setImmediate(round);
}
round();
`;

let fx: ExportFixture;
before(async () => {
  fx = await demoExportFixture();
});
after(() => fx.cleanup());

/** Runs `change` and a build of `out` while the reader reads every current file; returns what it saw. */
async function readDuring(out: string, change: () => Promise<void>) {
  const before = filesOf(out, ['.katsudo']);
  const list = join(fx.tempDir(), 'files.json');
  writeFileSync(list, JSON.stringify([...before.keys()]));
  const reader = spawn(process.execPath, ['-e', READER, out, list], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  reader.stdout.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => reader.once('exit', resolve));
  await change();
  const result = await buildSite(fx.deps, { outDir: out });
  reader.stdin.end();
  await exited;
  const now = filesOf(out, ['.katsudo']);
  const report = JSON.parse(output) as { rounds: number; seen: string[]; missing: string[] };
  const unexpected = report.seen.filter((entry) => {
    const [file, hash] = entry.split(' ') as [string, string];
    return hash !== before.get(file)?.hash && hash !== now.get(file)?.hash;
  });
  return { result, report, unexpected, before, now };
}

test('a reader never sees a missing or partial file during a full rebuild', async () => {
  const out = join(fx.tempDir(), 'site');
  await buildSite(fx.deps, { outDir: out });
  const { result, report, unexpected, before, now } = await readDuring(out, () => setSettings(fx.site, { ...TEST_SETTINGS, legislatorName: '読者 確認' }));
  assert.equal(result.mode, 'full');
  assert.ok(report.rounds > 1, `the reader read ${report.rounds} times`);
  assert.deepEqual(report.missing, []);
  assert.deepEqual(unexpected, []);
  assert.ok([...now].filter(([file, s]) => before.get(file)?.hash !== s.hash).length > 50, 'most pages changed');
});

test('a reader never sees a missing or partial file during an incremental build', async () => {
  const out = join(fx.tempDir(), 'site');
  await buildSite(fx.deps, { outDir: out });
  const target = await firstPublished(fx);
  const { result, report, unexpected } = await readDuring(out, () =>
    editReport(fx, target.id, (r) => ({ title: `${r.title}(追記)`, bodySource: `${r.bodySource}\n\n追記した段落。` })),
  );
  assert.equal(result.mode, 'partial');
  assert.ok(report.rounds > 1, `the reader read ${report.rounds} times`);
  assert.deepEqual(report.missing, []);
  assert.deepEqual(unexpected, []);
});
