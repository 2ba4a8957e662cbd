// A whole WordPress site (test/fixtures/wordpress-site.xml, our own export): titles of any
// length WordPress accepts, pages as fixed pages with their tree and old addresses,
// password-protected posts and pages that must never leak, the blog's name, tagline, menu
// and profile page as settings, files taken back when their post fails.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '../../src/domain/report-rules.js';
import { EMPTY_SETTINGS } from '../../src/domain/settings.js';
import { runImport, type ImportSummary } from '../../src/importers/import-run.js';
import { wxrImportItems } from '../../src/importers/wxr/import-wxr.js';
import { findImportSource, findPageImportSource } from '../../src/store/import-sources.js';
import { getPage, pageSlugPath } from '../../src/store/pages.js';
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

async function pageOf(t: TestApp, postId: number) {
  const source = await findPageImportSource(t.site.db, 'wxr', `${SITE}#${postId}`);
  return source ? getPage(t.site.db, source.pageId) : undefined;
}

async function pathOfPage(t: TestApp, postId: number): Promise<string> {
  return `/${(await pageSlugPath(t.site.db, (await pageOf(t, postId))!.id)).map(encodeURIComponent).join('/')}/`;
}

function fixtureTitle(postId: number): string {
  const text = readFileSync(FIXTURE, 'utf8');
  const at = text.indexOf(`<wp:post_id>${postId}</wp:post_id>`);
  const start = text.lastIndexOf('<title><![CDATA[', at);
  return text.slice(start + '<title><![CDATA['.length, text.indexOf(']]></title>', start));
}

describe("the project's WordPress site export", () => {
  let t: TestApp;
  let summary: ImportSummary;
  before(async () => {
    t = await createTestApp();
    summary = await runImport(t.site, wxrImportItems(t.site, FIXTURE), { kind: 'wxr' });
  });
  after(() => t.close());

  test('imports every post and page, none failed', () => {
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.created, 5);
    // 7 fixed pages and the profile page, whose text became the profile.
    assert.deepEqual(summary.pages, { created: 8, updated: 0, unchanged: 0 });
    assert.deepEqual(
      summary.skipped.map((s) => [s.label, s.reason]),
      [[`${SITE}/?page_id=209`, 'WordPress のゴミ箱にあるページです']],
    );
  });

  test('imports pages with their tree, Japanese slugs and order, a child listed before its parent under it', async () => {
    assert.ok(!summary.warnings.some((w) => /はこのサイトのページのアドレスなので/.test(w.reason)), "a page's own old address is no other page's");
    const policy = (await pageOf(t, 201))!;
    assert.deepEqual([policy.title, policy.slug, policy.parentId, policy.status], ['政策', '政策', null, 'published']);
    const childcare = (await pageOf(t, 202))!;
    const education = (await pageOf(t, 206))!;
    assert.deepEqual([childcare.slug, childcare.parentId, childcare.position], ['子育て支援', policy.id, 2]);
    assert.deepEqual([education.slug, education.parentId, education.position], ['kyoiku', policy.id, 1]);
    const page = await t.app.inject({ method: 'GET', url: '/政策/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /三つの柱で取り組みます。/);
    // Children in their WordPress order.
    const body = page.body.slice(page.body.lastIndexOf('三つの柱で取り組みます。'));
    assert.ok(body.indexOf('教育') >= 0 && body.indexOf('教育') < body.indexOf('子育て支援'), 'children in menu_order');
    const child = await t.app.inject({ method: 'GET', url: encodeURI('/政策/子育て支援/') });
    assert.equal(child.statusCode, 200);
    assert.match(child.body, /保育の受け皿を広げます。/);
  });

  test('gives a reserved slug a safe variant and puts a page whose parent is gone at the top, each with a warning', async () => {
    const search = (await pageOf(t, 207))!;
    assert.deepEqual([search.slug, search.parentId], ['search-2', null]);
    assert.ok(summary.warnings.some((w) => w.label === `${SITE}/search/` && /URL 名「search」は予約済みか使用中です。ページは「search-2」にあります/.test(w.reason)));
    const orphan = (await pageOf(t, 208))!;
    assert.deepEqual([orphan.slug, orphan.parentId, orphan.status], ['orphan', null, 'published']);
    assert.ok(summary.warnings.some((w) => w.label === `${SITE}/old-parent/orphan/` && /親ページ\(ID 299\)がエクスポートにない/.test(w.reason)));
    assert.equal(await pageOf(t, 209), undefined, 'a trashed page is not imported');
  });

  test('every old page address answers 301 with the new page address', async () => {
    const cases: [string, number][] = [
      ['/?page_id=201', 201],
      ['/?page_id=202', 202],
      ['/?p=202', 202],
      ['/?page_id=206', 206],
      ['/search/', 207],
      ['/?page_id=207', 207],
      ['/old-parent/orphan/', 208],
      ['/?page_id=205', 205],
    ];
    for (const [url, postId] of cases) {
      const response = await t.app.inject({ method: 'GET', url: encodeURI(url) });
      assert.equal(response.statusCode, 301, url);
      assert.equal(response.headers.location, await pathOfPage(t, postId), url);
      assert.equal((await t.app.inject({ method: 'GET', url: String(response.headers.location) })).statusCode, 200, url);
    }
    for (const url of ['/?page_id=203', '/?p=203']) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 301, url);
      assert.equal(response.headers.location, '/profile/');
    }
  });

  test("keeps a page's headings and table as the text format writes them", async () => {
    const office = (await pageOf(t, 205))!;
    assert.equal(office.slug, '事務所案内');
    assert.equal(
      office.bodySource,
      '【事務所のご案内】\n\n地元事務所は駅から歩いて五分です。\n\n■ 受付時間\n\n| 曜日 | 時間 |\n| --- | --- |\n| 月〜金 | 9時〜18時 |\n| 土 | 10時〜15時 |',
    );
    const page = await t.app.inject({ method: 'GET', url: encodeURI('/事務所案内/') });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<th[^>]*>曜日<\/th>/);
  });

  test('a post keeps its headings, its image in place and its table', async () => {
    const report = (await reportOf(t, 105))!;
    assert.equal(
      report.bodySource,
      [
        '港湾施設を視察しました。',
        '【視察の概要】',
        '老朽化した岸壁を見て回りました。',
        // Without --uploads the file is not here: a link to the old file, in its place.
        '[ひび割れた岸壁](https://old.example.jp/wp-content/uploads/2024/05/gampeki-300x200.png)',
        '補修が必要な岸壁',
        '関係者から説明を受けました。',
        '■ 意見交換',
        '| 項目 | 内容 |\n| --- | --- |\n| 岸壁 | 補修計画を前倒し |\n| 水路 | 点検を年二回に |',
      ].join('\n\n'),
    );
  });

  test('stores a 211- and a 300-character title in full and cuts only what the page head shows', async () => {
    for (const [postId, length] of [
      [102, 211],
      [103, 300],
    ] as const) {
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

  test('imports a password-protected post and page as drafts, each with a warning', async () => {
    const report = await reportOf(t, 104);
    assert.equal(report?.status, 'draft');
    assert.ok(summary.warnings.some((w) => w.label === `${SITE}/members-only/` && /パスワード保護.*下書きとして/.test(w.reason)));
    const page = await pageOf(t, 204);
    assert.equal(page?.status, 'draft');
    assert.ok(page?.bodySource.includes('名簿はこちら'), 'its text is kept');
    assert.ok(summary.warnings.some((w) => w.label === `${SITE}/members/` && /パスワード保護.*下書きのページとして/.test(w.reason)));
  });

  test('the protected text appears on no public page, feed, sitemap, API answer or search result', async () => {
    const report = await reportOf(t, 104);
    const page = (await pageOf(t, 204))!;
    const urls = new Set([
      '/?page_id=204',
      `/api/v1/pages/${page.id}`,
      await pathOfPage(t, 204),
      `/search?q=${MARKER}&kind=page`,
      `/search?q=${encodeURIComponent('名簿')}&kind=page`,
      `/api/v1/search?q=${encodeURIComponent('名簿')}`,
      '/政策/',
      '/api/v1/pages?page=2',
      '/',
      '/activity/',
      '/activity/2024/',
      '/activity/2024/05/',
      '/category/kokkai/',
      '/profile/',
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      '/sitemap.xml',
      '/opensearch.xml',
      '/api/v1/reports',
      `/api/v1/reports/${report!.id}`,
      `/activity/${report!.slug}/`,
      '/members-only/',
      '/members/',
      `/search?q=${MARKER}`,
      `/api/v1/search?q=${MARKER}`,
      `/search?q=${encodeURIComponent('合言葉')}`,
      `/api/v1/search?q=${encodeURIComponent('後援会')}`,
      '/api/v1/pages',
    ]);
    const sitemap = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    for (const m of sitemap.body.matchAll(/<loc>https:\/\/www\.example\.jp([^<]*)<\/loc>/g)) urls.add(m[1]!.replace(/&amp;/g, '&'));
    assert.ok(urls.size > 30, String(urls.size));
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
    // Entries for imported pages link to them by id.
    const [policy, childcare, office] = [(await pageOf(t, 201))!, (await pageOf(t, 202))!, (await pageOf(t, 205))!];
    assert.deepEqual(settings.navigation, [
      { label: '政策', url: await pathOfPage(t, 201), pageId: policy.id, children: [{ label: '子育て支援', url: await pathOfPage(t, 202), pageId: childcare.id }] },
      { label: '議員紹介', url: '/profile/' },
      { label: '衆議院', url: 'https://www.shugiin.go.jp/' },
      { label: '事務所案内', url: await pathOfPage(t, 205), pageId: office.id },
    ]);
    assert.deepEqual(summary.settings, ['profileSource', 'legislatorName', 'siteDescription', 'navigation']);
    assert.ok(!summary.warnings.some((w) => /2段より深い/.test(w.reason)));
    assert.ok(summary.warnings.some((w) => /国会活動.*アーカイブは、このサイトにはありません/.test(w.reason)));
    const home = await t.app.inject({ method: 'GET', url: '/' });
    assert.match(home.body, /<title>山川さくら 公式サイト<\/title>/);
    assert.ok(home.body.includes(`href="${await pathOfPage(t, 205)}"`), 'the menu links to the imported page');
  });

  test("fills the empty profile with the profile page's text, and its old address leads to /profile/", async () => {
    assert.equal((await getSettings(t.site.db)).profileSource, '1975年生まれ。');
    assert.equal(await pageOf(t, 203), undefined);
    const response = await t.app.inject({ method: 'GET', url: '/?page_id=203' });
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, '/profile/');
    assert.match((await t.app.inject({ method: 'GET', url: '/profile/' })).body, /1975年生まれ。/);
  });

  test('a second run leaves everything unchanged', async () => {
    const pages = await t.site.db
      .selectFrom('pages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await runImport(t.site, wxrImportItems(t.site, FIXTURE), { kind: 'wxr' });
    assert.equal(again.unchanged, 5);
    assert.deepEqual(again.pages, { created: 0, updated: 0, unchanged: 8 });
    assert.deepEqual(again.settings, []);
    const after = await t.site.db
      .selectFrom('pages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(pages.n));
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
    // The profile page is kept as a draft page: the site has no profile text yet here, so it fills that.
    assert.deepEqual(summary.settings, ['profileSource', 'siteDescription']);
  } finally {
    await t.close();
  }
});

test('a dry run fills in no settings', async () => {
  const t = await createTestApp();
  try {
    const summary = await runImport(t.site, wxrImportItems(t.site, FIXTURE, { isDryRun: true }), { kind: 'wxr', isDryRun: true });
    assert.deepEqual(summary.settings, ['profileSource', 'legislatorName', 'siteDescription', 'navigation']);
    assert.deepEqual(await getSettings(t.site.db), EMPTY_SETTINGS);
    assert.equal((await t.site.db.selectFrom('pages').select('id').execute()).length, 0);
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
      assert.deepEqual(
        summary.failed.map((f) => f.label),
        [`${SITE}/p1/`, `${SITE}/p2/`, `${SITE}/p4/`],
      );
      const media = await t.site.db.selectFrom('media').select('original_name').orderBy('original_name').execute();
      assert.deepEqual(
        media.map((m) => m.original_name),
        ['a.pdf', 'c.pdf'],
      );
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
