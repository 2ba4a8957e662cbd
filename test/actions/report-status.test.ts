import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deleteReportPermanently } from '../../src/actions/reports/delete-report-permanently.js';
import { publishReport } from '../../src/actions/reports/publish-report.js';
import { restoreReport } from '../../src/actions/reports/restore-report.js';
import { saveReport, type ReportFields } from '../../src/actions/reports/save-report.js';
import { scheduleReport } from '../../src/actions/reports/schedule-report.js';
import { searchReports } from '../../src/actions/search/search-reports.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { submitForReview } from '../../src/actions/reports/submit-for-review.js';
import { trashReport } from '../../src/actions/reports/trash-report.js';
import { unpublishReport } from '../../src/actions/reports/unpublish-report.js';
import { withdrawSubmission } from '../../src/actions/reports/withdraw-submission.js';
import { EditConflictError, ForbiddenError, ReportNotFoundError, ReportStateError, ValidationError } from '../../src/domain/errors.js';
import { listAudit } from '../../src/store/audit-log.js';
import { findEditableReport, getEditableReport, listReportsForAdmin } from '../../src/store/reports.js';
import { countRevisions } from '../../src/store/revisions.js';
import { getContentVersion } from '../../src/store/site-state.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { snapshot } from '../support/snapshot.js';

let site: TestSite;
let team: Team;
// The test clock: 2026-11-20T03:00Z, i.e. 12:00 in Japan.
const NOW = new Date('2026-11-20T03:00:00.000Z');

before(async () => {
  site = await createTestSite({ now: () => NOW });
  team = await addTeam(site);
});
after(() => site.cleanup());

let counter = 0;
function fields(overrides: Partial<ReportFields> = {}): ReportFields {
  counter += 1;
  return {
    title: `視察報告${counter}`,
    activityDate: '2024-08-01',
    categoryId: null,
    tags: ['視察', `札${counter}`],
    slug: '',
    summary: '',
    bodySource: `1 視察の概要\n\n(1)第${counter}回目の視察で、港湾施設を見た。`,
    ...overrides,
  };
}

async function isSearchable(id: number, q: string): Promise<boolean> {
  const result = await searchReports(site.db, { q, filter: {}, page: 1, perPage: 100 });
  return result.items.some((i) => i.report.id === id);
}

test('takes a writer’s draft through review to publication by an editor', async () => {
  const draft = await saveReport(site, team.writer, fields({ bodySource: '1 概要\n\n(1)鰻の稚魚の放流に立ち会った。' }));
  await submitForReview(site, team.writer, { reportId: draft.id });
  const submitted = await getEditableReport(site.db, draft.id);
  assert.equal(submitted.submittedAt, NOW.toISOString());
  const review = await listReportsForAdmin(site.db, { status: 'review' }, { offset: 0, limit: 50 });
  assert.ok(review.items.some((r) => r.id === draft.id));
  assert.equal(await isSearchable(draft.id, '鰻の稚魚'), false);

  const before = await snapshot(site.db);
  await assert.rejects(publishReport(site, team.writer, { reportId: draft.id }), (e: unknown) => e instanceof ForbiddenError && e.code === 'FORBIDDEN');
  await assert.rejects(scheduleReport(site, team.writer, { reportId: draft.id, publishAt: '2027-01-01T09:00' }), ForbiddenError);
  assert.deepEqual(await snapshot(site.db), before, 'a refused act writes nothing');

  const versionBefore = await getContentVersion(site.db);
  const result = await publishReport(site, team.editor, { reportId: draft.id, expectedVersion: 1 });
  assert.equal(result.status, 'published');
  const published = await getEditableReport(site.db, draft.id);
  assert.deepEqual([published.status, published.publishedAt, published.submittedAt], ['published', NOW.toISOString(), null]);
  assert.equal(await isSearchable(draft.id, '鰻の稚魚'), true);
  assert.ok((await getContentVersion(site.db)) > versionBefore);
  const audit = await listAudit(site.db, { limit: 2 });
  assert.deepEqual(
    audit.map((a) => [a.action, a.login]),
    [
      ['report.publish', 'editor'],
      ['report.submit', 'writer'],
    ],
  );
  assert.deepEqual(JSON.parse(audit[0]!.detail), { from: 'draft', to: 'published' });
  assert.equal(await countRevisions(site.db, draft.id), 1, 'a status change is not a content revision');
});

test('lets a writer withdraw a submission, and refuses to submit twice or withdraw what was not submitted', async () => {
  const draft = await saveReport(site, team.writer, fields());
  await assert.rejects(withdrawSubmission(site, team.writer, { reportId: draft.id }), ReportStateError);
  await submitForReview(site, team.writer, { reportId: draft.id });
  await assert.rejects(submitForReview(site, team.writer, { reportId: draft.id }), (e: unknown) => e instanceof ReportStateError && /すでに確認依頼中/.test(e.message));
  await assert.rejects(withdrawSubmission(site, team.otherWriter, { reportId: draft.id }), ForbiddenError);
  await withdrawSubmission(site, team.writer, { reportId: draft.id });
  assert.equal((await getEditableReport(site.db, draft.id)).submittedAt, null);
});

test('refuses to submit, publish or schedule a draft without a body', async () => {
  const empty = await saveReport(site, team.writer, fields({ bodySource: '  ' }));
  await assert.rejects(
    submitForReview(site, team.writer, { reportId: empty.id }),
    (e: unknown) => e instanceof ValidationError && /本文を入力してから確認依頼/.test(e.fields.bodySource ?? ''),
  );
  await assert.rejects(publishReport(site, team.editor, { reportId: empty.id }), (e: unknown) => e instanceof ValidationError && e.fields.bodySource !== undefined);
  await assert.rejects(scheduleReport(site, team.editor, { reportId: empty.id, publishAt: '2027-01-01T09:00' }), ValidationError);
  assert.equal((await getEditableReport(site.db, empty.id)).status, 'draft');
});

test('refuses to publish a version the editor has not seen', async () => {
  const draft = await saveReport(site, team.editor, fields());
  const form = await getEditableReport(site.db, draft.id);
  await saveReport(site, team.editor, { ...fields({ title: '後から直した' }), slug: form.slug, reportId: draft.id, expectedVersion: 1 });
  const error = await publishReport(site, team.owner, { reportId: draft.id, expectedVersion: 1 }).catch((e: unknown) => e);
  assert.ok(error instanceof EditConflictError);
  assert.deepEqual((error.details as { current: { version: number } }).current.version, 2);
  assert.equal((await getEditableReport(site.db, draft.id)).status, 'draft');
});

test('schedules only for a real future moment, with the message at the field', async () => {
  const draft = await saveReport(site, team.editor, fields());
  const before = await snapshot(site.db);
  for (const [publishAt, message] of [
    ['2026-11-20T11:59', /現在より後/],
    ['2026-11-20T12:00', /現在より後/],
    ['2026-02-30T10:00', /正しく入力/],
    ['あした', /正しく入力/],
  ] as const) {
    await assert.rejects(
      scheduleReport(site, team.editor, { reportId: draft.id, publishAt }),
      (e: unknown) => e instanceof ValidationError && message.test(e.fields.scheduledAt ?? ''),
      publishAt,
    );
  }
  assert.deepEqual(await snapshot(site.db), before);
  const result = await scheduleReport(site, team.editor, { reportId: draft.id, publishAt: '2026-11-20T12:01' });
  assert.equal(result.scheduledAt, '2026-11-20T03:01:00.000Z');
  const scheduled = await getEditableReport(site.db, draft.id);
  assert.deepEqual([scheduled.status, scheduled.scheduledAt, scheduled.publishedAt], ['scheduled', '2026-11-20T03:01:00.000Z', null]);
  assert.equal(await isSearchable(draft.id, `視察報告${counter}`), false);
  // Rescheduling moves it; unpublishing a scheduled report makes it a draft again.
  await scheduleReport(site, team.editor, { reportId: draft.id, publishAt: '2026-12-24T09:00:00+09:00' });
  assert.equal((await getEditableReport(site.db, draft.id)).scheduledAt, '2026-12-24T00:00:00.000Z');
  await unpublishReport(site, team.editor, { reportId: draft.id });
  const unscheduled = await getEditableReport(site.db, draft.id);
  assert.deepEqual([unscheduled.status, unscheduled.scheduledAt], ['draft', null]);
});

test('unpublishes to a draft: out of search and off the site, keeping the first publication time on republishing', async () => {
  const draft = await saveReport(site, team.editor, fields({ bodySource: '1 概要\n\n(1)鯨の調査捕鯨について説明を受けた。' }));
  await publishReport(site, team.editor, { reportId: draft.id });
  const firstPublishedAt = (await getEditableReport(site.db, draft.id)).publishedAt;
  const versionBefore = await getContentVersion(site.db);
  await unpublishReport(site, team.editor, { reportId: draft.id });
  assert.equal((await getEditableReport(site.db, draft.id)).status, 'draft');
  assert.equal(await isSearchable(draft.id, '調査捕鯨'), false);
  assert.ok((await getContentVersion(site.db)) > versionBefore);
  await assert.rejects(unpublishReport(site, team.editor, { reportId: draft.id }), ReportStateError);
  await publishReport(site, team.owner, { reportId: draft.id });
  assert.equal((await getEditableReport(site.db, draft.id)).publishedAt, firstPublishedAt);
  await assert.rejects(publishReport(site, team.owner, { reportId: draft.id }), (e: unknown) => e instanceof ReportStateError && e.code === 'REPORT_STATE_CONFLICT');
});

test('trashes and restores: off the site while in the trash, a draft after', async () => {
  const draft = await saveReport(site, team.editor, fields({ bodySource: '1 概要\n\n(1)鯛の養殖場を視察した。' }));
  await publishReport(site, team.editor, { reportId: draft.id });
  await assert.rejects(trashReport(site, team.writer, { reportId: draft.id }), ForbiddenError);
  const versionBefore = await getContentVersion(site.db);
  await trashReport(site, team.editor, { reportId: draft.id });
  assert.ok((await getContentVersion(site.db)) > versionBefore, 'trashing a published report changes the site');
  const trashed = await getEditableReport(site.db, draft.id);
  assert.deepEqual([trashed.status, trashed.trashedAt], ['trashed', NOW.toISOString()]);
  assert.equal(await isSearchable(draft.id, '鯛の養殖'), false);
  const all = await listReportsForAdmin(site.db, {}, { offset: 0, limit: 100 });
  assert.ok(!all.items.some((r) => r.id === draft.id), 'the default list leaves out the trash');
  await assert.rejects(trashReport(site, team.editor, { reportId: draft.id }), ReportStateError);
  await restoreReport(site, team.editor, { reportId: draft.id });
  const restored = await getEditableReport(site.db, draft.id);
  assert.deepEqual([restored.status, restored.trashedAt], ['draft', null]);
  assert.equal(await isSearchable(draft.id, '鯛の養殖'), false, 'restored as a draft, not republished');
});

test('deletes for good only as the owner and only from the trash, keeping the media', async () => {
  const media = await storeMedia(site, { bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), fileName: 'shiryo.pdf', mime: 'application/pdf' });
  const draft = await saveReport(site, team.editor, fields({ slug: 'to-delete', bodySource: `1 資料\n\n(1)[配布資料](media:${media.id})を参照。` }));
  await publishReport(site, team.editor, { reportId: draft.id });
  await assert.rejects(deleteReportPermanently(site, team.owner, draft.id), (e: unknown) => e instanceof ReportStateError && /先にゴミ箱/.test(e.message));
  await trashReport(site, team.editor, { reportId: draft.id });
  const before = await snapshot(site.db);
  await assert.rejects(deleteReportPermanently(site, team.editor, draft.id), ForbiddenError);
  await assert.rejects(deleteReportPermanently(site, team.writer, draft.id), ForbiddenError);
  assert.deepEqual(await snapshot(site.db), before);

  await deleteReportPermanently(site, team.owner, draft.id);
  assert.equal(await findEditableReport(site.db, draft.id), undefined);
  assert.equal(await countRevisions(site.db, draft.id), 0);
  const links = await site.db.selectFrom('attachments').selectAll().where('report_id', '=', draft.id).execute();
  const tags = await site.db.selectFrom('report_tags').selectAll().where('report_id', '=', draft.id).execute();
  assert.deepEqual([links, tags], [[], []]);
  const kept = await site.db.selectFrom('media').select('id').where('id', '=', media.id).executeTakeFirst();
  assert.equal(kept?.id, media.id);
  const [entry] = await listAudit(site.db, { limit: 1 });
  assert.equal(entry!.action, 'report.delete');
  assert.equal(JSON.parse(entry!.detail).slug, 'to-delete');
  await assert.rejects(deleteReportPermanently(site, team.owner, draft.id), ReportNotFoundError);
});
