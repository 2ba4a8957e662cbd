// Fixed pages through their actions: saving (tree, slugs, revisions, conflicts), the
// status changes, restore of a revision, and the refusals that must write nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deletePagePermanently } from '../../src/actions/pages/delete-page-permanently.js';
import { transitionPage } from '../../src/actions/pages/page-transition.js';
import { reindexSearch } from '../../src/actions/search/reindex.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { restorePageRevision } from '../../src/actions/pages/restore-page-revision.js';
import { savePage, type SavePageInput } from '../../src/actions/pages/save-page.js';
import { EditConflictError, ForbiddenError, PageNotFoundError, ReportStateError, RevisionNotFoundError, ValidationError } from '../../src/domain/errors.js';
import { parseSearchQuery } from '../../src/domain/search/query.js';
import { listAudit } from '../../src/store/audit-log.js';
import { isMediaPublic } from '../../src/store/media.js';
import { findPublishedPageByPath, getPage } from '../../src/store/pages.js';
import { findPageHits } from '../../src/store/page-search.js';
import { findRedirect } from '../../src/store/redirects.js';
import { listItemRevisions } from '../../src/store/revisions.js';
import { getContentVersion } from '../../src/store/site-state.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { snapshot } from '../support/snapshot.js';
import { clearSearchTable } from '../../src/store/dialects/search-table.js';

let site: TestSite;
let team: Team;

before(async () => {
  site = await createTestSite();
  team = await addTeam(site);
});
after(() => site.cleanup());

let counter = 0;
function fields(overrides: Partial<SavePageInput> = {}): SavePageInput {
  counter += 1;
  return { title: `ページ${counter}`, slug: `page-${counter}`, parentId: null, position: 0, summary: '', bodySource: `本文${counter}です。`, ...overrides };
}

async function fieldError(promise: Promise<unknown>, field: string): Promise<string> {
  const error = await promise.then(
    () => assert.fail('expected a ValidationError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ValidationError, String(error));
  const message = error.fields[field];
  assert.ok(message, `no message for ${field}: ${JSON.stringify(error.fields)}`);
  return message;
}

test('creates a draft page with a Japanese slug normalised by NFKC, and a first revision', async () => {
  const saved = await savePage(site, team.editor, fields({ title: '政策', slug: ' 政策ＡＢＣ ' }));
  const page = await getPage(site.db, saved.id);
  assert.equal(page.slug, '政策abc');
  assert.equal(page.status, 'draft');
  assert.equal(page.version, 1);
  const revisions = await listItemRevisions(site.db, { kind: 'page', id: saved.id });
  assert.equal(revisions.length, 1);
  assert.equal(revisions[0]!.pageId, saved.id);
  assert.equal((await listAudit(site.db, { limit: 1 }))[0]!.action, 'page.create');
});

test('makes the slug from the title when it is left empty', async () => {
  const saved = await savePage(site, team.editor, fields({ title: '事務所 案内', slug: '' }));
  assert.equal(saved.slug, '事務所-案内');
});

test('refuses a top-level slug that shadows a reserved path or a year, writing nothing', async () => {
  for (const slug of ['activity', 'admin', 'api', 'media', 'search', 'feed.xml', 'sitemap.xml', 'profile', 'ＡＤＭＩＮ', '2024']) {
    const before = await snapshot(site.db);
    const message = await fieldError(savePage(site, team.editor, fields({ slug })), 'slug');
    assert.match(message, /URL/);
    assert.deepEqual(await snapshot(site.db), before);
  }
});

test('allows a reserved word as the slug of a child page (its URL is under the parent)', async () => {
  const parent = await savePage(site, team.editor, fields());
  const child = await savePage(site, team.editor, fields({ parentId: parent.id, slug: 'profile' }));
  assert.equal(child.slug, 'profile');
});

test('refuses a slug a sibling uses, allows it under another parent', async () => {
  const a = await savePage(site, team.editor, fields({ slug: 'shisei' }));
  const before = await snapshot(site.db);
  assert.match(await fieldError(savePage(site, team.editor, fields({ slug: 'shisei' })), 'slug'), /同じ階層/);
  assert.deepEqual(await snapshot(site.db), before);
  const child = await savePage(site, team.editor, fields({ slug: 'shisei', parentId: a.id }));
  assert.equal(child.slug, 'shisei');
});

test('refuses a parent cycle: a page under itself or under its own descendant', async () => {
  const top = await savePage(site, team.editor, fields());
  const child = await savePage(site, team.editor, fields({ parentId: top.id }));
  const grandchild = await savePage(site, team.editor, fields({ parentId: child.id }));
  const page = await getPage(site.db, top.id);
  const before = await snapshot(site.db);
  for (const parentId of [top.id, grandchild.id]) {
    const message = await fieldError(
      savePage(site, team.editor, { ...fields({ title: page.title, slug: page.slug, parentId }), pageId: top.id, expectedVersion: page.version }),
      'parentId',
    );
    assert.match(message, /親ページ/);
  }
  assert.deepEqual(await snapshot(site.db), before);
});

test('refuses an unknown parent', async () => {
  assert.match(await fieldError(savePage(site, team.editor, fields({ parentId: 999_999 })), 'parentId'), /親ページはありません/);
});

test('keeps a revision per save and refuses a save from an old version, keeping the refused text', async () => {
  const saved = await savePage(site, team.editor, fields());
  const second = await savePage(site, team.editor, { ...fields({ slug: saved.slug, bodySource: '二版' }), pageId: saved.id, expectedVersion: 1 });
  assert.equal(second.version, 2);
  const error = await savePage(site, team.owner, { ...fields({ slug: saved.slug, bodySource: '古い版から' }), pageId: saved.id, expectedVersion: 1 }).catch(
    (e: unknown) => e,
  );
  assert.ok(error instanceof EditConflictError);
  assert.equal((await getPage(site.db, saved.id)).bodySource, '二版');
  const revisions = await listItemRevisions(site.db, { kind: 'page', id: saved.id });
  assert.equal(revisions.length, 3);
  assert.equal(revisions[0]!.note, '競合のため保存されなかった版');
});

test('writers draft pages but only editors and owners publish them', async () => {
  const saved = await savePage(site, team.writer, fields());
  await assert.rejects(transitionPage(site, team.writer, 'publish', { pageId: saved.id }), ForbiddenError);
  await assert.rejects(savePage(site, team.otherWriter, { ...fields(), pageId: saved.id, expectedVersion: 1 }), ForbiddenError);
  const published = await transitionPage(site, team.editor, 'publish', { pageId: saved.id });
  assert.equal(published.status, 'published');
});

test('publishing puts the page at its path and in page search; unpublishing takes it away', async () => {
  const top = await savePage(site, team.editor, fields({ title: '政策', slug: 'seisaku-pub' }));
  const child = await savePage(site, team.editor, fields({ title: '子育て支援', slug: '子育て', parentId: top.id, bodySource: '保育所を増やします。' }));
  const versionBefore = await getContentVersion(site.db);
  await transitionPage(site, team.editor, 'publish', { pageId: top.id });
  await transitionPage(site, team.editor, 'publish', { pageId: child.id });
  assert.ok((await getContentVersion(site.db)) > versionBefore);
  const found = await findPublishedPageByPath(site.db, ['seisaku-pub', '子育て']);
  assert.equal(found?.page.id, child.id);
  assert.deepEqual(
    found?.ancestors.map((a) => a.id),
    [top.id],
  );
  const hits = await findPageHits(site.db, parseSearchQuery('保育所')!, { offset: 0, limit: 10 });
  assert.deepEqual(hits.ids, [child.id]);
  await transitionPage(site, team.editor, 'unpublish', { pageId: top.id });
  assert.equal(await findPublishedPageByPath(site.db, ['seisaku-pub', '子育て']), undefined);
  await transitionPage(site, team.editor, 'unpublish', { pageId: child.id });
  assert.deepEqual((await findPageHits(site.db, parseSearchQuery('保育所')!, { offset: 0, limit: 10 })).ids, []);
});

test('refuses to trash a page with children, naming them, and writes nothing', async () => {
  const top = await savePage(site, team.editor, fields());
  await savePage(site, team.editor, fields({ title: '教育政策', parentId: top.id }));
  const before = await snapshot(site.db);
  const message = await fieldError(transitionPage(site, team.editor, 'trash', { pageId: top.id }), 'children');
  assert.match(message, /「教育政策」/);
  assert.deepEqual(await snapshot(site.db), before);
});

test('refuses to delete a page for good while it has children, trashed ones too, naming them, and writes nothing', async () => {
  const top = await savePage(site, team.editor, fields({ title: '旧政策' }));
  const child = await savePage(site, team.editor, fields({ title: '旧教育政策', parentId: top.id }));
  await transitionPage(site, team.editor, 'trash', { pageId: child.id });
  await transitionPage(site, team.editor, 'trash', { pageId: top.id });
  const before = await snapshot(site.db);
  const message = await fieldError(deletePagePermanently(site, team.owner, top.id), 'children');
  assert.match(message, /「旧教育政策」/);
  assert.match(message, /完全に削除できません/);
  assert.deepEqual(await snapshot(site.db), before);
});

test('deletes a trashed page without children for good: only the owner, only from the trash, with its revisions and attachments', async () => {
  const saved = await savePage(site, team.editor, fields({ slug: 'to-delete' }));
  await assert.rejects(deletePagePermanently(site, team.owner, saved.id), ReportStateError);
  await transitionPage(site, team.editor, 'trash', { pageId: saved.id });
  await assert.rejects(deletePagePermanently(site, team.editor, saved.id), ForbiddenError);
  await deletePagePermanently(site, team.owner, saved.id);
  await assert.rejects(getPage(site.db, saved.id), PageNotFoundError);
  assert.deepEqual(await listItemRevisions(site.db, { kind: 'page', id: saved.id }), []);
  assert.equal((await listAudit(site.db, { limit: 1 }))[0]!.action, 'page.delete');
});

test('trashes and restores a page without children', async () => {
  const saved = await savePage(site, team.editor, fields());
  assert.equal((await transitionPage(site, team.editor, 'trash', { pageId: saved.id })).status, 'trashed');
  assert.equal((await transitionPage(site, team.editor, 'restore', { pageId: saved.id })).status, 'draft');
});

test('renaming a published page leaves a redirect from its old path', async () => {
  const saved = await savePage(site, team.editor, fields({ slug: 'old-name' }));
  await transitionPage(site, team.editor, 'publish', { pageId: saved.id });
  await savePage(site, team.editor, { ...fields({ title: 'x', slug: 'new-name' }), pageId: saved.id, expectedVersion: 1 });
  assert.equal(await findRedirect(site.db, '/old-name/'), '/new-name/');
});

test("restores an older revision as a new version; refuses another item's revision", async () => {
  const saved = await savePage(site, team.editor, fields({ bodySource: '最初の本文' }));
  await savePage(site, team.editor, { ...fields({ slug: saved.slug, bodySource: '書き直した本文' }), pageId: saved.id, expectedVersion: 1 });
  const [, first] = await listItemRevisions(site.db, { kind: 'page', id: saved.id });
  const restored = await restorePageRevision(site, team.editor, { pageId: saved.id, revisionId: first!.id, expectedVersion: 2 });
  assert.equal(restored.version, 3);
  assert.equal((await getPage(site.db, saved.id)).bodySource, '最初の本文');
  const other = await savePage(site, team.editor, fields());
  const [otherRevision] = await listItemRevisions(site.db, { kind: 'page', id: other.id });
  await assert.rejects(restorePageRevision(site, team.editor, { pageId: saved.id, revisionId: otherRevision!.id, expectedVersion: 3 }), RevisionNotFoundError);
});

test('a file linked from a published page body is public; from a draft page it is not', async () => {
  const file = await storeMedia(site, { bytes: new TextEncoder().encode('%PDF-1.4\npage\n%%EOF\n'), fileName: 'shiryo.pdf', mime: 'application/pdf' });
  const sha = file.sha256;
  const saved = await savePage(site, team.editor, fields({ bodySource: `[資料](/media/${sha}/shiryo.pdf)をご覧ください。` }));
  assert.equal(await isMediaPublic(site.db, sha), false);
  await transitionPage(site, team.editor, 'publish', { pageId: saved.id });
  assert.equal(await isMediaPublic(site.db, sha), true);
  await transitionPage(site, team.editor, 'unpublish', { pageId: saved.id });
  assert.equal(await isMediaPublic(site.db, sha), false);
});

test('katsudo reindex rebuilds the page index from the published pages', async () => {
  const saved = await savePage(site, team.editor, fields({ bodySource: '再索引される固有語ぽんかん' }));
  await transitionPage(site, team.editor, 'publish', { pageId: saved.id });
  await clearSearchTable(site.db, 'page_search');
  const query = parseSearchQuery('ぽんかん')!;
  assert.deepEqual((await findPageHits(site.db, query, { offset: 0, limit: 10 })).ids, []);
  await reindexSearch(site);
  assert.deepEqual((await findPageHits(site.db, query, { offset: 0, limit: 10 })).ids, [saved.id]);
});

test('an importer may store a title and a slug as long as WordPress allows; the editor keeps them', async () => {
  const title = 'あ'.repeat(300);
  const slug = 'い'.repeat(150);
  await assert.rejects(savePage(site, team.editor, fields({ title, slug })), ValidationError);
  const saved = await savePage(site, team.owner, { ...fields({ title, slug }), isImported: true });
  const page = await getPage(site.db, saved.id);
  assert.equal(page.title, title);
  assert.equal(page.slug, slug);
  // Saved again from the editor with both unchanged: accepted.
  const again = await savePage(site, team.editor, { ...fields({ title, slug, bodySource: '更新' }), pageId: saved.id, expectedVersion: 1 });
  assert.equal(again.version, 2);
});

test("renaming or moving a published parent leaves redirects from its children's old paths too", async () => {
  const top = await savePage(site, team.editor, fields({ slug: 'kurashi' }));
  const child = await savePage(site, team.editor, fields({ slug: 'iryo', parentId: top.id }));
  await transitionPage(site, team.editor, 'publish', { pageId: top.id });
  await transitionPage(site, team.editor, 'publish', { pageId: child.id });
  const page = await getPage(site.db, top.id);
  await savePage(site, team.editor, { ...fields({ title: page.title, slug: 'seikatsu', bodySource: page.bodySource }), pageId: top.id, expectedVersion: 1 });
  assert.equal(await findRedirect(site.db, '/kurashi/'), '/seikatsu/');
  assert.equal(await findRedirect(site.db, '/kurashi/iryo/'), '/seikatsu/iryo/');
});
