import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { publishReport } from '../../src/actions/reports/publish-report.js';
import { saveReport, type ReportFields } from '../../src/actions/reports/save-report.js';
import { submitForReview } from '../../src/actions/reports/submit-for-review.js';
import { trashReport } from '../../src/actions/reports/trash-report.js';
import { scheduleReport } from '../../src/actions/reports/schedule-report.js';
import { ReportNotFoundError } from '../../src/domain/errors.js';
import {
  countReportsByAdminStatus,
  getEditableReport,
  listReportsForAdmin,
  setReportStatus,
  updateReportContent,
  type AdminReportFilter,
} from '../../src/store/reports.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { addCategory } from '../support/factories.js';

let site: TestSite;
let team: Team;
let diet: number;
let local: number;
const ids = { draft: 0, review: 0, published: 0, scheduled: 0, trashed: 0 };

function fields(title: string, overrides: Partial<ReportFields> = {}): ReportFields {
  return { title, activityDate: '2024-04-01', categoryId: null, tags: [], slug: '', summary: '', bodySource: `1 概要\n\n(1)${title}の本文。`, ...overrides };
}

before(async () => {
  let tick = 0;
  // Each write a minute later, so "most recently changed first" has one answer.
  site = await createTestSite({ now: () => new Date(Date.UTC(2026, 10, 20, 3, tick++)) });
  team = await addTeam(site);
  diet = (await addCategory(site, 'diet', '国会活動')).id;
  local = (await addCategory(site, 'local', '地元活動')).id;
  ids.draft = (await saveReport(site, team.writer, fields('下書きの予算質問', { categoryId: diet }))).id;
  ids.review = (await saveReport(site, team.writer, fields('確認待ちの農業視察', { categoryId: local }))).id;
  await submitForReview(site, team.writer, { reportId: ids.review });
  ids.published = (await saveReport(site, team.editor, fields('公開した100%達成の報告', { categoryId: diet, bodySource: '1 概要\n\n(1)達成率は100%であった。' }))).id;
  await publishReport(site, team.editor, { reportId: ids.published });
  ids.scheduled = (await saveReport(site, team.editor, fields('予約したa_b報告'))).id;
  await scheduleReport(site, team.editor, { reportId: ids.scheduled, publishAt: '2027-01-01T09:00' });
  ids.trashed = (await saveReport(site, team.otherWriter, fields('捨てた報告'))).id;
  await trashReport(site, team.editor, { reportId: ids.trashed });
});
after(() => site.cleanup());

async function listed(filter: AdminReportFilter): Promise<number[]> {
  return (await listReportsForAdmin(site.db, filter, { offset: 0, limit: 50 })).items.map((r) => r.id);
}

test('lists everything but the trash by default, most recently changed first', async () => {
  assert.deepEqual(await listed({}), [ids.scheduled, ids.published, ids.review, ids.draft]);
});

test('filters by status, with review meaning submitted drafts', async () => {
  assert.deepEqual(await listed({ status: 'draft' }), [ids.review, ids.draft]);
  assert.deepEqual(await listed({ status: 'review' }), [ids.review]);
  assert.deepEqual(await listed({ status: 'published' }), [ids.published]);
  assert.deepEqual(await listed({ status: 'scheduled' }), [ids.scheduled]);
  assert.deepEqual(await listed({ status: 'trashed' }), [ids.trashed]);
});

test('filters by category, author and text in the title or body', async () => {
  assert.deepEqual(await listed({ categoryId: diet }), [ids.published, ids.draft]);
  assert.deepEqual(await listed({ authorId: team.writer.userId }), [ids.review, ids.draft]);
  assert.deepEqual(await listed({ text: '農業' }), [ids.review]);
  assert.deepEqual(await listed({ text: '達成率' }), [ids.published], 'found in the body');
  assert.deepEqual(await listed({ text: '  ' }), await listed({}));
  assert.deepEqual(await listed({ authorId: team.writer.userId, categoryId: local, status: 'review', text: '視察' }), [ids.review]);
});

test('takes % and _ in the text literally', async () => {
  assert.deepEqual(await listed({ text: '100%' }), [ids.published]);
  assert.deepEqual(await listed({ text: '%' }), [ids.published]);
  assert.deepEqual(await listed({ text: 'a_b' }), [ids.scheduled]);
  assert.deepEqual(await listed({ text: '_' }), [ids.scheduled]);
});

test('gives each item its author and workflow fields, and pages', async () => {
  const page = await listReportsForAdmin(site.db, { status: 'review' }, { offset: 0, limit: 10 });
  const [item] = page.items;
  assert.equal(page.total, 1);
  assert.deepEqual(
    [item!.authorId, item!.authorName, item!.submittedAt !== null, item!.scheduledAt, item!.version, item!.category?.name],
    [team.writer.userId, 'writerさん', true, null, 1, '地元活動'],
  );
  const second = await listReportsForAdmin(site.db, {}, { offset: 2, limit: 1 });
  assert.deepEqual([second.total, second.items.map((r) => r.id)], [4, [ids.review]]);
  assert.deepEqual((await listReportsForAdmin(site.db, {}, { offset: 10, limit: 1 })).items, []);
});

test('counts the reports of each tab', async () => {
  assert.deepEqual(await countReportsByAdminStatus(site.db), { draft: 2, review: 1, scheduled: 1, published: 1, trashed: 1 });
});

test('writes content only at the expected version, and a status only from the expected one', async () => {
  const report = await getEditableReport(site.db, ids.draft);
  const write = {
    slug: report.slug,
    title: '古い版からの書き込み',
    activityDate: report.activityDate,
    bodySource: '',
    bodyHtml: '',
    bodyText: '',
    outline: [],
    summary: '',
    categoryId: null,
  };
  assert.equal(await updateReportContent(site.db, ids.draft, report.version + 1, write, '2026-11-21T00:00:00.000Z'), false);
  assert.equal(await setReportStatus(site.db, ids.draft, ['published'], { status: 'trashed' }, '2026-11-21T00:00:00.000Z'), false);
  assert.deepEqual(await getEditableReport(site.db, ids.draft), report);
  await assert.rejects(getEditableReport(site.db, 424_242), ReportNotFoundError);
});

test("names an imported report's author by the name its old site gave when no account wrote it", async () => {
  const id = (await saveReport(site, team.editor, fields('取り込んだ報告'))).id;
  await site.db.updateTable('reports').set({ author_id: null, author_name: '旧サイト 担当' }).where('id', '=', id).execute();
  assert.equal((await getEditableReport(site.db, id))?.authorName, '旧サイト 担当');
  const listed = (await listReportsForAdmin(site.db, { text: '取り込んだ報告' }, { offset: 0, limit: 10 })).items;
  assert.deepEqual(
    listed.map((r) => [r.id, r.authorId, r.authorName]),
    [[id, null, '旧サイト 担当']],
  );
  // An account's name wins over a stored name.
  await site.db.updateTable('reports').set({ author_id: team.editor.userId }).where('id', '=', id).execute();
  assert.notEqual((await getEditableReport(site.db, id))?.authorName, '旧サイト 担当');
});
