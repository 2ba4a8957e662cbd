// katsudo import-text on page texts copied from sites: the summary of what was read,
// --explain, --title and --split.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { listReports } from '../../src/store/reports.js';
import { runCli, withSiteDatabase } from '../support/cli-run.js';

let dir: string;
const FIXTURES = new URL('../fixtures/page-texts/', import.meta.url).pathname;

function katsudo(args: string[], dataDir: string) {
  return runCli(args, { env: { KATSUDO_DATA_DIR: join(dir, dataDir) } });
}

async function reports(dataDir: string): Promise<string[]> {
  return withSiteDatabase(join(dir, dataDir), async (db) =>
    (await listReports(db, {}, { offset: 0, limit: 50 })).items.map((r) => `${r.activityDate.slice(0, 10)} ${r.title}`).sort(),
  );
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-cli-page-text-'));
  writeFileSync(join(dir, 'no-title.txt'), readFileSync(join(FIXTURES, '37-town-one-long-line-no-title.txt')));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the summary says which lines were left out, the title line and where the date came from; --explain lists each', () => {
  const run = katsudo(['import-text', join(FIXTURES, '01-national-official-site.txt'), '--explain'], 'explain');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /「北港の岸壁視察」 2023-03-08\(除外 \d+行: 1〜7, 9, 18〜26行目・タイトル 8行目・活動日 7行目\(タイトルの前の日付行\)\)/);
  assert.match(run.stdout, /除外 +2行目「山川さくらオフィシャルサイト」: サイト名・ブログ名・会派名/);
  assert.match(run.stdout, /除外 +24行目「〒100-0014 東京都千代田区永田町9-9-9」: 住所・電話・FAX/);
  assert.match(run.stdout, /タイトル 8行目「北港の岸壁視察」/);
  assert.match(run.stdout, /活動日 +2023-03-08: タイトルの前の日付行 7行目「\[ 2023年3月8日\(水\) \]」/);
});

test('a text without a title is refused with a request for --title, and imports with it', async () => {
  const refused = katsudo(['import-text', join(dir, 'no-title.txt'), '--date', '2023-11-03'], 'title');
  assert.equal(refused.code, 3);
  assert.match(refused.stderr, /--title "タイトル" でタイトルを指定してください/);
  const run = katsudo(['import-text', join(dir, 'no-title.txt'), '--date', '2023-11-03', '--title', '町の産業祭り'], 'title');
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(await reports('title'), ['2023-11-03 町の産業祭り']);
});

test('--title is refused for several files', () => {
  const run = katsudo(['import-text', join(dir, 'no-title.txt'), join(dir, 'no-title.txt'), '--title', '題'], 'title-many');
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--title は1つのファイル/);
});

test('a list page imports its first entry with a warning, and every entry with --split', async () => {
  const file = join(FIXTURES, '21-prefectural-list-page.txt');
  const first = katsudo(['import-text', file], 'list');
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /注意: このページには日付のある記事が3件あります.*--split/);
  assert.deepEqual(await reports('list'), ['2023-03-20 駅前で県政報告']);

  const split = katsudo(['import-text', file, '--split'], 'split');
  assert.equal(split.code, 0, split.stderr);
  assert.match(split.stdout, /21-prefectural-list-page\.txt \(2件目\): 「予算特別委員会で質疑」 2023-03-15/);
  assert.match(split.stdout, /取り込みが終わりました: 作成3件/);
  assert.deepEqual(await reports('split'), ['2023-03-08 北部の農家を訪問', '2023-03-15 予算特別委員会で質疑', '2023-03-20 駅前で県政報告']);
});
