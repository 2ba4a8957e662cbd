import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase } from '../../src/store/database.js';
import { listReports } from '../../src/store/reports.js';
import { encodeLegacy } from '../fixtures/html/legacy-encoding.js';
import { landmarkPage, tablePage } from '../fixtures/html/site-page.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
let dir: string;
let site: string;

function katsudo(args: string[], dataDir = join(dir, 'data')) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, KATSUDO_DATA_DIR: dataDir },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function reportCount(dataDir: string): Promise<number> {
  const file = join(dataDir, 'katsudo.db');
  if (!existsSync(file)) return 0;
  const db = await openDatabase({ file });
  try {
    return (await listReports(db, {}, { offset: 0, limit: 1 })).total;
  } finally {
    await db.destroy();
  }
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-cli-html-'));
  site = join(dir, 'site');
  mkdirSync(join(site, 'activity'), { recursive: true });
  const body = '<p>港湾施設を視察した。</p><p>1 概要</p><p>(1)岸壁の改修について説明を受けた。</p>';
  writeFileSync(join(site, 'activity', '0501.html'), landmarkPage({ title: '港湾視察', dateLine: '2024年5月1日', bodyHtml: body }));
  writeFileSync(
    join(site, 'activity', '0502.htm'),
    encodeLegacy(tablePage({ title: '街頭演説', dateLine: '令和6年5月2日', bodyHtml: body, charset: 'Shift_JIS' }), 'shift_jis'),
  );
  writeFileSync(join(site, 'activity', 'empty.html'), '');
  writeFileSync(
    join(site, 'index.html'),
    landmarkPage({ title: '活動報告', bodyHtml: `<ul>${[1, 2, 3].map((n) => `<li>2024年5月${n}日 <a href="/a${n}.html">報告</a></li>`).join('')}</ul>` }),
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('refuses a --base-url that is no web address and a call without paths', () => {
  assert.equal(katsudo(['import-html', site, '--base-url', 'example.jp']).code, 2);
  assert.match(katsudo(['import-html', site, '--base-url', 'example.jp']).stderr, /--base-url には旧サイトのアドレスを指定してください/);
  assert.equal(katsudo(['import-html']).code, 2);
});

test('a dry run prints what would happen and writes no report', async () => {
  const dataDir = join(dir, 'dry');
  const run = katsudo(['import-html', site, '--dry-run', '--base-url', 'https://old.example.jp/'], dataDir);
  assert.match(run.stdout, /確認のみ\(何も書き込んでいません\)。取り込んだ場合: 作成2件/);
  assert.equal(await reportCount(dataDir), 0);
});

test('imports a saved site, accounts for every file and exits non-zero when one failed; a rerun changes nothing', async () => {
  const first = katsudo(['import-html', site, '--base-url', 'https://old.example.jp/', '--category', '国会活動']);
  assert.equal(first.code, 3, first.stderr);
  assert.match(first.stdout, /作成 {6}\/activity\/0501\.html → \/activity\/2024-05-01\//);
  assert.match(first.stdout, /取り込みが終わりました: 作成2件、更新0件、変更なし0件、スキップ1件、失敗1件/);
  assert.match(first.stdout, /スキップ {2}index\.html: 活動報告ではありません: 日付付きのリンクが3件並んだページです/);
  assert.match(first.stdout, /失敗 {6}activity\/empty\.html: 空のファイルです/);
  assert.match(first.stderr, /4件中1件のページを取り込めませんでした/);
  assert.match(first.stderr, /ページを取り込み中 100% 4\/4/);
  assert.equal(await reportCount(join(dir, 'data')), 2);

  rmSync(join(site, 'activity', 'empty.html'));
  const second = katsudo(['import-html', site, '--base-url', 'https://old.example.jp/', '--category', '国会活動']);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /取り込みが終わりました: 作成0件、更新0件、変更なし2件、スキップ1件、失敗0件/);
  assert.equal(await reportCount(join(dir, 'data')), 2);
});

test('reports a path that does not exist as failed and imports the rest', async () => {
  const dataDir = join(dir, 'missing');
  const run = katsudo(['import-html', join(site, 'activity', '0501.html'), join(dir, 'nope.html')], dataDir);
  assert.notEqual(run.code, 0);
  assert.match(run.stdout, /失敗 {6}.*nope\.html: ファイルもフォルダも見つかりません/);
  assert.equal(await reportCount(dataDir), 1);
});
