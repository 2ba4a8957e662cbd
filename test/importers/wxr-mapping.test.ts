// What each kind of WordPress item becomes, on small exports written here (WXR 1.1 and 1.2).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runImport, type ImportSummary } from '../../src/importers/import-run.js';
import { wxrImportItems } from '../../src/importers/wxr/import-wxr.js';
import { wpautop } from '../../src/importers/wxr/wpautop.js';
import { findImportSource } from '../../src/store/import-sources.js';
import { findEditableReport } from '../../src/store/reports.js';
import { getSettings } from '../../src/store/settings.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makePdf } from '../support/media-fixtures.js';

const SITE = 'https://old.example.jp';

interface Post {
  id: number;
  title?: string;
  type?: string;
  status?: string;
  slug?: string;
  content?: string;
  excerpt?: string;
  date?: string;
  gmt?: string;
  creator?: string;
  extra?: string;
}

function item(p: Post): string {
  const slug = p.slug ?? `post-${p.id}`;
  return `<item>
    <title><![CDATA[${p.title ?? `投稿${p.id}`}]]></title>
    <link>${SITE}/${slug}/</link>
    <guid isPermaLink="false">${SITE}/?p=${p.id}</guid>
    <dc:creator><![CDATA[${p.creator ?? 'yamakawa'}]]></dc:creator>
    <content:encoded><![CDATA[${p.content ?? '<p>本文です。</p>'}]]></content:encoded>
    <excerpt:encoded><![CDATA[${p.excerpt ?? ''}]]></excerpt:encoded>
    <wp:post_id>${p.id}</wp:post_id>
    <wp:post_date><![CDATA[${p.date ?? '2020-04-01 09:30:00'}]]></wp:post_date>
    <wp:post_date_gmt><![CDATA[${p.gmt ?? '2020-04-01 00:30:00'}]]></wp:post_date_gmt>
    <wp:post_name><![CDATA[${slug}]]></wp:post_name>
    <wp:status><![CDATA[${p.status ?? 'publish'}]]></wp:status>
    <wp:post_parent>0</wp:post_parent>
    <wp:post_type><![CDATA[${p.type ?? 'post'}]]></wp:post_type>
    ${p.extra ?? ''}
  </item>`;
}

function wxr(version: '1.1' | '1.2', posts: Post[]): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/${version}/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/${version}/">
<channel>
  <title>旧サイト</title>
  <wp:wxr_version>${version}</wp:wxr_version>
  <wp:base_site_url>${SITE}</wp:base_site_url>
  <wp:base_blog_url>${SITE}</wp:base_blog_url>
  <wp:author><wp:author_login><![CDATA[yamakawa]]></wp:author_login><wp:author_display_name><![CDATA[山川 さくら]]></wp:author_display_name></wp:author>
  ${posts.map(item).join('\n')}
</channel>
</rss>`;
}

let t: TestApp;
let dir: string;
let summary: ImportSummary;
before(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'katsudo-wxr-map-'));
  const file = join(dir, 'export.xml');
  writeFileSync(
    file,
    wxr('1.1', [
      { id: 1, content: '1 概要\n\n(1)北海道\n漁業関係者と意見交換した。\n\n(2)大臣から説明があった。', excerpt: '<p>北海道での<b>意見交換</b></p>' },
      { id: 2, status: 'draft', gmt: '0000-00-00 00:00:00', date: '2020-05-02 10:00:00' },
      { id: 3, status: 'pending' },
      { id: 4, status: 'future', date: '2030-01-01 09:00:00', gmt: '2030-01-01 00:00:00' },
      { id: 5, status: 'private' },
      { id: 6, status: 'trash' },
      { id: 7, type: 'page', slug: 'about', title: 'プロフィール' },
      { id: 8, type: 'page', slug: 'access', title: '事務所案内' },
      { id: 9, type: 'nav_menu_item' },
      { id: 10, type: 'revision' },
      { id: 11, extra: '<wp:comment><wp:comment_id>1</wp:comment_id></wp:comment><wp:comment><wp:comment_id>2</wp:comment_id></wp:comment>' },
      { id: 12, date: 'not a date', gmt: '0000-00-00 00:00:00' },
      { id: 13, title: '', content: '' },
    ]),
  );
  summary = await runImport(t.site, wxrImportItems(t.site, file), { kind: 'wxr' });
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function reportOf(id: number) {
  const source = await findImportSource(t.site.db, 'wxr', `${SITE}#${id}`);
  return source ? findEditableReport(t.site.db, source.reportId) : undefined;
}

test('reads a WXR 1.1 export and turns classic-editor text into the outline it was written as', async () => {
  const report = (await reportOf(1))!;
  assert.equal(report.bodySource, '1 概要\n\n(1)北海道\n漁業関係者と意見交換した。\n\n(2)大臣から説明があった。');
  assert.deepEqual(
    report.outline.map((o) => o.number),
    ['1', '(1)'],
  );
  assert.equal(report.summary, '北海道での**意見交換**');
  const row = await t.site.db.selectFrom('reports').select('author_name').where('id', '=', report.id).executeTakeFirstOrThrow();
  assert.equal(row.author_name, '山川 さくら');
});

test('keeps drafts, pending and scheduled posts as drafts, saying so for the scheduled one', async () => {
  assert.equal((await reportOf(2))!.status, 'draft');
  assert.equal((await reportOf(2))!.activityDate, '2020-05-02');
  assert.equal((await reportOf(3))!.status, 'draft');
  assert.equal((await reportOf(4))!.status, 'draft');
  assert.ok(summary.warnings.some((w) => w.label === `${SITE}/post-4/` && /WordPress で 2030-01-01 09:00:00 に予約されていました/.test(w.reason)));
});

test('skips private and trashed posts with the reason, imports an ordinary page as a page, and counts what is ignored', async () => {
  assert.equal(await reportOf(5), undefined);
  assert.equal(await reportOf(6), undefined);
  const reasons = new Map(summary.skipped.map((s) => [s.label, s.reason]));
  assert.match(reasons.get(`${SITE}/post-5/`)!, /非公開の投稿です/);
  assert.match(reasons.get(`${SITE}/post-6/`)!, /ゴミ箱/);
  assert.equal(reasons.get(`${SITE}/access/`), undefined);
  assert.equal((await t.app.inject({ method: 'GET', url: '/access/' })).statusCode, 200);
  assert.deepEqual(summary.ignored, { revision: 1, comment: 2 });
  // A menu entry is read for the navigation, not ignored; this one points at nothing.
  assert.ok(summary.warnings.some((w) => /メニュー項目「投稿9」を除きました: 種類「」はこのサイトではリンクできません/.test(w.reason)));
});

test("sends a profile page's old addresses to /profile/", async () => {
  for (const url of ['/about/', '/?page_id=7', '/?p=7']) {
    const response = await t.app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 301, url);
    assert.equal(response.headers.location, '/profile/');
  }
  // The site had no profile text: the page's text became it.
  assert.deepEqual(
    summary.settings.filter((s) => s === 'profileSource'),
    ['profileSource'],
  );
  assert.equal((await getSettings(t.site.db)).profileSource, '本文です。');
  assert.match((await t.app.inject({ method: 'GET', url: '/profile/' })).body, /本文です。/);
});

test('fails a post without a usable date with the reason, and imports an empty untitled post as a draft', async () => {
  assert.deepEqual(
    summary.failed.map((f) => f.label),
    [`${SITE}/post-12/`],
  );
  assert.match(summary.failed[0]!.reason, /投稿の日付が読み取れません/);
  const untitled = (await reportOf(13))!;
  assert.equal(untitled.title, '(無題)');
  assert.equal(untitled.status, 'draft');
});

test('answers ?p=ID and the guid with a 301 to the new report', async () => {
  const report = (await reportOf(11))!;
  const response = await t.app.inject({ method: 'GET', url: '/?p=11' });
  assert.equal(response.statusCode, 301);
  assert.equal(response.headers.location, `/activity/${report.slug}/`);
  assert.equal((await t.app.inject({ method: 'GET', url: '/?p=999' })).statusCode, 200, 'an unknown ?p= is the home page');
});

test('wpautop makes paragraphs and line breaks of classic-editor text and leaves block markup alone', () => {
  assert.equal(wpautop('一行目\n二行目\n\n次の段落'), '<p>一行目<br>\n二行目</p>\n<p>次の段落</p>');
  assert.equal(wpautop('<!-- wp:paragraph -->\n<p>ブロック</p>\n<!-- /wp:paragraph -->'), '<p>ブロック</p>');
  assert.equal(wpautop('<h2>1 見出し</h2>\n<p>本文</p>'), '<h2>1 見出し</h2>\n<p>本文</p>');
});

test('stores an attachment of a page or of no post on its own and redirects its old file address', async () => {
  const other = await createTestApp();
  try {
    const uploads = join(dir, 'uploads');
    mkdirSync(join(uploads, '2020/04'), { recursive: true });
    writeFileSync(join(uploads, '2020/04/leaflet.pdf'), await makePdf(2));
    const file = join(dir, 'page-attachment.xml');
    const attachment = `<wp:attachment_url>${SITE}/wp-content/uploads/2020/04/leaflet.pdf</wp:attachment_url>`;
    writeFileSync(
      file,
      wxr('1.2', [
        { id: 8, type: 'page', slug: 'access' },
        { id: 20, type: 'attachment', status: 'inherit', title: 'チラシ', extra: attachment },
      ]),
    );
    const result = await runImport(other.site, wxrImportItems(other.site, file, { uploadsDir: uploads }), { kind: 'wxr' });
    assert.deepEqual(result.media, { stored: 1, missing: 0 });
    const response = await other.app.inject({ method: 'GET', url: '/wp-content/uploads/2020/04/leaflet.pdf' });
    assert.equal(response.statusCode, 301);
    assert.match(String(response.headers.location), /^\/media\/[0-9a-f]{64}\/leaflet\.pdf$/);
  } finally {
    await other.close();
  }
});
