// A whole WordPress site (test/fixtures/wordpress-site.xml, our own export): titles of any
// length WordPress accepts, password-protected posts that must never leak, the blog's name,
// tagline and menu as settings, files taken back when their post fails.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '../../src/domain/report-rules.js';
import { EMPTY_SETTINGS } from '../../src/domain/settings.js';
import { runImport, type ImportSummary } from '../../src/importers/import-run.js';
import { wxrImportItems } from '../../src/importers/wxr/import-wxr.js';
import { findImportSource } from '../../src/store/import-sources.js';
import { findEditableReport } from '../../src/store/reports.js';
import { getSettings } from '../../src/store/settings.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { setSettings } from '../support/factories.js';
import { makePdf } from '../support/media-fixtures.js';

const FIXTURE = new URL('../fixtures/wordpress-site.xml', import.meta.url).pathname;
const SITE = 'https://old.example.jp';
const MARKER = 'ZQXJWV';
/** Text only the password-protected post and page hold. */
const PROTECTED = [MARKER, '合言葉', '総会の日程', '名簿はこちら', '後援会会員限定'];

async function reportOf(t: TestApp, postId: number) {
  const source = await findImportSource(t.site.db, 'wxr', `${SITE}#${postId}`);
  return source ? findEditableReport(t.site.db, source.reportId) : undefined;
}

function fixtureTitle(postId: number): string {
  const text = readFileSync(FIXTURE, 'utf8');
  const at = text.indexOf(`<wp:post_id>${postId}</wp:post_id>`);
  const start = text.lastIndexOf('<title><![CDATA[', at);
  return text.slice(start + '<title><![CDATA['.length, text.indexOf(']]></title>', start));
}

describe('the project\'s WordPress site export', () => {
  let t: TestApp;
  let summary: ImportSummary;
  before(async () => {
    t = await createTestApp();
    summary = await runImport(t.site, wxrImportItems(t.site, FIXTURE), { kind: 'wxr' });
  });
  after(() => t.close());

  test('imports every post, none failed', () => {
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.created, 4);
  });

  test('stores a 211- and a 300-character title in full and cuts only what the page head shows', async () => {
    for (const [postId, length] of [[102, 211], [103, 300]] as const) {
      const wanted = fixtureTitle(postId).replace(/\s+/g, ' ').trim();
      assert.equal([...fixtureTitle(postId)].length, length);
      const report = await reportOf(t, postId);
      assert.equal(report?.title, wanted);
      assert.ok([...wanted].length > LIMITS.titleChars);
      const page = await t.app.inject({ method: 'GET', url: `/activity/${report!.slug}/` });
      assert.equal(page.statusCode, 200);
      const head = /<title>([^<]*)<\/title>/.exec(page.body)![1]!;
      const shown = head.split(' | ')[0]!;
      assert.ok([...shown].length <= 60, head);
      assert.ok(shown.endsWith('…'));
      assert.ok(wanted.startsWith(shown.slice(0, -1).trimEnd()));
      const og = /<meta property="og:title" content="([^"]*)"/.exec(page.body)![1]!;
      assert.equal(og, shown);
      // The page itself shows the whole title.
      assert.ok(page.body.includes(`>${wanted}<`) || page.body.includes(wanted));
    }
  });

  test('the old address of a post with a 200-character slug answers 301', async () => {
    const report = await reportOf(t, 103);
    const text = readFileSync(FIXTURE, 'utf8');
    const slug = /<wp:post_name><!\[CDATA\[([^\]]{200})\]\]><\/wp:post_name>/.exec(text)![1]!;
    const response = await t.app.inject({ method: 'GET', url: `/${slug}/` });
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, `/activity/${report!.slug}/`);
  });

  test('imports a password-protected post as a draft with a warning and skips such a page', async () => {
    const report = await reportOf(t, 104);
    assert.equal(report?.status, 'draft');
    assert.ok(summary.warnings.some((w) => w.label === `${SITE}/members-only/` && /password-protected.*draft/.test(w.reason)));
    assert.ok(summary.skipped.some((s) => s.label === `${SITE}/members/` && /password-protected/.test(s.reason)));
  });

  test('the protected text appears on no public page, feed, sitemap, API answer or search result', async () => {
    const report = await reportOf(t, 104);
    const urls = new Set([
      '/', '/activity/', '/activity/2024/', '/activity/2024/05/', '/category/kokkai/', '/profile/', '/feed.xml', '/atom.xml', '/feed.json',
      '/sitemap.xml', '/opensearch.xml', '/api/v1/reports', `/api/v1/reports/${report!.id}`, `/activity/${report!.slug}/`, '/members-only/', '/members/',
      `/search?q=${MARKER}`, `/api/v1/search?q=${MARKER}`, `/search?q=${encodeURIComponent('合言葉')}`, `/api/v1/search?q=${encodeURIComponent('後援会')}`,
      '/api/v1/pages',
    ]);
    const sitemap = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    for (const m of sitemap.body.matchAll(/<loc>https:\/\/www\.example\.jp([^<]*)<\/loc>/g)) urls.add(m[1]!.replace(/&amp;/g, '&'));
    assert.ok(urls.size > 22);
    for (const url of urls) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.ok(response.statusCode < 500, `${url}: ${response.statusCode}`);
      // A search page shows its own query; every other protected word must be absent.
      const query = new URL(url, 'http://x').searchParams.get('q') ?? '';
      for (const word of PROTECTED.filter((w) => w !== query)) assert.ok(!response.body.includes(word), `${url} shows the protected text (${word})`);
    }
  });

  test('takes the blog name, tagline and menu (one level of nesting) as settings of an empty site', async () => {
    const settings = await getSettings(t.site.db);
    assert.equal(settings.legislatorName, '山川さくら');
    assert.equal(settings.siteDescription, '衆議院議員 山川さくらの活動報告');
    assert.deepEqual(settings.navigation, [
      { label: '政策', url: '/政策/', children: [{ label: '子育て支援', url: '/子育て支援/' }] },
      { label: '議員紹介', url: '/profile/' },
      { label: '衆議院', url: 'https://www.shugiin.go.jp/' },
    ]);
    assert.deepEqual(summary.settings, ['legislatorName', 'siteDescription', 'navigation']);
    assert.ok(!summary.warnings.some((w) => /nested deeper/.test(w.reason)));
    assert.ok(summary.warnings.some((w) => /国会活動.*category archive/.test(w.reason)));
    const home = await t.app.inject({ method: 'GET', url: '/' });
    assert.match(home.body, /<title>山川さくら 公式サイト<\/title>/);
  });

  test('a second run leaves everything unchanged', async () => {
    const again = await runImport(t.site, wxrImportItems(t.site, FIXTURE), { kind: 'wxr' });
    assert.equal(again.unchanged, 4);
    assert.deepEqual(again.settings, []);
  });
});

test('never overwrites site settings the owner has set', async () => {
  const t = await createTestApp();
  try {
    await setSettings(t.site, { ...EMPTY_SETTINGS, legislatorName: '川村 はるか', navigation: [{ label: 'お知らせ', url: '/activity/' }] });
    const summary = await runImport(t.site, wxrImportItems(t.site, FIXTURE), { kind: 'wxr' });
    const settings = await getSettings(t.site.db);
    assert.equal(settings.legislatorName, '川村 はるか');
    assert.deepEqual(settings.navigation, [{ label: 'お知らせ', url: '/activity/' }]);
    assert.equal(settings.siteDescription, '衆議院議員 山川さくらの活動報告');
    assert.deepEqual(summary.settings, ['siteDescription']);
  } finally {
    await t.close();
  }
});

test('a dry run fills in no settings', async () => {
  const t = await createTestApp();
  try {
    const summary = await runImport(t.site, wxrImportItems(t.site, FIXTURE, { isDryRun: true }), { kind: 'wxr', isDryRun: true });
    assert.deepEqual(summary.settings, ['legislatorName', 'siteDescription', 'navigation']);
    assert.deepEqual(await getSettings(t.site.db), EMPTY_SETTINGS);
  } finally {
    await t.close();
  }
});

describe('files of a post that fails', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'katsudo-wxr-discard-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function exportWith(items: string): string {
    const text = readFileSync(FIXTURE, 'utf8');
    const head = text.slice(0, text.indexOf('\t<item>'));
    return `${head}${items}</channel>\n</rss>\n`;
  }

  function post(id: number, date: string, content: string): string {
    return `<item><title>投稿${id}</title><link>${SITE}/p${id}/</link><guid isPermaLink="false">${SITE}/?p=${id}</guid>
      <content:encoded><![CDATA[${content}]]></content:encoded><wp:post_id>${id}</wp:post_id>
      <wp:post_date><![CDATA[${date}]]></wp:post_date><wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
      <wp:post_name>p${id}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type></item>\n`;
  }

  test('are removed again, whether the post fails in the reader or in the writer, unless another post uses them', async () => {
    const t = await createTestApp();
    try {
      const uploads = join(dir, 'uploads');
      mkdirSync(join(uploads, '2024/05'), { recursive: true });
      writeFileSync(join(uploads, '2024/05/a.pdf'), await makePdf(1));
      writeFileSync(join(uploads, '2024/05/b.pdf'), await makePdf(2));
      writeFileSync(join(uploads, '2024/05/c.pdf'), await makePdf(3));
      const link = (name: string) => `<a href="${SITE}/wp-content/uploads/2024/05/${name}">資料</a>`;
      const file = join(dir, 'export.xml');
      writeFileSync(
        file,
        exportWith(
          post(1, 'no date', `<p>${link('a.pdf')}</p>`) + // fails in the reader: no date
            post(2, '2024-05-01 10:00:00', `<p>${link('b.pdf')}</p><p>${'長'.repeat(LIMITS.bodyChars + 1)}</p>`) + // fails in the writer: body too long
            post(3, '2024-05-02 10:00:00', `<p>${link('c.pdf')}</p>`) +
            post(4, 'no date', `<p>${link('c.pdf')}</p>`) + // fails, but c.pdf was stored for post 3
            post(5, '2024-05-03 10:00:00', `<p>${link('a.pdf')}</p>`), // stores a.pdf anew
        ),
      );
      const summary = await runImport(t.site, wxrImportItems(t.site, file, { uploadsDir: uploads }), { kind: 'wxr' });
      assert.deepEqual(summary.failed.map((f) => f.label), [`${SITE}/p1/`, `${SITE}/p2/`, `${SITE}/p4/`]);
      const media = await t.site.db.selectFrom('media').select('original_name').orderBy('original_name').execute();
      assert.deepEqual(media.map((m) => m.original_name), ['a.pdf', 'c.pdf']);
      const onDisk = readdirSync(join(t.site.dataDir, 'media'), { recursive: true }).filter((f) => String(f).match(/[0-9a-f]{64}$/));
      assert.equal(onDisk.length, 2);
      // No redirect leads to a file that is gone.
      const b = await t.app.inject({ method: 'GET', url: '/wp-content/uploads/2024/05/b.pdf' });
      assert.equal(b.statusCode, 404);
      const a = await t.app.inject({ method: 'GET', url: '/wp-content/uploads/2024/05/a.pdf' });
      assert.equal(a.statusCode, 301);
      assert.equal((await t.app.inject({ method: 'GET', url: String(a.headers.location) })).statusCode, 200);
    } finally {
      await t.close();
    }
  });
});
