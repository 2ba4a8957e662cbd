import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RevisionNotFoundError } from '../../src/domain/errors.js';
import type { RevisionContent } from '../../src/domain/revision.js';
import { countRevisions, deleteRevisionsOf, findRevision, getRevision, getRevisionPair, insertRevision, listRevisions } from '../../src/store/revisions.js';
import { addAuthor } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { addCategory, publishReport } from '../support/factories.js';

let site: TestSite;
let reportId: number;
let otherReportId: number;
let categoryId: number;
let authorId: number;

before(async () => {
  site = await createTestSite();
  reportId = (await publishReport(site)).id;
  otherReportId = (await publishReport(site)).id;
  // The tests below write every revision themselves: the reports start without their first.
  await site.db.deleteFrom('revisions').execute();
  categoryId = (await addCategory(site, 'diet', '国会活動')).id;
  authorId = (await addAuthor(site, 'editor', 'hisho')).userId;
});
after(() => site.cleanup());

function content(title: string, overrides: Partial<RevisionContent> = {}): Omit<RevisionContent, 'categoryName'> {
  return { title, slug: '2024-05-01', activityDate: '2024-05-01', categoryId, tags: ['外交', '農業'], summary: '概要', bodySource: `${title}の本文`, ...overrides };
}

test('stores a revision and reads it back with its category and author names', async () => {
  const id = await insertRevision(site.db, { reportId, version: 2, status: 'draft', authorId, note: 'メモ', content: content('一版') }, '2026-11-20T03:00:00.000Z');
  const revision = await getRevision(site.db, id);
  assert.deepEqual(revision, {
    id,
    reportId,
    pageId: null,
    version: 2,
    status: 'draft',
    authorId,
    authorName: 'hishoさん',
    note: 'メモ',
    createdAt: '2026-11-20T03:00:00.000Z',
    title: '一版',
    slug: '2024-05-01',
    activityDate: '2024-05-01',
    categoryId,
    categoryName: '国会活動',
    tags: ['外交', '農業'],
    summary: '概要',
    bodySource: '一版の本文',
  });
});

test('lists a report’s revisions newest first, without bodies, and only that report’s', async () => {
  const first = await insertRevision(
    site.db,
    { reportId: otherReportId, version: 1, status: 'draft', authorId: null, content: content('A', { categoryId: null }) },
    '2026-11-20T03:00:00.000Z',
  );
  const second = await insertRevision(
    site.db,
    { reportId: otherReportId, version: 2, status: 'published', authorId: null, content: content('B') },
    '2026-11-20T03:00:00.000Z',
  );
  const list = await listRevisions(site.db, otherReportId);
  assert.deepEqual(
    list.map((r) => [r.id, r.title, r.version, r.categoryName, r.authorName]),
    [
      [second, 'B', 2, '国会活動', null],
      [first, 'A', 1, null, null],
    ],
  );
  assert.equal('bodySource' in list[0]!, false);
  assert.equal(await countRevisions(site.db, otherReportId), 2);
});

test('gets two revisions of one report for a diff, and refuses another report’s revision', async () => {
  const a = await insertRevision(site.db, { reportId, version: 3, status: 'draft', authorId, content: content('前') }, '2026-11-20T03:00:00.000Z');
  const b = await insertRevision(site.db, { reportId, version: 4, status: 'draft', authorId, content: content('後') }, '2026-11-20T03:00:00.000Z');
  const foreign = await insertRevision(site.db, { reportId: otherReportId, version: 9, status: 'draft', authorId, content: content('他') }, '2026-11-20T03:00:00.000Z');
  const [older, newer] = await getRevisionPair(site.db, reportId, a, b);
  assert.deepEqual([older.title, newer.title], ['前', '後']);
  await assert.rejects(getRevisionPair(site.db, reportId, a, foreign), RevisionNotFoundError);
  await assert.rejects(getRevision(site.db, foreign, reportId), (e: unknown) => e instanceof RevisionNotFoundError && e.code === 'REVISION_NOT_FOUND');
  await assert.rejects(getRevision(site.db, 999_999), RevisionNotFoundError);
  assert.equal(await findRevision(site.db, 999_999), undefined);
});

test('deletes the revisions of one report only', async () => {
  const victim = (await publishReport(site)).id;
  await insertRevision(site.db, { reportId: victim, version: 1, status: 'draft', authorId, content: content('消す') }, '2026-11-20T03:00:00.000Z');
  const othersBefore = await countRevisions(site.db, otherReportId);
  await deleteRevisionsOf(site.db, victim);
  assert.equal(await countRevisions(site.db, victim), 0);
  assert.equal(await countRevisions(site.db, otherReportId), othersBefore);
});
