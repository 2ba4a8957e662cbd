import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createReport } from '../../src/actions/reports/create-report.js';
import { publishReport } from '../../src/actions/reports/publish-report.js';
import { restoreRevision } from '../../src/actions/reports/restore-revision.js';
import { saveReport, type ReportFields, type SavedReport } from '../../src/actions/reports/save-report.js';
import { searchReports } from '../../src/actions/search/search-reports.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { EditConflictError, ForbiddenError, ReportNotFoundError, ReportStateError, RevisionNotFoundError, ValidationError } from '../../src/domain/errors.js';
import type { EditConflict } from '../../src/domain/revision.js';
import { listAudit } from '../../src/store/audit-log.js';
import { getEditableReport } from '../../src/store/reports.js';
import { getRevision, listRevisions } from '../../src/store/revisions.js';
import { getContentVersion } from '../../src/store/site-state.js';
import { trashReport } from '../../src/actions/reports/trash-report.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { addCategory } from '../support/factories.js';
import { snapshot } from '../support/snapshot.js';

let site: TestSite;
let team: Team;
let categoryId: number;

before(async () => {
  site = await createTestSite();
  team = await addTeam(site);
  categoryId = (await addCategory(site, 'diet', '国会活動')).id;
});
after(() => site.cleanup());

let counter = 0;
function fields(overrides: Partial<ReportFields> = {}): ReportFields {
  counter += 1;
  return {
    title: `委員会で質問${counter}`,
    activityDate: '2024-06-10',
    categoryId,
    tags: ['予算'],
    slug: '',
    summary: '',
    bodySource: `1 質問の要旨\n\n(1)第${counter}問として、予算の執行について質した。`,
    ...overrides,
  };
}

async function search(q: string): Promise<number[]> {
  const result = await searchReports(site.db, { q, filter: {}, page: 1, perPage: 50 });
  return result.items.map((i) => i.report.id);
}

async function publishedReport(overrides: Partial<ReportFields> = {}): Promise<SavedReport> {
  const saved = await saveReport(site, team.editor, fields(overrides));
  await publishReport(site, team.editor, { reportId: saved.id });
  return saved;
}

test('creates a draft owned by the actor, with its first revision and an audit entry, off the public site', async () => {
  const versionBefore = await getContentVersion(site.db);
  const saved = await saveReport(
    site,
    team.writer,
    fields({ title: '  地元の農協と意見交換  ', tags: ['農業', 'ＴＰＰ'], bodySource: '1 概要\r\n\r\n(1)鱒の養殖について意見を交わした。' }),
  );
  assert.equal(saved.version, 1);
  assert.equal(saved.isChanged, true);
  const report = await getEditableReport(site.db, saved.id);
  assert.equal(report.status, 'draft');
  assert.equal(report.title, '地元の農協と意見交換');
  assert.equal(report.authorId, team.writer.userId);
  assert.equal(report.authorName, 'writerさん');
  assert.deepEqual(report.tags, ['農業', 'TPP']);
  assert.equal(report.category?.name, '国会活動');
  assert.match(String(report.bodyHtml), /鱒の養殖/);
  assert.equal(report.submittedAt, null);
  const [revision] = await listRevisions(site.db, saved.id);
  assert.equal(revision!.id, saved.revisionId);
  assert.equal(revision!.version, 1);
  assert.equal(revision!.authorId, team.writer.userId);
  assert.equal((await getRevision(site.db, saved.revisionId!)).bodySource, '1 概要\n\n(1)鱒の養殖について意見を交わした。');
  const [entry] = await listAudit(site.db, { limit: 1 });
  assert.deepEqual([entry!.action, entry!.target, entry!.login, entry!.userId], ['report.create', `report:${saved.id}`, 'writer', team.writer.userId]);
  assert.equal(await getContentVersion(site.db), versionBefore, 'a draft changes nothing public');
  assert.deepEqual(await search('鱒の養殖'), [], 'drafts are never indexed');
});

test('generates the slug from the activity date, then -2 for a second report of that day', async () => {
  const first = await saveReport(site, team.editor, fields({ activityDate: '2024-07-07' }));
  const second = await saveReport(site, team.editor, fields({ activityDate: '2024-07-07', slug: '   ' }));
  assert.equal(first.slug, '2024-07-07');
  assert.equal(second.slug, '2024-07-07-2');
});

test('keeps a draft whose body is not written yet', async () => {
  const saved = await saveReport(site, team.writer, fields({ bodySource: '' }));
  assert.equal((await getEditableReport(site.db, saved.id)).bodySource, '');
});

test('refuses bad input with a Japanese message for every field at once, writing nothing', async () => {
  await saveReport(site, team.editor, fields({ slug: 'taken-slug' }));
  const before = await snapshot(site.db);
  const error = await saveReport(
    site,
    team.editor,
    fields({ title: ' ', activityDate: '2023-02-30', slug: 'Bad Slug', categoryId: 9999, summary: 'あ'.repeat(401) }),
  ).catch((e: unknown) => e);
  assert.ok(error instanceof ValidationError);
  assert.deepEqual(Object.keys(error.fields).sort(), ['activityDate', 'categoryId', 'slug', 'summary', 'title']);
  assert.equal(error.fields.title, 'タイトルを入力してください。');
  assert.match(error.fields.activityDate!, /実在する日付/);
  assert.match(error.fields.slug!, /半角の英小文字/);
  assert.match(error.fields.categoryId!, /カテゴリーはありません/);
  assert.deepEqual(await snapshot(site.db), before);
});

test('refuses a title over 200 characters, counting Japanese characters as one each', async () => {
  await assert.rejects(
    saveReport(site, team.editor, fields({ title: '会'.repeat(201) })),
    (e: unknown) => e instanceof ValidationError && e.fields.title === 'タイトルは200文字以内にしてください(現在201文字)。',
  );
  const saved = await saveReport(site, team.editor, fields({ title: '𠮷'.repeat(200) }));
  assert.equal((await getEditableReport(site.db, saved.id)).title.length, 400, 'surrogate pairs count once');
});

test('refuses dates that are not dates', async () => {
  for (const activityDate of ['2023-02-29', '2024-13-01', '2024/06/10', '令和6年6月10日', '']) {
    await assert.rejects(
      saveReport(site, team.editor, fields({ activityDate })),
      (e: unknown) => e instanceof ValidationError && e.fields.activityDate !== undefined,
      activityDate,
    );
  }
});

test('refuses a slug another report uses, on create and on update, but not the report’s own', async () => {
  const owner = await saveReport(site, team.editor, fields({ slug: 'unique-slug' }));
  const other = await saveReport(site, team.editor, fields());
  const before = await snapshot(site.db);
  await assert.rejects(
    saveReport(site, team.editor, fields({ slug: 'unique-slug' })),
    (e: unknown) => e instanceof ValidationError && /ほかの報告で使われています/.test(e.fields.slug ?? ''),
  );
  await assert.rejects(
    saveReport(site, team.editor, { ...fields({ slug: 'unique-slug' }), reportId: other.id, expectedVersion: other.version }),
    (e: unknown) => e instanceof ValidationError && e.fields.slug !== undefined,
  );
  assert.deepEqual(await snapshot(site.db), before);
  const same = await saveReport(site, team.editor, { ...fields({ slug: 'unique-slug', title: '題名だけ変更' }), reportId: owner.id, expectedVersion: owner.version });
  assert.equal(same.slug, 'unique-slug');
});

test('updates a report: next version, a revision per save, an audit entry; an unchanged save writes nothing', async () => {
  const created = await saveReport(site, team.editor, fields());
  const input = fields({ title: '修正した題名' });
  const saved = await saveReport(site, team.editor, { ...input, reportId: created.id, expectedVersion: 1, note: '題名を修正' });
  assert.deepEqual([saved.version, saved.isChanged], [2, true]);
  const revisions = await listRevisions(site.db, created.id);
  assert.deepEqual(
    revisions.map((r) => [r.version, r.title, r.note]),
    [
      [2, '修正した題名', '題名を修正'],
      [1, revisions[1]!.title, ''],
    ],
  );
  assert.equal((await listAudit(site.db, { limit: 1 }))[0]!.action, 'report.update');

  const before = await snapshot(site.db);
  const again = await saveReport(site, team.editor, { ...input, reportId: created.id, expectedVersion: 2 });
  assert.deepEqual([again.version, again.isChanged, again.revisionId], [2, false, null]);
  assert.deepEqual(await snapshot(site.db), before);
});

test('keeps the original of a report made before revisions existed when it is first edited', async () => {
  const imported = await createReport(site, { title: '取り込んだ報告', activityDate: '2012-04-01', bodySource: '旧サイトの本文。' }, { status: 'published' });
  // A report of a site older than revisions at creation: it has none.
  await site.db.deleteFrom('revisions').where('report_id', '=', imported.id).execute();
  await saveReport(site, team.editor, {
    ...fields({ title: '取り込んだ報告(改)', activityDate: '2012-04-01', slug: imported.slug, categoryId: null, tags: [] }),
    reportId: imported.id,
    expectedVersion: 1,
  });
  const revisions = await listRevisions(site.db, imported.id);
  assert.deepEqual(
    revisions.map((r) => [r.version, r.title, r.note]),
    [
      [2, '取り込んだ報告(改)', ''],
      [1, '取り込んだ報告', '編集前の版'],
    ],
  );
  assert.equal((await getRevision(site.db, revisions[1]!.id)).bodySource, '旧サイトの本文。');
});

test('reindexes an edited published report and bumps the content version', async () => {
  const saved = await publishedReport({ bodySource: '1 概要\n\n(1)鰤の水揚げを視察した。' });
  assert.deepEqual(await search('鰤の水揚げ'), [saved.id]);
  const versionBefore = await getContentVersion(site.db);
  const current = await getEditableReport(site.db, saved.id);
  await saveReport(site, team.editor, {
    ...fields({ bodySource: '1 概要\n\n(1)鰹の水揚げを視察した。' }),
    reportId: saved.id,
    expectedVersion: current.version,
    slug: current.slug,
  });
  assert.deepEqual(await search('鰤の水揚げ'), []);
  assert.deepEqual(await search('鰹の水揚げ'), [saved.id]);
  assert.ok((await getContentVersion(site.db)) > versionBefore);
});

test('lets writers edit only their own drafts, and editors any report', async () => {
  const mine = await saveReport(site, team.writer, fields());
  const before = await snapshot(site.db);
  await assert.rejects(saveReport(site, team.otherWriter, { ...fields(), reportId: mine.id, expectedVersion: 1 }), ForbiddenError);
  assert.deepEqual(await snapshot(site.db), before);
  const byEditor = await saveReport(site, team.editor, { ...fields({ title: '編集者が直した' }), reportId: mine.id, expectedVersion: 1 });
  assert.equal(byEditor.version, 2);
  await publishReport(site, team.editor, { reportId: mine.id });
  await assert.rejects(
    saveReport(site, team.writer, { ...fields(), reportId: mine.id, expectedVersion: 2 }),
    (e: unknown) => e instanceof ForbiddenError && /編集者だけ/.test(e.message),
  );
});

test('refuses to edit a trashed report and a report that does not exist', async () => {
  const saved = await saveReport(site, team.editor, fields());
  await trashReport(site, team.editor, { reportId: saved.id });
  await assert.rejects(saveReport(site, team.editor, { ...fields(), reportId: saved.id, expectedVersion: 1 }), ReportStateError);
  await assert.rejects(saveReport(site, team.editor, { ...fields(), reportId: 987_654, expectedVersion: 1 }), ReportNotFoundError);
});

async function conflictOf(promise: Promise<unknown>): Promise<EditConflict> {
  const error = await promise.catch((e: unknown) => e);
  assert.ok(error instanceof EditConflictError, `expected a conflict, got ${String(error)}`);
  assert.equal(error.code, 'EDIT_CONFLICT');
  assert.match(error.message, /先に保存した/);
  return error.details as EditConflict;
}

test('refuses the later of two editors working from the same version, keeping both texts', async () => {
  const created = await saveReport(site, team.editor, fields({ bodySource: '1 概要\n\n(1)元の文。' }));
  // Both open the form at version 1.
  const form = await getEditableReport(site.db, created.id);
  const base = { ...fields(), slug: form.slug, title: form.title, reportId: created.id, expectedVersion: form.version };
  await saveReport(site, team.editor, { ...base, bodySource: '1 概要\n\n(1)編集者の文。' });
  const before = await getEditableReport(site.db, created.id);

  const conflict = await conflictOf(saveReport(site, team.owner, { ...base, bodySource: '1 概要\n\n(1)オーナーの文。' }));
  const after = await getEditableReport(site.db, created.id);
  assert.deepEqual(after, before, 'nothing is overwritten');
  assert.equal(conflict.reportId, created.id);
  assert.equal(conflict.baseVersion, 1);
  assert.equal(conflict.current.version, 2);
  assert.equal(conflict.current.content.bodySource, '1 概要\n\n(1)編集者の文。');
  assert.equal(conflict.submitted.bodySource, '1 概要\n\n(1)オーナーの文。');
  const refused = await getRevision(site.db, conflict.refusedRevisionId, created.id);
  assert.deepEqual(
    [refused.note, refused.bodySource, refused.authorId, refused.version],
    ['競合のため保存されなかった版', '1 概要\n\n(1)オーナーの文。', team.owner.userId, 1],
  );
  assert.equal((await listAudit(site.db, { limit: 1 }))[0]!.action, 'report.conflict');

  // The refused text can be brought back from history.
  const restored = await restoreRevision(site, team.owner, { reportId: created.id, revisionId: refused.id, expectedVersion: 2 });
  assert.equal(restored.version, 3);
  assert.equal((await getEditableReport(site.db, created.id)).bodySource, '1 概要\n\n(1)オーナーの文。');
});

test('lets exactly one of two simultaneous saves from one version through', async () => {
  const created = await saveReport(site, team.editor, fields());
  const form = await getEditableReport(site.db, created.id);
  const base = { ...fields(), slug: form.slug, reportId: created.id, expectedVersion: form.version };
  const results = await Promise.allSettled([saveReport(site, team.editor, { ...base, title: '編集者A' }), saveReport(site, team.owner, { ...base, title: 'オーナーB' })]);
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
  assert.ok(rejected.reason instanceof EditConflictError);
  const report = await getEditableReport(site.db, created.id);
  assert.equal(report.version, 2);
  const titles = (await listRevisions(site.db, created.id)).map((r) => r.title);
  assert.ok(titles.includes('編集者A') && titles.includes('オーナーB'), 'both texts are in the history');
});

test('restores an older revision as a new version noted with its number', async () => {
  const created = await saveReport(site, team.editor, fields({ title: '第一稿' }));
  const form = await getEditableReport(site.db, created.id);
  await saveReport(site, team.editor, { ...fields({ title: '第二稿' }), slug: form.slug, reportId: created.id, expectedVersion: 1 });
  const first = (await listRevisions(site.db, created.id)).find((r) => r.version === 1)!;
  const restored = await restoreRevision(site, team.editor, { reportId: created.id, revisionId: first.id, expectedVersion: 2 });
  assert.equal(restored.version, 3);
  const [newest] = await listRevisions(site.db, created.id);
  assert.deepEqual([newest!.version, newest!.title, newest!.note], [3, '第一稿', '版1から復元']);
  assert.equal((await getEditableReport(site.db, created.id)).title, '第一稿');
  assert.equal((await listAudit(site.db, { limit: 1 }))[0]!.action, 'report.restore_revision');
});

test('refuses to restore another report’s revision, or from a stale page', async () => {
  const a = await saveReport(site, team.editor, fields());
  const b = await saveReport(site, team.editor, fields());
  await assert.rejects(restoreRevision(site, team.editor, { reportId: a.id, revisionId: b.revisionId!, expectedVersion: 1 }), RevisionNotFoundError);
  const form = await getEditableReport(site.db, a.id);
  await saveReport(site, team.editor, { ...fields({ title: '変更後' }), slug: form.slug, reportId: a.id, expectedVersion: 1 });
  const before = await getEditableReport(site.db, a.id);
  const conflict = await conflictOf(restoreRevision(site, team.editor, { reportId: a.id, revisionId: a.revisionId!, expectedVersion: 1 }));
  assert.equal(conflict.refusedRevisionId, a.revisionId);
  assert.deepEqual(await getEditableReport(site.db, a.id), before);
});

test('refuses a writer restoring a revision of a published report', async () => {
  const mine = await saveReport(site, team.writer, fields());
  await publishReport(site, team.editor, { reportId: mine.id });
  await assert.rejects(restoreRevision(site, team.writer, { reportId: mine.id, revisionId: mine.revisionId!, expectedVersion: 1 }), ForbiddenError);
});

test('lists a file newly linked from the body under the report, keeping the labels already set', async () => {
  const first = await storeMedia(site, { bytes: new TextEncoder().encode('%PDF-1.4\n1\n%%EOF\n'), fileName: 'gaiyo.pdf', mime: 'application/pdf' });
  const second = await storeMedia(site, { bytes: new TextEncoder().encode('%PDF-1.4\n2\n%%EOF\n'), fileName: 'shiryo.pdf', mime: 'application/pdf' });
  const created = await saveReport(site, team.editor, fields({ bodySource: `1 資料\n\n(1)[概要](media:${first.id})を配布した。` }));
  const form = await getEditableReport(site.db, created.id);
  await saveReport(site, team.editor, {
    ...fields({ bodySource: `1 資料\n\n(1)[別名の概要](media:${first.id})と[参考資料](media:shiryo.pdf)を配布した。` }),
    slug: form.slug,
    reportId: created.id,
    expectedVersion: form.version,
  });
  const attachments = (await getEditableReport(site.db, created.id)).attachments;
  assert.deepEqual(
    attachments.map((a) => [a.mediaId, a.label]),
    [
      [first.id, '概要'],
      [second.id, '参考資料'],
    ],
  );
  assert.match(String((await getEditableReport(site.db, created.id)).bodyHtml), /参考資料/);
});
