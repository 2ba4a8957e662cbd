// katsudo import-wxr through the real CLI: summary, exit codes, progress, dry run, broken files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../../src/store/database.js';
import { skipUnlessShared } from '../support/shared-fixture.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const FIXTURE = new URL('../../../shared/fixtures/wordpress-export.xml', import.meta.url).pathname;
const skip = skipUnlessShared(FIXTURE, 'the shared WordPress export fixture (../shared/fixtures/wordpress-export.xml)');
let dir: string;

function katsudo(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, KATSUDO_DATA_DIR: join(dir, 'data') },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function reportCount(): Promise<number> {
  const file = join(dir, 'data', 'katsudo.db');
  if (!existsSync(file)) return 0;
  const db = await openDatabase({ file });
  try {
    return (await db.selectFrom('reports').selectAll().execute()).length;
  } finally {
    await db.destroy();
  }
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-cli-wxr-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('katsudo import-wxr', { skip }, () => {
  test('prints what a dry run would do, writes nothing and exits 0', async () => {
    const result = katsudo(['import-wxr', FIXTURE, '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^確認のみ\(何も書き込んでいません\)。取り込んだ場合: 作成50件、更新0件、変更なし0件/m);
    assert.equal(await reportCount(), 0);
  });

  test('imports the export with a progress bar and a summary that lists the files it could not copy', async () => {
    const result = katsudo(['import-wxr', FIXTURE]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^取り込みが終わりました: 作成50件、更新0件、変更なし0件、スキップ0件、失敗0件、警告22件。$/m);
    assert.match(result.stdout, /^警告 {6}wp-content\/uploads\/2017\/05\/report-000001-haifu-shiryo-1\.pdf: コピーしていません\(--uploads の指定がありません\)$/m);
    assert.match(result.stderr, /エクスポートファイルを取り込み中 100%/);
    assert.equal(await reportCount(), 50);
  });

  test('leaves everything unchanged when run again', () => {
    const result = katsudo(['import-wxr', FIXTURE]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /作成0件、更新0件、変更なし50件/);
  });

  test('names line and column of a truncated file, keeps what came before and exits with an error', async () => {
    const truncated = join(dir, 'cut.xml');
    const text = readFileSync(FIXTURE, 'utf8');
    writeFileSync(truncated, text.slice(0, text.length - 200).replace(/report-0000(\d\d)\//g, 'new-0000$1/'));
    const result = katsudo(['import-wxr', truncated]);
    assert.notEqual(result.code, 0);
    assert.match(result.stdout, /途中で止まりました: XML の形式が正しくありません: .*cut\.xml:\d+:\d+: /);
    assert.match(result.stdout, /そこまでの項目は取り込み済みで、保存されたままです/);
    assert.match(result.stderr, /katsudo: エクスポートファイルを最後まで読めませんでした: XML の形式が正しくありません: .*cut\.xml:\d+:\d+/);
  });

  test('refuses a missing file and a missing uploads folder with a plain message', () => {
    const missing = katsudo(['import-wxr', join(dir, 'nothing.xml')]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /nothing\.xml: ファイルが見つかりません/);
    const uploads = katsudo(['import-wxr', FIXTURE, '--uploads', join(dir, 'no-uploads')]);
    assert.notEqual(uploads.code, 0);
    assert.match(uploads.stderr, /--uploads .*no-uploads: フォルダが見つかりません/);
    const usage = katsudo(['import-wxr']);
    assert.equal(usage.code, 2);
  });

  test('explains that a file that is not a WordPress export is not one', () => {
    const other = join(dir, 'other.xml');
    writeFileSync(other, '<?xml version="1.0"?><html><body/></html>');
    const result = katsudo(['import-wxr', other]);
    assert.notEqual(result.code, 0);
    assert.match(result.stdout, /WordPress のエクスポートファイルではありません\(最上位の要素が <rss> ではなく <html> です\)/);
  });
});

test('a dry run on a fresh data directory creates no database file (nor the directory)', () => {
  const own = new URL('../fixtures/wordpress-site.xml', import.meta.url).pathname;
  const fresh = join(dir, 'fresh-data');
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'import-wxr', own, '--dry-run', '--data', fresh], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^確認のみ\(何も書き込んでいません\)。取り込んだ場合: 作成5件、更新0件、変更なし0件/m);
  assert.match(result.stdout, /^固定ページ: 作成8件、更新0件、変更なし0件。$/m);
  assert.match(result.stdout, /取り込み元から取り込むサイト設定\(空だった項目\): profileSource, legislatorName, siteDescription, navigation/);
  assert.equal(existsSync(fresh), false);
});
