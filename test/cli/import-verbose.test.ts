// Import failures keep their cause (issue 9, item 7): the reason line names the causes, and
// --verbose prints each failure's stack and causes under it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { describeError, emptySummary, formatSummary } from '../../src/importers/import-run.js';
import { runCli } from '../support/cli-run.js';

let dir: string;

function katsudo(args: string[]) {
  return runCli(args, { env: { KATSUDO_DATA_DIR: join(dir, 'data') } });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-cli-verbose-'));
  mkdirSync(join(dir, 'texts'));
  writeFileSync(join(dir, 'texts', 'no-date.txt'), '日付のない報告\n\n本文だけがある。');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('import-text --verbose prints the stack of a failed item under its line', () => {
  const run = katsudo(['import-text', join(dir, 'texts'), '--dry-run', '--verbose']);
  assert.match(run.stdout, /失敗 {6}no-date\.txt: .*\n {4}ValidationError: /);
  assert.match(run.stdout, /\n {8}at .*import-text/);
});

test('import-text without --verbose prints one line per failure', () => {
  const run = katsudo(['import-text', join(dir, 'texts'), '--dry-run']);
  assert.match(run.stdout, /失敗 {6}no-date\.txt: /);
  assert.doesNotMatch(run.stdout, /\n\s+at /);
});

test('describes an error with the messages of its causes', () => {
  const error = new Error('could not store the file', { cause: new Error('EACCES: permission denied', { cause: 'disk' }) });
  assert.equal(describeError(error), 'could not store the file(原因: EACCES: permission denied)(原因: disk)');
});

test('prints every cause with its stack under a failure in verbose mode only', () => {
  const summary = emptySummary();
  const error = new Error('could not store the file', { cause: new Error('EACCES: permission denied') });
  summary.failed.push({ label: 'a.txt', reason: describeError(error), error });
  const verbose = formatSummary(summary, { isVerbose: true }).join('\n');
  assert.match(verbose, /失敗 {6}a\.txt: could not store the file\(原因: EACCES: permission denied\)\n {4}Error: could not store the file\n {8}at /);
  assert.match(verbose, /\n {4}原因: Error: EACCES: permission denied\n {8}at /);
  assert.doesNotMatch(formatSummary(summary).join('\n'), /\n\s+at /);
});
