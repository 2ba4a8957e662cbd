// The WordPress importer over the real export in ../shared/fixtures (WordPress 6.1, 50
// posts, categories, tags and one attachment), through the runner and the real web app.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runImport, type ImportSummary } from '../../src/importers/import-run.js';
import { wxrImportItems, type WxrImportOptions } from '../../src/importers/wxr/import-wxr.js';
import { readWxr, type WxrChannel, type WxrItem } from '../../src/importers/wxr/read-wxr.js';
import { findImportSource } from '../../src/store/import-sources.js';
import { listAttachments } from '../../src/store/media.js';
import { findEditableReport } from '../../src/store/reports.js';
import { listRevisions } from '../../src/store/revisions.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makePdf } from '../support/media-fixtures.js';
import { skipUnlessShared } from '../support/shared-fixture.js';

const FIXTURE = new URL('../../../shared/fixtures/wordpress-export.xml', import.meta.url).pathname;
const skip = skipUnlessShared(FIXTURE, 'the shared WordPress export fixture (../shared/fixtures/wordpress-export.xml)');
const ATTACHMENT_PATH = '2017/05/report-000001-haifu-shiryo-1.pdf';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-wxr-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(file: string): Promise<{ channel: WxrChannel; items: WxrItem[] }> {
  const channel: WxrChannel = { baseSiteUrl: '', baseBlogUrl: '', wxrVersion: '', authors: new Map() };
  const items: WxrItem[] = [];
  for await (const item of readWxr(file, channel)) items.push(item);
  return { channel, items };
}

async function importFile(t: TestApp, file: string, options: WxrImportOptions = {}): Promise<ImportSummary> {
  return runImport(t.site, wxrImportItems(t.site, file, options), { kind: 'wxr', isDryRun: options.isDryRun ?? false });
}

async function reportOf(t: TestApp, channel: WxrChannel, postId: string) {
  const source = await findImportSource(t.site.db, 'wxr', `${channel.baseSiteUrl}#${postId}`);
  assert.ok(source, `post ${postId} has no import source`);
  return (await findEditableReport(t.site.db, source.reportId))!;
}

async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['reports', 'revisions', 'redirects', 'import_sources', 'categories', 'tags', 'report_tags', 'media', 'attachments'] as const) {
    counts[table] = Number(
      (
        await t.site.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }
  return counts;
}

function oldPath(url: string): string {
  return new URL(url).pathname;
}

describe('the real WordPress export without --uploads', { skip }, () => {
  let t: TestApp;
  let fixture: Awaited<ReturnType<typeof readAll>>;
  let first: ImportSummary;
  before(async () => {
    t = await createTestApp();
    fixture = await readAll(FIXTURE);
    first = await importFile(t, FIXTURE);
  });
  after(async () => t.close());

  test('imports every post as a published report with its title, date, category, tags and author', async () => {
    const posts = fixture.items.filter((i) => i.postType === 'post');
    assert.equal(posts.length, 50);
    assert.equal(first.created, 50);
    assert.deepEqual(first.failed, []);
    assert.equal(first.stoppedAt, undefined);
    for (const post of posts) {
      const report = await reportOf(t, fixture.channel, post.postId);
      assert.equal(report.title, post.title);
      assert.equal(report.activityDate, post.postDate.slice(0, 10));
      assert.equal(report.status, 'published');
      assert.equal(report.publishedAt, `${post.postDateGmt.replace(' ', 'T')}.000Z`);
      const category = post.terms.find((c) => c.domain === 'category' && c.nicename !== 'uncategorized');
      assert.equal(report.category?.slug, category?.nicename);
      assert.equal(report.category?.name, category?.name);
      assert.deepEqual(
        [...report.tags].sort(),
        post.terms
          .filter((c) => c.domain === 'post_tag')
          .map((c) => c.name)
          .sort(),
      );
      const row = await t.site.db.selectFrom('reports').select('author_name').where('id', '=', report.id).executeTakeFirstOrThrow();
      assert.equal(row.author_name, 'admin');
    }
  });

  test("keeps the posts' numbered outline as sections and items", async () => {
    const report = await reportOf(t, fixture.channel, '4');
    assert.deepEqual(
      report.outline.filter((o) => o.depth === 1).map((o) => o.number),
      ['1', '2', '3', '4', '5', '6', '7'],
    );
    assert.match(report.bodyHtml, /<h2 id="s1">/);
  });

  test('lists every uploaded file it could not copy and keeps the link to its old address', async () => {
    assert.equal(first.media.missing, 22);
    assert.ok(first.warnings.some((w) => w.label === `wp-content/uploads/${ATTACHMENT_PATH}` && /--uploads の指定がありません/.test(w.reason)));
    const report = await reportOf(t, fixture.channel, '1');
    assert.match(report.bodySource, /\[配布資料（PDF）\]\(http:\/\/localhost:8081\/wp-content\/uploads\/2017\/05\/report-000001-haifu-shiryo-1\.pdf\)/);
  });

  test("answers every item's old address (link, guid, ?p=ID) with a 301 to its new page, which is there", async () => {
    for (const item of fixture.items) {
      const parent = item.postType === 'attachment' ? item.postParent : item.postId;
      const report = await reportOf(t, fixture.channel, parent);
      const target = `/activity/${report.slug}/`;
      for (const url of [oldPath(item.link), oldPath(item.guid), `/?p=${item.postId}`]) {
        const response = await t.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 301, `${url} of post ${item.postId}`);
        assert.equal(response.headers.location, target, url);
      }
      assert.equal((await t.app.inject({ method: 'GET', url: target })).statusCode, 200, target);
    }
    // The raw, percent-encoded form of the attachment page's address too.
    const attachment = fixture.items.find((i) => i.postType === 'attachment')!;
    const raw = await t.app.inject({ method: 'GET', url: attachment.link.replace('http://localhost:8081', '') });
    assert.equal(raw.statusCode, 301);
  });

  test('leaves everything unchanged on a second run', async () => {
    const before = await rowCounts(t);
    const second = await importFile(t, FIXTURE);
    assert.deepEqual([second.created, second.updated, second.unchanged, second.failed.length], [0, 0, 50, 0]);
    assert.deepEqual(await rowCounts(t), before);
  });

  test('updates a post changed in a later export, with a revision, and writes nothing in a dry run', async () => {
    const modified = join(dir, 'modified.xml');
    writeFileSync(modified, readFileSync(FIXTURE, 'utf8').replace('<![CDATA[街頭での活動（秋祭り）]]>', '<![CDATA[街頭での活動（秋祭り・追記）]]>'));
    const before = await rowCounts(t);
    const dry = await importFile(t, modified, { isDryRun: true });
    assert.deepEqual([dry.created, dry.updated, dry.unchanged], [0, 1, 49]);
    assert.deepEqual(await rowCounts(t), before);

    const run = await importFile(t, modified);
    assert.deepEqual([run.created, run.updated, run.unchanged], [0, 1, 49]);
    const report = await reportOf(t, fixture.channel, '4');
    assert.equal(report.title, '街頭での活動（秋祭り・追記）');
    assert.deepEqual(
      (await listRevisions(t.site.db, report.id)).map((r) => r.note),
      ['取り込みで更新', '取り込み'],
    );
  });
});

describe('the real WordPress export with --uploads', { skip }, () => {
  let t: TestApp;
  let summary: ImportSummary;
  let fixture: Awaited<ReturnType<typeof readAll>>;
  before(async () => {
    t = await createTestApp();
    fixture = await readAll(FIXTURE);
    const uploads = join(dir, 'uploads');
    mkdirSync(join(uploads, '2017/05'), { recursive: true });
    writeFileSync(join(uploads, ATTACHMENT_PATH), await makePdf(3));
    summary = await importFile(t, FIXTURE, { uploadsDir: uploads });
  });
  after(async () => t.close());

  test('stores the attachment, lists it under its post and links the body to it', async () => {
    assert.equal(summary.media.stored, 1);
    assert.equal(summary.media.missing, 21);
    const report = await reportOf(t, fixture.channel, '1');
    const attachments = await listAttachments(t.site.db, report.id);
    assert.equal(attachments.length, 1);
    assert.equal(attachments[0]!.pages, 3);
    assert.match(report.bodySource, new RegExp(`\\[配布資料（PDF）\\]\\(media:${attachments[0]!.mediaId}\\)`));
    const page = await t.app.inject({ method: 'GET', url: `/activity/${report.slug}/` });
    assert.match(page.body, /配布資料（PDF）<span class="meta">\(PDF形式・1KB・3ページ\)/);
  });

  test("redirects the file's old address to its new one", async () => {
    const response = await t.app.inject({ method: 'GET', url: `/wp-content/uploads/${ATTACHMENT_PATH}` });
    assert.equal(response.statusCode, 301);
    assert.match(String(response.headers.location), /^\/media\/[0-9a-f]{64}\/report-000001-haifu-shiryo-1\.pdf$/);
    assert.equal((await t.app.inject({ method: 'GET', url: String(response.headers.location) })).statusCode, 200);
  });

  test('stores nothing new on a second run', async () => {
    const again = await importFile(t, FIXTURE, { uploadsDir: join(dir, 'uploads') });
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 50]);
    assert.equal((await t.site.db.selectFrom('media').selectAll().execute()).length, 1);
  });
});

describe('broken and hostile exports', { skip }, () => {
  test('stops at a truncated file with its line and column, keeping the posts before it', async () => {
    const t = await createTestApp();
    try {
      const truncated = join(dir, 'truncated.xml');
      writeFileSync(truncated, readFileSync(FIXTURE).subarray(0, 300_000));
      const summary = await importFile(t, truncated);
      assert.match(summary.stoppedAt ?? '', /truncated\.xml:\d+:\d+: /);
      assert.ok(summary.created > 10 && summary.created < 50, `created ${summary.created}`);
      const sources = await t.site.db.selectFrom('import_sources').selectAll().execute();
      assert.equal(sources.length, summary.created);
    } finally {
      await t.close();
    }
  });

  test('reports malformed XML with its position and writes nothing after it', async () => {
    const t = await createTestApp();
    try {
      const broken = join(dir, 'broken.xml');
      const text = readFileSync(FIXTURE, 'utf8');
      const at = text.indexOf('<item>', text.indexOf('<item>') + 10);
      writeFileSync(broken, `${text.slice(0, at)}<item><title>壊れた</titel>${text.slice(at + 6)}`);
      const summary = await importFile(t, broken);
      assert.equal(summary.created, 1);
      assert.match(summary.stoppedAt ?? '', /broken\.xml:\d+:\d+: unexpected close tag/);
    } finally {
      await t.close();
    }
  });

  test('fails one post the report rules refuse while every other post imports', async () => {
    const t = await createTestApp();
    try {
      const huge = join(dir, 'huge-post.xml');
      const text = readFileSync(FIXTURE, 'utf8');
      const marker = '<content:encoded><![CDATA[<h2>1 地元での意見交換の概要</h2>';
      assert.ok(text.includes(marker));
      writeFileSync(huge, text.replace(marker, `${marker}<p>${'長'.repeat(210_000)}</p>`));
      const summary = await importFile(t, huge);
      assert.equal(summary.created, 49);
      assert.equal(summary.failed.length, 1);
      assert.equal(summary.failed[0]!.label, 'http://localhost:8081/report-000004/');
      assert.match(summary.failed[0]!.reason, /本文が長すぎます/);
    } finally {
      await t.close();
    }
  });
});
