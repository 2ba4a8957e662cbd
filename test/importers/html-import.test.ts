import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import { render } from '../../src/domain/text-format/render.js';
import { findFiles } from '../../src/importers/find-files.js';
import { htmlPageItems, type HtmlImportOptions } from '../../src/importers/html/html-page-items.js';
import { runImport } from '../../src/importers/import-run.js';
import { findRedirect } from '../../src/store/redirects.js';
import { findReportBySlug, listReports } from '../../src/store/reports.js';
import { createTestApp } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { makeImage, makePdf } from '../support/media-fixtures.js';
import { encodeLegacy } from '../fixtures/html/legacy-encoding.js';
import { CHROME_WORDS, landmarkPage, paragraphsOf, SEED_URL, seedParts, tablePage } from '../fixtures/html/site-page.js';
import { skipUnlessShared } from '../support/shared-fixture.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-html-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh saved-site directory with the given files (path → bytes or text). */
function savedSite(name: string, files: Record<string, Uint8Array | string>): string {
  const root = join(dir, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function importSite(ctx: ActionContext, root: string, options: Partial<HtmlImportOptions> = {}) {
  const { files } = findFiles([root], ['html', 'htm']);
  const full = { isDryRun: false, ...options };
  return runImport(ctx, htmlPageItems(ctx, files, full), { kind: 'html', isDryRun: full.isDryRun });
}

async function withSite<T>(fn: (site: TestSite) => Promise<T>): Promise<T> {
  const site = await createTestSite();
  try {
    return await fn(site);
  } finally {
    await site.cleanup();
  }
}

const REPORT = paragraphsOf(`港湾施設を視察し、関係者と意見を交わした。

1 視察の概要

(1)老朽化した岸壁の改修計画について説明を受けた。

(2)[資料](files/port.pdf)`).replace('[資料](files/port.pdf)', '<a href="files/port.pdf">視察資料(PDF)</a>');

const seedSkip = skipUnlessShared(SEED_URL, 'the shared seed pages (../shared/seeds)');

test('imports the seed page saved in Shift_JIS with its title, date and outline, and nothing of the site around it', { skip: seedSkip }, async () => {
  const seed = seedParts();
  const bodyHtml = paragraphsOf(seed.body).replace('ファクトシート(PDF)', '<a href="/files/factsheet.pdf">ファクトシート(PDF)</a>');
  const html = landmarkPage({ title: seed.title, bodyHtml, charset: 'Shift_JIS' });
  const root = savedSite('seed', {
    'activity/2013/11/1102.html': encodeLegacy(html, 'shift_jis'),
    'files/factsheet.pdf': await makePdf(4),
  });
  await withSite(async (site) => {
    const summary = await importSite(site, root, { baseUrl: 'https://old.example.jp/' });
    assert.equal(summary.created, 1, JSON.stringify(summary));
    const report = await findReportBySlug(site.db, summary.written[0]!.path.split('/')[2]!);
    assert.ok(report);
    assert.equal(report.title, seed.title);
    assert.equal(report.activityDate, '2013-11-02');
    const expected = render(seed.body).outline;
    assert.equal(expected.filter((e) => e.depth === 1).length, 7);
    assert.deepEqual(report.outline, expected);
    // Same text as the seed's body, so the same sections, (1)(2)… items and line breaks.
    assert.equal(report.bodySource.replace(/\[(ファクトシート\(PDF\))\]\(media:\d+\)/, '$1'), seed.body.trim());
    const items = (html: string) => html.match(/<li\b/g)?.length ?? 0;
    assert.equal(items(report.bodyHtml), items(render(seed.body).html));
    for (const word of [...CHROME_WORDS, '活動報告']) assert.ok(!report.bodySource.includes(word), `「${word}」 leaked into the body`);
    assert.deepEqual(
      report.attachments.map((a) => [a.label, a.mime, a.pages]),
      [['ファクトシート(PDF)', 'application/pdf', 4]],
    );
    assert.match((await findRedirect(site.db, '/files/factsheet.pdf')) ?? '', /^\/media\/[0-9a-f]{64}\/factsheet\.pdf$/);
  });
});

test('imports UTF-8, Shift_JIS and EUC-JP pages of both layouts, skipping a list page with its reason', async () => {
  const page = (title: string, date: string, layout = landmarkPage) => layout({ title, dateLine: date, bodyHtml: REPORT });
  const list = landmarkPage({
    title: '活動報告一覧',
    bodyHtml: `<ul>${[1, 2, 3].map((n) => `<li>2013年10月${n}日 <a href="/a/${n}.html">報告${n}</a></li>`).join('')}</ul>`,
  });
  const root = savedSite('encodings', {
    'a/utf8.html': page('港湾視察UTF8', '2024年5月1日'),
    'a/sjis.htm': encodeLegacy(page('港湾視察シフトJIS', '令和6年5月2日', tablePage), 'shift_jis'),
    'a/euc.html': encodeLegacy(page('港湾視察EUC', '2024/05/03'), 'euc-jp'),
    'a/index.html': list,
    'a/notes.txt': 'not a page',
  });
  await withSite(async (site) => {
    const summary = await importSite(site, root);
    assert.equal(summary.created, 3);
    assert.deepEqual(
      summary.skipped.map((s) => [s.label, /活動報告ではありません: 日付付きのリンクが/.test(s.reason)]),
      [['a/index.html', true]],
    );
    const reports = (await listReports(site.db, { status: 'published' }, { offset: 0, limit: 10 })).items;
    assert.deepEqual(reports.map((r) => [r.title, r.activityDate]).sort(), [
      ['港湾視察EUC', '2024-05-03'],
      ['港湾視察UTF8', '2024-05-01'],
      ['港湾視察シフトJIS', '2024-05-02'],
    ]);
  });
});

test('a second run leaves every page unchanged, and a changed page updates its report in place', async () => {
  const root = savedSite('rerun', {
    'r/1.html': landmarkPage({ title: '港湾視察', dateLine: '2024年5月1日', bodyHtml: REPORT }),
    'files/port.pdf': await makePdf(1),
  });
  await withSite(async (site) => {
    const first = await importSite(site, root, { baseUrl: 'https://old.example.jp/' });
    const second = await importSite(site, root, { baseUrl: 'https://old.example.jp/' });
    assert.deepEqual([first.created, second.created, second.updated, second.unchanged], [1, 0, 0, 1]);
    writeFileSync(join(root, 'r/1.html'), landmarkPage({ title: '港湾視察(追記)', dateLine: '2024年5月1日', bodyHtml: REPORT }));
    const third = await importSite(site, root, { baseUrl: 'https://old.example.jp/' });
    assert.equal(third.updated, 1);
    assert.equal(third.written[0]!.path, first.written[0]!.path);
    const all = await listReports(site.db, {}, { offset: 0, limit: 10 });
    assert.equal(all.total, 1);
    assert.equal(all.items[0]!.title, '港湾視察(追記)');
  });
});

test('a dry run writes no report, no redirect and no media file', async () => {
  const root = savedSite('dry', {
    'r/1.html': landmarkPage({ title: '港湾視察', dateLine: '2024年5月1日', bodyHtml: REPORT }),
    'r/files/port.pdf': await makePdf(1),
  });
  await withSite(async (site) => {
    const summary = await importSite(site, root, { baseUrl: 'https://old.example.jp/', isDryRun: true });
    assert.equal(summary.created, 1);
    assert.equal((await listReports(site.db, {}, { offset: 0, limit: 10 })).total, 0);
    assert.deepEqual(await site.db.selectFrom('redirects').selectAll().execute(), []);
    assert.deepEqual(await site.db.selectFrom('media').selectAll().execute(), []);
    assert.ok(!existsSync(join(site.dataDir, 'media')) || readdirSync(join(site.dataDir, 'media')).length === 0);
  });
});

test('one broken file fails alone while the others are imported', async () => {
  const root = savedSite('broken', {
    'a/good.html': landmarkPage({ title: '港湾視察', dateLine: '2024年5月1日', bodyHtml: REPORT }),
    'a/empty.html': '',
    'a/binary.html': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    'a/impossible.html': landmarkPage({ title: '日付の誤り', dateLine: '2013年2月30日', bodyHtml: '<p>本文です。</p>' }),
  });
  await withSite(async (site) => {
    const summary = await importSite(site, root);
    assert.equal(summary.created, 1);
    assert.deepEqual(
      summary.failed.map((f) => f.label),
      ['a/binary.html', 'a/empty.html'],
    );
    assert.deepEqual(
      summary.failed.map((f) => f.reason),
      ['バイナリファイルです。保存したページではありません', '空のファイルです'],
    );
    assert.deepEqual(
      summary.skipped.map((s) => s.label),
      ['a/impossible.html'],
    );
    assert.match(summary.skipped[0]!.reason, /日付が見つかりません/);
  });
});

test('keeps a link to an attachment that was not saved pointing at the old site, with a warning', async () => {
  const root = savedSite('missing', { 'r/1.html': landmarkPage({ title: '港湾視察', dateLine: '2024年5月1日', bodyHtml: REPORT }) });
  await withSite(async (site) => {
    const summary = await importSite(site, root, { baseUrl: 'https://old.example.jp/' });
    assert.deepEqual(summary.media, { stored: 0, missing: 1 });
    assert.deepEqual(
      summary.warnings.map((w) => [w.label, w.reason]),
      [['https://old.example.jp/r/files/port.pdf', 'ページと一緒に保存されていません。リンクは旧アドレス https://old.example.jp/r/files/port.pdf のままです']],
    );
    const report = await findReportBySlug(site.db, summary.written[0]!.path.split('/')[2]!);
    assert.ok(report?.bodySource.includes('[視察資料(PDF)](https://old.example.jp/r/files/port.pdf)'), report?.bodySource);
  });
});

test('old page addresses answer 301 to the imported report through the web app', async () => {
  const root = savedSite('redirects', {
    'activity/2013/1102.html': landmarkPage({ title: '港湾視察', dateLine: '2013年11月2日', bodyHtml: REPORT }),
    '活動/index.html': landmarkPage({ title: '街頭演説', dateLine: '2013年11月3日', bodyHtml: '<p>駅前で演説した。</p>' }),
    'b.html': landmarkPage({ title: '勉強会', dateLine: '2013年11月4日', bodyHtml: '<p>勉強会を開いた。</p>', canonical: 'https://old.example.jp/blog/b' }),
  });
  const t = await createTestApp();
  try {
    const withBase = await importSite(t.site, join(root, 'activity'), { baseUrl: 'https://old.example.jp/activity/' });
    const japanese = await importSite(t.site, join(root, '活動'), { baseUrl: 'https://old.example.jp/活動/' });
    const canonical = await importSite(t.site, join(root, 'b.html'));
    for (const [url, summary] of [
      ['/activity/2013/1102.html', withBase],
      [`/${encodeURIComponent('活動')}/index.html`, japanese],
      [`/${encodeURIComponent('活動')}/`, japanese],
      ['/blog/b', canonical],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 301, url);
      assert.equal(response.headers.location, summary.written[0]!.path, url);
      const page = await t.app.inject({ method: 'GET', url: response.headers.location as string });
      assert.equal(page.statusCode, 200, url);
    }
  } finally {
    await t.close();
  }
});

test('turns links to other pages of the old site into site paths, which their redirects answer', async () => {
  const bodyHtml = '<p>港湾施設を視察した。<a href="../2013/1001.html">前回の視察</a>、<a href="https://www.example.org/x">港湾局</a></p>';
  const root = savedSite('links', { 'activity/2014/0501.html': landmarkPage({ title: '港湾視察', dateLine: '2014年5月1日', bodyHtml }) });
  await withSite(async (site) => {
    const summary = await importSite(site, root, { baseUrl: 'https://old.example.jp/' });
    const report = await findReportBySlug(site.db, summary.written[0]!.path.split('/')[2]!);
    assert.ok(report?.bodySource.includes('[前回の視察](/activity/2013/1001.html)'), report?.bodySource);
    assert.ok(report?.bodySource.includes('[港湾局](https://www.example.org/x)'), report?.bodySource);
  });
});

test('two pages sharing one canonical URL become two reports, the later one without a redirect', async () => {
  const canonical = 'https://old.example.jp/top.html';
  const root = savedSite('shared-canonical', {
    'a.html': landmarkPage({ title: '港湾視察', dateLine: '2024年5月1日', bodyHtml: '<p>港湾を視察した。</p>', canonical }),
    'b.html': landmarkPage({ title: '街頭演説', dateLine: '2024年5月2日', bodyHtml: '<p>駅前で演説した。</p>', canonical }),
  });
  await withSite(async (site) => {
    const first = await importSite(site, root);
    const second = await importSite(site, root);
    assert.deepEqual([first.created, second.unchanged], [2, 2]);
    assert.ok(first.warnings.some((w) => w.label === 'b.html' && /canonical URL is also that of \/top\.html/.test(w.reason)));
    assert.deepEqual(
      (await site.db.selectFrom('redirects').select(['from_path', 'to_path']).execute()).map((r) => r.from_path),
      ['/top.html'],
    );
  });
});

test('finds a file linked from the site root under --root, and a photo beside the page', async () => {
  const bodyHtml = '<p>港湾施設を視察した。<a href="/files/port.pdf">視察資料</a></p><p><img src="photo.png" alt="岸壁の様子"></p>';
  const root = savedSite('rooted', {
    'pages/2024/0501.html': landmarkPage({ title: '港湾視察', dateLine: '2024年5月1日', bodyHtml }),
    'pages/2024/photo.png': await makeImage('png', 40, 30),
    'files/port.pdf': await makePdf(2),
  });
  await withSite(async (site) => {
    const summary = await importSite(site, join(root, 'pages'), { root, baseUrl: 'https://old.example.jp/pages/' });
    assert.deepEqual([summary.created, summary.media], [1, { stored: 2, missing: 0 }], JSON.stringify(summary.warnings));
    const report = await findReportBySlug(site.db, summary.written[0]!.path.split('/')[2]!);
    // The photo stands in the text as an inline figure (not in the attachment list).
    assert.deepEqual(
      report?.attachments.map((a) => [a.label, a.mime]),
      [['視察資料', 'application/pdf']],
    );
    assert.match(report!.bodySource, /\n\n!\[岸壁の様子\]\(media:\d+\)$/);
    const media = await site.db.selectFrom('media').select(['original_name', 'alt_text']).orderBy('id').execute();
    assert.deepEqual(
      media.map((m) => [m.original_name, m.alt_text]),
      [
        ['port.pdf', '視察資料'],
        ['photo.png', '岸壁の様子'],
      ],
    );
  });
});

test('reads a WordPress theme page: the date of its <time> and no meta line, categories or share buttons', async () => {
  const html = `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>港湾視察 &#8211; 試験花子公式サイト</title></head>
<body class="single"><div id="page"><header id="masthead" class="site-header"><p class="site-title">試験花子公式サイト</p></header>
<div id="content" class="site-content"><div id="primary"><main id="main" class="site-main">
<article id="post-12" class="post-12 post type-post"><header class="entry-header"><h1 class="entry-title">港湾視察</h1>
<div class="entry-meta"><span class="posted-on"><a href="/2024/05/01/port/" rel="bookmark"><time class="entry-date published" datetime="2024-05-01T10:00:00+09:00">2024年5月1日</time></a></span></div></header>
<div class="entry-content"><p>港湾施設を視察した。</p></div>
<footer class="entry-footer"><span class="cat-links">カテゴリー: <a href="/category/local/">地元活動</a></span></footer></article>
<nav class="navigation post-navigation"><a href="/2024/04/20/x/">前の投稿</a></nav></main></div>
<aside id="secondary" class="widget-area"><section class="widget">最近の投稿</section></aside></div>
<footer id="colophon">著作権表示</footer></div></body></html>`;
  const root = savedSite('wordpress', { '2024/05/01/port/index.html': html });
  await withSite(async (site) => {
    const summary = await importSite(site, root, { baseUrl: 'https://old.example.jp/' });
    const report = await findReportBySlug(site.db, summary.written[0]!.path.split('/')[2]!);
    assert.equal(report?.title, '港湾視察');
    assert.equal(report?.activityDate, '2024-05-01');
    assert.equal(report?.bodySource, '港湾施設を視察した。');
    assert.equal(await findRedirect(site.db, '/2024/05/01/port/'), summary.written[0]!.path);
  });
});

test('skips a page with nothing but its title and date', async () => {
  const root = savedSite('title-only', {
    'a.html': landmarkPage({ title: '港湾視察', dateLine: '2024年5月1日', bodyHtml: '<p> </p><div class="share">このページを共有</div>' }),
  });
  await withSite(async (site) => {
    const summary = await importSite(site, root);
    assert.deepEqual(
      summary.skipped.map((s) => s.reason),
      ['活動報告ではありません: タイトルのほかに本文がありません'],
    );
  });
});
