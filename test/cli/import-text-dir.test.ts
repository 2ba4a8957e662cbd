import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase } from '../../src/store/database.js';
import { listReports } from '../../src/store/reports.js';
import { unpublishReport } from '../../src/actions/reports/unpublish-report.js';
import { createTestSite } from '../support/db.js';
import { runCli } from '../support/cli-run.js';

let dir: string;
let texts: string;

function katsudo(args: string[], dataDir = join(dir, 'data')) {
  return runCli(args, { env: { KATSUDO_DATA_DIR: dataDir } });
}

async function titles(dataDir: string): Promise<string[]> {
  const file = join(dataDir, 'katsudo.db');
  if (!existsSync(file)) return [];
  const db = await openDatabase({ file });
  try {
    return (await listReports(db, {}, { offset: 0, limit: 50 })).items.map((r) => r.title).sort();
  } finally {
    await db.destroy();
  }
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-cli-textdir-'));
  texts = join(dir, 'texts');
  mkdirSync(join(texts, '2024', '05'), { recursive: true });
  writeFileSync(join(texts, '2024', '05', 'port.txt'), '港湾視察\n2024年5月1日\n\n1 概要\n\n(1)岸壁を視察した。');
  writeFileSync(join(texts, '2024', '05', 'speech.txt'), '衆議院議員\n\n街頭演説\n令和6年5月2日\n\n駅前で演説した。');
  writeFileSync(join(texts, '2024', 'no-date.txt'), '日付のない報告\n\n本文だけがある。');
  writeFileSync(join(texts, '2024', 'notes.md'), '# not a report');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a dry run over a directory writes nothing', async () => {
  const dataDir = join(dir, 'dry');
  const run = katsudo(['import-text', texts, '--dry-run'], dataDir);
  assert.match(run.stdout, /確認のみ\(何も書き込んでいません\)。取り込んだ場合: 作成2件/);
  assert.deepEqual(await titles(dataDir), []);
});

test('imports every .txt file of a directory, the bad one failing alone with its reason', async () => {
  const run = katsudo(['import-text', texts]);
  assert.equal(run.code, 3, run.stderr);
  assert.match(run.stdout, /作成 {6}2024\/05\/port\.txt → \/activity\/2024-05-01\//);
  assert.match(run.stdout, /取り込みが終わりました: 作成2件、更新0件、変更なし0件、スキップ0件、失敗1件/);
  assert.match(run.stdout, /失敗 {6}2024\/no-date\.txt: .*--date YYYY-MM-DD/);
  assert.match(run.stderr, /テキストファイルを取り込み中 100% 3\/3/);
  assert.deepEqual(await titles(join(dir, 'data')), ['港湾視察', '街頭演説']);
});

test('a second run over the directory updates a changed file in place and leaves the rest', async () => {
  rmSync(join(texts, '2024', 'no-date.txt'));
  writeFileSync(join(texts, '2024', '05', 'speech.txt'), '街頭演説(夕方)\n令和6年5月2日\n\n駅前で演説した。');
  const run = katsudo(['import-text', texts]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /取り込みが終わりました: 作成0件、更新1件、変更なし1件、スキップ0件、失敗0件/);
  assert.deepEqual(await titles(join(dir, 'data')), ['港湾視察', '街頭演説(夕方)']);
});

test('refuses the same path under two directories of one run, and --dry-run works for files too', async () => {
  const other = join(dir, 'other');
  mkdirSync(join(other, '2024', '05'), { recursive: true });
  writeFileSync(join(other, '2024', '05', 'port.txt'), '別の港湾視察\n2024年6月1日\n\n本文。');
  const dataDir = join(dir, 'twice');
  const run = katsudo(['import-text', texts, other], dataDir);
  assert.equal(run.code, 3);
  assert.match(run.stdout, /失敗 {6}.*other.*port\.txt: フォルダの中の場所が .* と同じです/);
  assert.deepEqual(await titles(dataDir), ['港湾視察', '街頭演説(夕方)']);

  const dry = katsudo(['import-text', join(other, '2024', '05', 'port.txt'), '--dry-run'], join(dir, 'dry-file'));
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /取り込んだ場合: 作成1件/);
  assert.deepEqual(await titles(join(dir, 'dry-file')), []);
});

test('a report unpublished in the admin is not published again by a second run, unless --overwrite', async () => {
  const site = await createTestSite();
  const source = join(dir, 'unpublish');
  mkdirSync(source);
  writeFileSync(join(source, 'port.txt'), '港湾視察\n2024年5月1日\n\n岸壁を視察した。');
  try {
    await site.db.destroy();
    assert.equal(katsudo(['import-text', source], site.dataDir).code, 0);
    writeFileSync(join(source, 'port.txt'), '港湾視察(追記)\n2024年5月1日\n\n岸壁を視察した。');
    const db = await openDatabase({ file: join(site.dataDir, 'katsudo.db') });
    try {
      const [report] = (await listReports(db, {}, { offset: 0, limit: 5 })).items;
      await unpublishReport({ ...site, db }, { userId: null as unknown as number, login: 'editor', role: 'owner' }, { reportId: report!.id });
    } finally {
      await db.destroy();
    }
    const second = katsudo(['import-text', source], site.dataDir);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /取り込みが終わりました: 作成0件、更新0件、変更なし0件/);
    assert.match(second.stdout, /前回の取り込みのあと管理画面で変更されたため、そのままにしたもの: 1件\(置き換えるには --overwrite/);
    assert.match(second.stdout, /そのまま {2}port\.txt: /);
    assert.match(second.stderr, /テキストファイルを取り込み中 100% 1\/1/);
    assert.deepEqual(await titles(site.dataDir), ['港湾視察']);

    const third = katsudo(['import-text', source, '--overwrite'], site.dataDir);
    assert.equal(third.code, 0, third.stderr);
    assert.match(third.stdout, /取り込みが終わりました: 作成0件、更新1件/);
    assert.deepEqual(await titles(site.dataDir), ['港湾視察(追記)']);
  } finally {
    rmSync(site.dataDir, { recursive: true, force: true });
  }
});
