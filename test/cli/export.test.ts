// katsudo export through the real CLI: where it wrote and the counts, a refused folder, the
// usage error, and the files read back by katsudo's own import commands.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createReport } from '../../src/actions/reports/create-report.js';
import { inlinePool } from '../../src/actions/runtime/work-pool.js';
import { runCli, withSiteDatabase } from '../support/cli-run.js';
import { addCategory } from '../support/factories.js';

let dir: string;
const data = () => join(dir, 'data');

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-cli-export-'));
  await withSiteDatabase(data(), async (db) => {
    const ctx = { db, dataDir: data(), now: () => new Date('2026-11-20T03:00:00Z'), work: inlinePool(db) };
    await addCategory(ctx, 'kokkai', '国会活動');
    await createReport(
      ctx,
      {
        title: '予算委員会で質問',
        activityDate: '2024-02-14',
        slug: 'budget-question',
        categorySlug: 'kokkai',
        bodySource: '1 概要\n\n(1)予算委員会で子育て支援について質問した。',
      },
      { status: 'published' },
    );
    await createReport(ctx, { title: '書きかけ', activityDate: '2024-03-01', bodySource: '下書きである。' }, { status: 'draft' });
  });
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('writes the export, saying where and how many of each', () => {
  const out = join(dir, 'export');
  const run = runCli(['export', '--out', out, '--data', data()]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`書き出しました: ${out}`));
  assert.match(run.stdout, /活動報告2件、固定ページ0件、ファイル0件、カテゴリー1件/);
  assert.deepEqual(readdirSync(out).sort(), ['media', 'pages', 'reports', 'site.json', 'wordpress.xml']);
});

test('refuses a folder that holds files, with exit code 3', () => {
  const out = join(dir, 'occupied');
  mkdirSync(out);
  writeFileSync(join(out, 'keep.txt'), 'x');
  const run = runCli(['export', '--out', out, '--data', data()]);
  assert.equal(run.code, 3);
  assert.match(run.stderr, /フォルダが空ではありません/);
  assert.deepEqual(readdirSync(out), ['keep.txt']);
});

test('refuses a data folder without a site, creating nothing there', () => {
  const empty = join(dir, 'no-site');
  const run = runCli(['export', '--out', join(dir, 'never'), '--data', empty]);
  assert.equal(run.code, 3);
  assert.match(run.stderr, /katsudo のサイトがありません/);
  assert.ok(!existsSync(empty) && !existsSync(join(dir, 'never')));
});

test('asks for --out', () => {
  const run = runCli(['export', '--data', data()]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--out/);
});

test('import-text reads an exported report file back with its title, date and body', async () => {
  const out = join(dir, 'for-text');
  assert.equal(runCli(['export', '--out', out, '--data', data()]).code, 0);
  const target = join(dir, 'text-site');
  const run = runCli(['import-text', join(out, 'reports', '2024-02-14-budget-question.txt'), '--data', target]);
  assert.equal(run.code, 0, run.stderr);
  const report = await withSiteDatabase(target, (db) => db.selectFrom('reports').select(['title', 'activity_date', 'body_source']).executeTakeFirstOrThrow());
  assert.deepEqual(report, { title: '予算委員会で質問', activity_date: '2024-02-14', body_source: '1 概要\n\n(1)予算委員会で子育て支援について質問した。' });
});

test('import-wxr reads the exported WordPress file into an empty site', async () => {
  const out = join(dir, 'for-wxr');
  assert.equal(runCli(['export', '--out', out, '--data', data()]).code, 0);
  const target = join(dir, 'wxr-site');
  const run = runCli(['import-wxr', join(out, 'wordpress.xml'), '--uploads', join(out, 'media'), '--data', target]);
  assert.equal(run.code, 0, run.stderr);
  const rows = await withSiteDatabase(target, (db) => db.selectFrom('reports').select(['slug', 'status']).orderBy('slug').execute());
  assert.deepEqual(rows, [
    { slug: '2024-03-01', status: 'draft' },
    { slug: 'budget-question', status: 'published' },
  ]);
});
