// WordPress pages on small exports written here: a second run after the old site changed,
// a profile page on a site that already has a profile, and photos in place with --uploads.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { EMPTY_SETTINGS } from '../../src/domain/settings.js';
import { runImport } from '../../src/importers/import-run.js';
import { wxrImportItems } from '../../src/importers/wxr/import-wxr.js';
import { findImportSource, findPageImportSource } from '../../src/store/import-sources.js';
import { getPage } from '../../src/store/pages.js';
import { findEditableReport } from '../../src/store/reports.js';
import { getSettings } from '../../src/store/settings.js';
import { transitionPage } from '../../src/actions/pages/page-transition.js';
import { savePage } from '../../src/actions/pages/save-page.js';
import { createTestApp } from '../support/app.js';
import { addTeam } from '../support/authors.js';
import { setSettings } from '../support/factories.js';
import { makeImage } from '../support/media-fixtures.js';

const SITE = 'https://old.example.jp';
const FIXTURE = new URL('../fixtures/wordpress-site.xml', import.meta.url).pathname;

interface WxrPage {
  id: number;
  title: string;
  slug: string;
  content: string;
  parent?: number;
  status?: string;
}

function exportOf(pages: WxrPage[]): string {
  const items = pages.map(
    (p) => `<item><title><![CDATA[${p.title}]]></title><link>${SITE}/${p.slug}/</link><guid isPermaLink="false">${SITE}/?page_id=${p.id}</guid>
      <content:encoded><![CDATA[${p.content}]]></content:encoded><wp:post_id>${p.id}</wp:post_id>
      <wp:post_date>2024-01-10 10:00:00</wp:post_date><wp:post_date_gmt>2024-01-10 01:00:00</wp:post_date_gmt>
      <wp:post_name>${encodeURIComponent(p.slug)}</wp:post_name><wp:status>${p.status ?? 'publish'}</wp:status><wp:post_parent>${p.parent ?? 0}</wp:post_parent>
      <wp:menu_order>0</wp:menu_order><wp:post_type>page</wp:post_type><wp:post_password></wp:post_password></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>旧サイト</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${SITE}</wp:base_site_url><wp:base_blog_url>${SITE}</wp:base_blog_url>
${items.join('\n')}
</channel></rss>`;
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-wxr-pages-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a second run after the old site changed updates the same pages, never adds copies', async () => {
  const t = await createTestApp();
  try {
    const file = join(dir, 'changed.xml');
    const first = [
      { id: 1, title: '政策', slug: '政策', content: '<p>三つの柱。</p>' },
      { id: 2, title: '教育', slug: '教育', content: '<p>学び直し。</p>', parent: 1 },
    ];
    writeFileSync(file, exportOf(first));
    const once = await runImport(t.site, wxrImportItems(t.site, file), { kind: 'wxr' });
    assert.deepEqual(once.pages, { created: 2, updated: 0, unchanged: 0 });
    writeFileSync(
      file,
      exportOf([
        { ...first[0]!, content: '<p>四つの柱。</p>' },
        { ...first[1]!, status: 'draft' },
      ]),
    );
    const twice = await runImport(t.site, wxrImportItems(t.site, file), { kind: 'wxr' });
    assert.deepEqual(twice.pages, { created: 0, updated: 2, unchanged: 0 });
    assert.equal((await t.site.db.selectFrom('pages').select('id').execute()).length, 2);
    const policy = await getPage(t.site.db, (await findPageImportSource(t.site.db, 'wxr', `${SITE}#1`))!.pageId);
    assert.equal(policy.bodySource, '四つの柱。');
    assert.equal(policy.version, 2);
    assert.match((await t.app.inject({ method: 'GET', url: encodeURI('/政策/') })).body, /四つの柱。/);
    // A page taken back to draft in WordPress is no longer public here either.
    assert.equal((await t.app.inject({ method: 'GET', url: encodeURI('/政策/教育/') })).statusCode, 404);
  } finally {
    await t.close();
  }
});

test('a slug another page of the site already has gets a -2 variant, and a slug is tidied to what the page rules allow, with warnings', async () => {
  const t = await createTestApp();
  try {
    const team = await addTeam(t.site);
    const own = await savePage(t.site, team.editor, { title: '政策', slug: '政策', parentId: null, position: 0, summary: '', bodySource: '事務所が書いた政策。' });
    await transitionPage(t.site, team.editor, 'publish', { pageId: own.id });
    const file = join(dir, 'taken.xml');
    writeFileSync(
      file,
      exportOf([
        { id: 1, title: '政策', slug: '政策', content: '<p>旧サイトの政策。</p>' },
        { id: 2, title: '事務所', slug: 'ＯＦＦＩＣＥ.info', content: '<p>事務所。</p>' },
      ]),
    );
    const summary = await runImport(t.site, wxrImportItems(t.site, file), { kind: 'wxr' });
    assert.deepEqual(summary.failed, []);
    const slugOf = async (id: number) => (await getPage(t.site.db, (await findPageImportSource(t.site.db, 'wxr', `${SITE}#${id}`))!.pageId)).slug;
    assert.equal(await slugOf(1), '政策-2');
    assert.equal(await slugOf(2), 'office-info');
    assert.ok(summary.warnings.some((w) => w.label === `${SITE}/政策/` && /URL 名「政策」は予約済みか使用中です。ページは「政策-2」にあります/.test(w.reason)));
    assert.ok(summary.warnings.some((w) => /URL 名「ＯＦＦＩＣＥ.info」は整えました。ページは「office-info」にあります/.test(w.reason)));
    // The site's own page keeps its address (never a redirect, even once unpublished); the other old address of the imported one leads to its new one.
    assert.match((await t.app.inject({ method: 'GET', url: encodeURI('/政策/') })).body, /事務所が書いた政策。/);
    assert.ok(summary.warnings.some((w) => w.label === `${SITE}/政策/` && w.reason === '旧アドレス /政策/ はこのサイトのページのアドレスなので、転送しません'));
    await transitionPage(t.site, team.editor, 'unpublish', { pageId: own.id });
    assert.equal((await t.app.inject({ method: 'GET', url: encodeURI('/政策/') })).statusCode, 404);
    const old = await t.app.inject({ method: 'GET', url: '/?page_id=1' });
    assert.equal(old.headers.location, `/${encodeURIComponent('政策-2')}/`);
  } finally {
    await t.close();
  }
});

test('a profile page on a site that has a profile text becomes a draft page; its old address still leads to /profile/', async () => {
  const t = await createTestApp();
  try {
    await setSettings(t.site, { ...EMPTY_SETTINGS, profileSource: '事務所が書いた略歴。' });
    const file = join(dir, 'profile.xml');
    writeFileSync(file, exportOf([{ id: 7, title: 'プロフィール', slug: 'profile', content: '<p>旧サイトの略歴。</p>' }]));
    const summary = await runImport(t.site, wxrImportItems(t.site, file), { kind: 'wxr' });
    assert.deepEqual(summary.failed, []);
    assert.equal((await getSettings(t.site.db)).profileSource, '事務所が書いた略歴。');
    const page = await getPage(t.site.db, (await findPageImportSource(t.site.db, 'wxr', `${SITE}#7`))!.pageId);
    assert.deepEqual([page.status, page.bodySource, page.slug], ['draft', '旧サイトの略歴。', 'profile-2']);
    assert.ok(summary.warnings.some((w) => /すでにプロフィールの文章があるため、下書きのページとして取り込みました/.test(w.reason)));
    const response = await t.app.inject({ method: 'GET', url: '/?page_id=7' });
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, '/profile/');
  } finally {
    await t.close();
  }
});

test("with --uploads, a post's photo stands in its place as a figure with the attachment's description and caption", async () => {
  const t = await createTestApp();
  try {
    const uploads = join(dir, 'uploads');
    mkdirSync(join(uploads, '2024/05'), { recursive: true });
    writeFileSync(join(uploads, '2024/05/gampeki.png'), await makeImage('png', 600, 400));
    writeFileSync(join(uploads, '2024/05/gampeki-300x200.png'), await makeImage('png', 300, 200));
    const summary = await runImport(t.site, wxrImportItems(t.site, FIXTURE, { uploadsDir: uploads }), { kind: 'wxr' });
    assert.deepEqual(summary.failed, []);
    const source = await findImportSource(t.site.db, 'wxr', `${SITE}#105`);
    const report = (await findEditableReport(t.site.db, source!.reportId))!;
    const full = await t.site.db.selectFrom('media').select('id').where('original_name', '=', 'gampeki.png').executeTakeFirstOrThrow();
    const paragraphs = report.bodySource.split('\n\n');
    assert.deepEqual(paragraphs.slice(2, 5), [
      '老朽化した岸壁を見て回りました。',
      `![ひび割れた岸壁](media:${full.id} "補修が必要な岸壁")`,
      '関係者から説明を受けました。',
    ]);
    const page = await t.app.inject({ method: 'GET', url: `/activity/${report.slug}/` });
    assert.equal(page.statusCode, 200);
    const main = page.body.slice(page.body.indexOf('<main'));
    const figure = /<figure[^]*?<\/figure>/.exec(main)?.[0] ?? '';
    assert.match(figure, /<img[^>]*alt="ひび割れた岸壁"/);
    assert.match(figure, /<figcaption>補修が必要な岸壁<\/figcaption>/);
    assert.ok(main.indexOf('老朽化した岸壁を見て回りました。') < main.indexOf(figure), 'the photo follows the text before it');
    assert.ok(main.indexOf(figure) < main.indexOf('関係者から説明を受けました。'), 'and comes before the text after it');
    assert.ok(readFileSync(FIXTURE, 'utf8').includes('alt="" width="300"'), 'the img itself has no alt in the export');
  } finally {
    await t.close();
  }
});
