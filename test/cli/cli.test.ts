import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase } from '../../src/store/database.js';
import { findReportBySlug, listReports } from '../../src/store/reports.js';
import { runCli } from '../support/cli-run.js';

let dir: string;

function katsudo(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { env: { KATSUDO_DATA_DIR: join(dir, 'data'), ...env } });
}

async function publishedCount(): Promise<number> {
  const file = join(dir, 'data', 'katsudo.db');
  if (!existsSync(file)) return 0;
  const db = await openDatabase({ file });
  try {
    return (await listReports(db, { status: 'published' }, { offset: 0, limit: 1 })).total;
  } finally {
    await db.destroy();
  }
}

const SITE_HEADER = '衆議院議員\n試験花子公式サイト\n\n活動報告\n\n第2回外務・防衛閣僚協議\n\n';
const SEED_SHAPED = readFileSync(new URL('../fixtures/seed-shaped-report.txt', import.meta.url), 'utf8');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-cli-'));
  writeFileSync(join(dir, 'seed-like.txt'), SITE_HEADER + SEED_SHAPED);
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'sjis.txt'), Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67]));
  writeFileSync(join(dir, 'no-date.txt'), '日付のない報告\n\n本文だけがある。');
  writeFileSync(join(dir, 'dated.txt'), '地元視察\n令和6年5月1日\n\n地元の商店街を視察した。');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('refuses a missing file, an empty file and a binary file with a clear message and writes nothing', async () => {
  for (const [file, message] of [
    ['missing.txt', /ファイルが見つかりません/],
    ['empty.txt', /空のファイル/],
    ['binary.txt', /バイナリ/],
    ['sjis.txt', /UTF-8/],
  ] as const) {
    const run = katsudo(['import-text', join(dir, file), '--date', '2024-05-01']);
    assert.notEqual(run.code, 0, file);
    assert.match(run.stderr, message, file);
    assert.match(run.stderr, /何も書き込んでいません/);
  }
  assert.equal(await publishedCount(), 0);
});

test('refuses a bad --date and a text without a date, writing nothing', async () => {
  for (const date of ['2013-02-30', 'yesterday', '13']) {
    const run = katsudo(['import-text', join(dir, 'dated.txt'), '--date', date]);
    assert.equal(run.code, 2, date);
    assert.match(run.stderr, /--date の日付が正しくありません/);
  }
  const noDate = katsudo(['import-text', join(dir, 'no-date.txt')]);
  assert.equal(noDate.code, 3);
  assert.match(noDate.stderr, /--date YYYY-MM-DD/);
  assert.equal(await publishedCount(), 0);
});

test('imports nothing when one file of several is bad', async () => {
  const run = katsudo(['import-text', join(dir, 'dated.txt'), join(dir, 'empty.txt')]);
  assert.notEqual(run.code, 0);
  assert.equal(await publishedCount(), 0);
});

test('publishes a seed-like file, skipping its site header, with the year from a partial --date', async () => {
  const run = katsudo(['import-text', join(dir, 'seed-like.txt'), '--date', '2013', '--category', '外交・安全保障']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /除外 3行: 1〜2, 4行目・タイトル 6行目・活動日 8行目\(本文の最初の段落の日付\)/);
  const file = join(dir, 'data', 'katsudo.db');
  const db = await openDatabase({ file });
  try {
    const page = await listReports(db, { status: 'published' }, { offset: 0, limit: 10 });
    assert.equal(page.total, 1);
    const report = (await findReportBySlug(db, page.items[0]!.slug))!;
    assert.equal(report.title, '第2回外務・防衛閣僚協議');
    assert.equal(report.activityDate.slice(0, 4), '2013');
    assert.equal(report.category?.name, '外交・安全保障');
    assert.equal(report.outline.filter((e) => e.depth === 1).length, 7);
    assert.equal(report.outline.filter((e) => e.depth === 2).length, 3);
    assert.doesNotMatch(report.bodySource, /公式サイト/);
  } finally {
    await db.destroy();
  }
});

test('lists reports with their date, status, path and title', () => {
  const run = katsudo(['list']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^1\t2013-\d\d-\d\d\tpublished\t\/activity\/2013-[\d-]+\/\t第2回外務・防衛閣僚協議$/m);
  assert.match(run.stdout, /合計 1件/);
});

test('rejects unknown commands and options with exit code 2', () => {
  assert.equal(katsudo(['frobnicate']).code, 2);
  const run = katsudo(['list', '--nope']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /不明なオプションです: --nope/);
});

test('explains a bad environment variable by name with an example', () => {
  const run = katsudo(['serve'], { PORT: 'abc' });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /PORT はポート番号.*PORT=3000/);
  const url = katsudo(['list'], { KATSUDO_BASE_URL: 'not a url' });
  assert.equal(url.code, 2);
  assert.match(url.stderr, /KATSUDO_BASE_URL/);
});
