// katsudo export (issue 13 item 2): a site written out in open formats and read back by
// katsudo's own WordPress importer into an empty site — same reports, pages, dates, slugs,
// categories, tags and attachment bytes; site.json valid against docs/export.schema.json;
// no password hash, session or second-factor secret anywhere in the export.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { createReport } from '../../src/actions/reports/create-report.js';
import { exportSite } from '../../src/actions/site/export-site.js';
import { transitionPage } from '../../src/actions/pages/page-transition.js';
import { savePage } from '../../src/actions/pages/save-page.js';
import { trashReport } from '../../src/actions/reports/trash-report.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { ValidationError } from '../../src/domain/errors.js';
import type { NavigationLink } from '../../src/domain/settings.js';
import { runImport } from '../../src/importers/import-run.js';
import { wxrImportItems } from '../../src/importers/wxr/import-wxr.js';
import { openDatabase } from '../../src/store/database.js';
import { mediaFilePath } from '../../src/store/media-files.js';
import { getSettings } from '../../src/store/settings.js';
import { addTeam } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { addCategory, setSettings, TEST_SETTINGS } from '../support/factories.js';
import { checkJsonSchema } from '../support/json-schema.js';
import { makeImage, makePdf } from '../support/media-fixtures.js';

const SCHEMA = new URL('../../docs/export.schema.json', import.meta.url).pathname;
const SITE_URL = 'https://example.jp';
const SECRETS = {
  hash: '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$SECRETHASHVALUE',
  token: 'SESSIONTOKENHASH0123',
  totp: 'TOTPSECRETBOX0123',
  recovery: 'RECOVERYCODEHASH0123',
};

/** What XML and HTML could break on: a CDATA end, markup and entities as text, a table, an unnumbered heading, a link. */
const TRICKY_BODY =
  '【集会の概要】\n\n地元の集会に出席した。]]> <b>太字ではない</b> &amp; 5 < 6\n次の行も同じ段落。\n\n| 日時 | 場所 |\n| --- | --- |\n| 10時 | 公民館 |\n\n[議会のサイト](https://example.jp/gikai/)';

let source: TestSite;
let outDir: string;
let trashedId: number;

before(async () => {
  source = await createTestSite();
  const team = await addTeam(source);
  await setSettings(source);
  await addCategory(source, 'kokkai', '国会活動');
  await addCategory(source, 'jimoto', '地元活動');
  const user = { userId: team.editor.userId, login: team.editor.login };
  const pdf = await uploadMedia(source, { bytes: await makePdf(2), fileName: 'ファクトシート.pdf', altText: '', user });
  const photo = await uploadMedia(source, { bytes: await makeImage('jpeg', 1600, 900), fileName: '視察.jpg', altText: '港の岸壁', user });
  const port = await createReport(
    source,
    {
      title: '港湾の視察',
      activityDate: '2024-05-01',
      slug: 'port-visit',
      categorySlug: 'kokkai',
      tags: ['港湾', '物流'],
      bodySource: `1 概要\n\n(1)港湾施設を視察した。\n\n![港の岸壁](media:${photo.id} "岸壁の様子")\n\n[ファクトシート](media:${pdf.id})`,
    },
    { status: 'published', attachments: [{ mediaId: pdf.id, label: 'ファクトシート' }] },
  );
  await attachMediaToReport(source, { reportId: port.id, mediaId: photo.id, label: '視察の写真', altText: '港を視察する議員', user });
  await createReport(
    source,
    { title: '地元の集会', activityDate: '2024-05-01', categorySlug: 'jimoto', tags: ['集会'], bodySource: TRICKY_BODY },
    { status: 'published' },
  );
  await createReport(source, { title: '下書きの報告', activityDate: '2023-12-24', bodySource: 'まだ書きかけである。' }, { status: 'draft' });
  trashedId = (await createReport(source, { title: '捨てた報告', activityDate: '2023-01-05', bodySource: '不要になった。' }, { status: 'published' })).id;
  await trashReport(source, team.editor, { reportId: trashedId });
  const policy = await savePage(source, team.editor, { title: '政策', slug: '政策', parentId: null, position: 1, summary: '', bodySource: '私の政策です。' });
  const office = await savePage(source, team.editor, { title: '事務所案内', slug: 'office', parentId: null, position: 0, summary: '', bodySource: '事務所の案内です。' });
  const child2 = await savePage(source, team.editor, { title: '教育', slug: '教育', parentId: policy.id, position: 2, summary: '', bodySource: '教育の政策です。' });
  const child1 = await savePage(source, team.editor, {
    title: '子育て支援',
    slug: '子育て',
    parentId: policy.id,
    position: 1,
    summary: '',
    bodySource: '子育ての政策です。',
  });
  for (const id of [policy.id, office.id, child1.id, child2.id]) await transitionPage(source, team.editor, 'publish', { pageId: id });
  await setSettings(source, {
    ...TEST_SETTINGS,
    navigation: [
      { label: '活動報告', url: '/activity/' },
      {
        label: '',
        url: '/政策/',
        pageId: policy.id,
        children: [
          { label: '子育て', url: '/政策/子育て/', pageId: child1.id },
          { label: '議会', url: 'https://example.org/gikai/' },
        ],
      },
      { label: 'プロフィール', url: '/profile/' },
    ],
  });
  await savePage(source, team.editor, { title: '準備中', slug: 'draft-page', parentId: null, position: 3, summary: '', bodySource: '準備中です。' });
  await plantSecrets(source, team.owner.userId);
  outDir = join(mkdtempSync(join(tmpdir(), 'katsudo-export-')), 'out');
  await exportSite(source, { outDir, siteUrl: SITE_URL, batchSize: 2 });
});
after(async () => {
  await source.cleanup();
  rmSync(join(outDir, '..'), { recursive: true, force: true });
});

/** Rows a real site holds next to each account: the export must carry none of them. */
async function plantSecrets(site: TestSite, userId: number): Promise<void> {
  const now = site.now().toISOString();
  await site.db.updateTable('users').set({ password_hash: SECRETS.hash }).execute();
  await site.db.insertInto('sessions').values({ token_hash: SECRETS.token, user_id: userId, created_at: now, last_seen_at: now, expires_at: now }).execute();
  await site.db.insertInto('totp_factors').values({ user_id: userId, secret_box: SECRETS.totp, enabled_at: now, created_at: now }).execute();
  await site.db.insertInto('recovery_codes').values({ user_id: userId, code_hash: SECRETS.recovery, used_at: null, created_at: now }).execute();
}

const siteJson = () => JSON.parse(readFileSync(join(outDir, 'site.json'), 'utf8'));

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

test('site.json is valid against the documented JSON Schema', () => {
  const problems = checkJsonSchema(JSON.parse(readFileSync(SCHEMA, 'utf8')), siteJson());
  assert.deepEqual(problems, []);
});

test('the schema checker finds a wrong field, so the test above can fail', () => {
  const broken = siteJson();
  broken.reports[0].activityDate = 20240501;
  delete broken.schemaVersion;
  assert.equal(checkJsonSchema(JSON.parse(readFileSync(SCHEMA, 'utf8')), broken).length, 2);
});

test('site.json holds every report with its status, drafts and trashed ones included', () => {
  const json = siteJson();
  assert.equal(json.schemaVersion, 1);
  assert.deepEqual(
    json.reports.map((r: { title: string; status: string }) => [r.title, r.status]),
    [
      ['港湾の視察', 'published'],
      ['地元の集会', 'published'],
      ['下書きの報告', 'draft'],
      ['捨てた報告', 'trashed'],
    ],
  );
  const port = json.reports[0];
  assert.equal(port.slug, 'port-visit');
  assert.equal(port.category, 'kokkai');
  assert.deepEqual(port.tags, ['港湾', '物流']);
  assert.match(port.publishedAt, /Z$/);
  assert.equal(port.textFile, 'reports/2024-05-01-port-visit.txt');
  assert.deepEqual(
    port.attachments.map((a: { label: string }) => a.label),
    ['ファクトシート', '視察の写真'],
  );
  // Each use's own alt text; null where the use has none.
  assert.deepEqual(
    port.attachments.map((a: { altText: string | null }) => a.altText),
    [null, '港を視察する議員'],
  );
  assert.equal(json.settings.title, '衆議院議員 試験 花子 公式サイト');
  assert.deepEqual(
    json.categories.map((c: { slug: string }) => c.slug),
    ['kokkai', 'jimoto'],
  );
  assert.deepEqual(json.pages.map((p: { path: string }) => p.path).sort(), ['/draft-page/', '/office/', '/政策/', '/政策/子育て/', '/政策/教育/'].map(encodeURI).sort());
});

test('each report and page is a text file: title, date and category lines, a blank line, the body', () => {
  const text = readFileSync(join(outDir, 'reports', '2024-05-01-port-visit.txt'), 'utf8');
  assert.ok(text.startsWith('港湾の視察\n2024年5月1日\nカテゴリー: 国会活動\n\n1 概要\n'), text);
  assert.equal(readFileSync(join(outDir, 'pages', '政策', '子育て.txt'), 'utf8'), '子育て支援\n\n子育ての政策です。\n');
  assert.ok(readdirSync(join(outDir, 'reports')).includes('2024-05-01.txt'));
});

test('the media folder holds the original files byte for byte, as site.json lists them', () => {
  for (const media of siteJson().media) {
    const bytes = readFileSync(join(outDir, media.file));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), media.sha256);
    assert.equal(bytes.length, media.bytes);
    assert.deepEqual(bytes, readFileSync(mediaFilePath(source.dataDir, media.sha256)));
  }
  assert.deepEqual(
    siteJson().media.map((m: { file: string }) => m.file.replace(/^media\/[0-9a-f]{64}\//, '')),
    ['ファクトシート.pdf', '視察.jpg'],
  );
});

test('users are names and roles only: no password hash, session, second factor or recovery code anywhere', () => {
  const users = siteJson().users;
  assert.deepEqual(Object.keys(users[0]).sort(), ['displayName', 'isDisabled', 'login', 'role']);
  for (const file of allFiles(outDir)) {
    const content = readFileSync(file, 'latin1');
    for (const secret of Object.values(SECRETS)) assert.ok(!content.includes(secret), `${secret} in ${file}`);
    assert.ok(!content.includes('$argon2'), file);
  }
});

test('refuses a folder that is not empty and writes nothing into it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-export-full-'));
  try {
    writeFileSync(join(dir, 'note.txt'), 'keep');
    await assert.rejects(exportSite(source, { outDir: dir, siteUrl: SITE_URL }), ValidationError);
    assert.deepEqual(readdirSync(dir), ['note.txt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('import-wxr reads wordpress.xml back into an empty site: same reports, pages, dates, slugs, terms and file bytes', async () => {
  const target = await createTestSite();
  try {
    const summary = await runImport(target, wxrImportItems(target, join(outDir, 'wordpress.xml'), { uploadsDir: join(outDir, 'media') }), {
      kind: 'wxr',
      itemsPerTransaction: 1,
    });
    assert.deepEqual(summary.failed, []);
    const reports = async (site: TestSite) =>
      (
        await site.db
          .selectFrom('reports')
          .leftJoin('categories', 'categories.id', 'reports.category_id')
          .select(['reports.id', 'reports.title', 'reports.slug', 'reports.activity_date', 'reports.status', 'reports.published_at', 'categories.slug as category'])
          .where('reports.status', '!=', 'trashed')
          .orderBy('reports.activity_date')
          .orderBy('reports.slug')
          .execute()
      ).map(({ id: _, ...r }) => r);
    assert.deepEqual(await reports(target), await reports(source));
    const tags = async (site: TestSite, slug: string) => {
      const id = (await site.db.selectFrom('reports').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
      return (
        await site.db
          .selectFrom('report_tags')
          .innerJoin('tags', 'tags.id', 'report_tags.tag_id')
          .select('tags.name')
          .where('report_id', '=', id)
          .orderBy('position')
          .execute()
      ).map((t) => t.name);
    };
    assert.deepEqual(await tags(target, 'port-visit'), ['港湾', '物流']);
    assert.deepEqual(await tags(target, '2024-05-01'), ['集会']);
    const pages = async (site: TestSite) =>
      await site.db
        .selectFrom('pages as p')
        .leftJoin('pages as parent', 'parent.id', 'p.parent_id')
        .select(['p.slug', 'p.title', 'p.position', 'p.status', 'parent.slug as parent'])
        .orderBy('p.slug')
        .execute();
    assert.deepEqual(await pages(target), await pages(source));
    const attachments = async (site: TestSite) =>
      (
        await site.db
          .selectFrom('attachments')
          .innerJoin('reports', 'reports.id', 'attachments.report_id')
          .innerJoin('media', 'media.id', 'attachments.media_id')
          .select(['reports.slug', 'attachments.label', 'media.sha256', 'media.original_name'])
          .orderBy('reports.slug')
          .orderBy('attachments.position')
          .execute()
      ).map((a) => ({ ...a, bytes: readFileSync(mediaFilePath(site.dataDir, a.sha256)).toString('base64') }));
    assert.deepEqual(await attachments(target), await attachments(source));
    // Bodies come back as written; only the media records' numbers are the new site's.
    const bodies = async (site: TestSite) => {
      const names = new Map((await site.db.selectFrom('media').select(['id', 'original_name']).execute()).map((m) => [String(m.id), m.original_name]));
      const rows = [
        ...(await site.db.selectFrom('reports').select(['slug', 'body_source']).where('status', '!=', 'trashed').execute()),
        ...(await site.db.selectFrom('pages').select(['slug', 'body_source']).execute()),
      ];
      return rows.map((r) => [r.slug, r.body_source.replace(/media:(\d+)/g, (_, id: string) => `media:${names.get(id)}`)]).sort();
    };
    assert.deepEqual(await bodies(target), await bodies(source));
    const settings = await getSettings(target.db);
    assert.deepEqual([settings.legislatorName, settings.siteDescription], [TEST_SETTINGS.legislatorName, TEST_SETTINGS.siteDescription]);
    // The menu: the same entries in the same order, pages by id on each side (an unnamed page entry shows its title).
    const menu = async (site: TestSite) => {
      const titles = new Map((await site.db.selectFrom('pages').select(['id', 'title']).execute()).map((p) => [p.id, p.title]));
      const shape = (links: NavigationLink[]): unknown[] =>
        links.map((l) => ({
          label: l.label || titles.get(l.pageId!),
          page: l.pageId === undefined ? null : titles.get(l.pageId),
          url: l.pageId === undefined ? l.url : null,
          children: shape(l.children ?? []),
        }));
      return shape((await getSettings(site.db)).navigation);
    };
    assert.deepEqual(await menu(target), await menu(source));
  } finally {
    await target.cleanup();
  }
});

test("a report URL name already taken on the receiving site gives way to the date's, and the import goes on", async () => {
  const target = await createTestSite();
  try {
    await createReport(target, { title: '先にあった報告', activityDate: '2020-01-01', slug: 'port-visit', bodySource: '先にあった。' }, { status: 'published' });
    const summary = await runImport(target, wxrImportItems(target, join(outDir, 'wordpress.xml'), { uploadsDir: join(outDir, 'media') }), { kind: 'wxr' });
    assert.deepEqual(summary.failed, []);
    const slugs = await target.db.selectFrom('reports').select(['title', 'slug']).orderBy('id').execute();
    // 港湾の視察 gets its date; then 地元の集会's own name (that date) is taken, so it gets the next.
    assert.deepEqual(slugs.slice(0, 3), [
      { title: '先にあった報告', slug: 'port-visit' },
      { title: '港湾の視察', slug: '2024-05-01' },
      { title: '地元の集会', slug: '2024-05-01-2' },
    ]);
  } finally {
    await target.cleanup();
  }
});

test('a file missing from the data folder is listed with file null and named in the result; the rest is exported', async () => {
  const site = await createTestSite();
  const dir = join(mkdtempSync(join(tmpdir(), 'katsudo-export-missing-')), 'out');
  try {
    const team = await addTeam(site);
    const user = { userId: team.editor.userId, login: team.editor.login };
    const lost = await uploadMedia(site, { bytes: await makePdf(1), fileName: '消えた資料.pdf', altText: '', user });
    const kept = await uploadMedia(site, { bytes: await makePdf(3), fileName: '残った資料.pdf', altText: '', user });
    await createReport(
      site,
      { title: '資料つき', activityDate: '2024-06-01', bodySource: `[資料](media:${lost.id})` },
      { status: 'published', attachments: [{ mediaId: lost.id, label: '資料' }] },
    );
    rmSync(mediaFilePath(site.dataDir, lost.sha256));
    const counts = await exportSite(site, { outDir: dir, siteUrl: SITE_URL });
    assert.deepEqual(counts.missingFiles, [`消えた資料.pdf (${lost.sha256})`]);
    const json = JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8'));
    assert.deepEqual(
      json.media.map((m: { file: string | null }) => m.file),
      [null, `media/${kept.sha256}/残った資料.pdf`],
    );
    assert.deepEqual(json.reports[0].attachments, [{ mediaId: lost.id, label: '資料', altText: null, file: null }]);
    assert.deepEqual(checkJsonSchema(JSON.parse(readFileSync(SCHEMA, 'utf8')), json), []);
  } finally {
    await site.cleanup();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});

test('reads one consistent state while reports are saved at the same time (one read transaction)', async () => {
  const site = await createTestSite();
  const dir = join(mkdtempSync(join(tmpdir(), 'katsudo-export-live-')), 'out');
  const writer = await openDatabase(site.database);
  try {
    for (let i = 0; i < 5; i++) await createReport(site, { title: `既存${i}`, activityDate: '2024-01-01', bodySource: '本文。' }, { status: 'published' });
    const saving = (async () => {
      for (let i = 0; i < 20; i++)
        await createReport({ ...site, db: writer }, { title: `同時${i}`, activityDate: '2024-01-02', tags: [`同時${i}`], bodySource: '本文。' }, { status: 'published' });
    })();
    const [counts] = await Promise.all([exportSite(site, { outDir: dir, siteUrl: SITE_URL, batchSize: 1 }), saving]);
    const json = JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8'));
    // The tag list is read before the reports: a report saved in between would name a tag the list lacks.
    const listed = new Set(json.tags);
    assert.deepEqual(
      json.reports.flatMap((r: { tags: string[] }) => r.tags).filter((t: string) => !listed.has(t)),
      [],
    );
    assert.equal(counts.reports, json.reports.length);
    assert.equal(readdirSync(join(dir, 'reports')).length, json.reports.length);
    assert.ok((await writer.selectFrom('reports').select('id').execute()).length === 25, 'every concurrent save went through');
  } finally {
    await writer.destroy();
    await site.cleanup();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});
