// What "a report uses a media file" means (issue 10 item 5), through deleting and the
// library's list: every kind of use refuses the deletion and names the reports; a file
// nobody uses goes; a deletion racing a new use never leaves a report pointing at nothing.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, test } from 'node:test';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { deleteMedia } from '../../src/actions/media/delete-media.js';
import { listMedia } from '../../src/actions/media/list-media.js';
import { savePage } from '../../src/actions/pages/save-page.js';
import { trashReport } from '../../src/actions/reports/trash-report.js';
import { uploadMedia, type UploadedMedia } from '../../src/actions/media/upload-media.js';
import { MediaInUseError, MediaNotFoundError } from '../../src/domain/errors.js';
import { isMediaUrlOf, mediaPath, mediaUrlsInHtml, mediaVariantPath } from '../../src/domain/media-path.js';
import { mediaFilePath } from '../../src/store/media-files.js';
import { findMedia } from '../../src/store/media.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { addTestUser, makeImage, makePdf, TEST_USER } from '../support/media-fixtures.js';

let site: TestSite;
beforeEach(async () => {
  site = await createTestSite();
  await addTestUser(site);
});
afterEach(async () => site.cleanup());

const upload = async (fileName: string, bytes?: Uint8Array) =>
  uploadMedia(site, { bytes: bytes ?? (await makePdf(1)), fileName, altText: fileName.endsWith('.pdf') ? '' : '写真', user: TEST_USER });

/** The ids of the reports a refused deletion names; fails when the deletion goes through. */
async function refusedFor(media: UploadedMedia): Promise<number[]> {
  let named: number[] = [];
  await assert.rejects(deleteMedia(site, { mediaId: media.id, user: TEST_USER }), (e) => {
    assert.ok(e instanceof MediaInUseError);
    named = e.reports.map((r) => r.id);
    return true;
  });
  assert.ok(await findMedia(site.db, media.id), 'the record stays');
  assert.ok(existsSync(mediaFilePath(site.dataDir, media.sha256)), 'the file stays');
  return named;
}

test('refuses to delete a file whose /media/ URL is written in a body, as typed or percent-encoded, and names the report', async () => {
  const media = await upload('名簿.pdf');
  const typed = await publishReport(site, { title: 'URLを書いた報告', bodySource: `資料は /media/${media.sha256}/名簿.pdf にある。` });
  const encoded = await publishReport(site, { title: 'リンクの報告', bodySource: `[名簿](${mediaPath(media.sha256, media.originalName)})を配布した。` });
  const full = await publishReport(site, { title: '完全なURL', bodySource: `https://example.jp${mediaPath(media.sha256, media.originalName)}` });
  assert.deepEqual(await refusedFor(media), [typed.id, encoded.id, full.id]);
  assert.deepEqual(
    (await listMedia(site)).items.find((i) => i.id === media.id)?.usedBy.map((r) => r.title),
    ['URLを書いた報告', 'リンクの報告', '完全なURL'],
  );
});

test('refuses to delete an image whose WebP variant URL is written in a body', async () => {
  const image = await upload('駅前.jpg', await makeImage('jpeg', 1400, 700));
  const report = await publishReport(site, { title: '縮小画像の報告', bodySource: `![駅前](${mediaVariantPath(image.sha256, image.originalName, 640)})` });
  assert.deepEqual(await refusedFor(image), [report.id]);
});

test('lists every kind of use at once: attachment, media: link, written URL, in any status, trash included', async () => {
  const media = await upload('資料.pdf');
  const attached = await publishReport(site, { title: '添付' });
  await attachMediaToReport(site, { reportId: attached.id, mediaId: media.id, label: '資料', user: TEST_USER });
  const linked = await publishReport(site, { title: '参照', bodySource: '[資料](media:資料.pdf)' });
  const trashed = await publishReport(site, { title: 'ごみ箱', bodySource: `${mediaPath(media.sha256, media.originalName)}` });
  await trashReport(site, { userId: 1, login: TEST_USER.login, role: 'owner' }, { reportId: trashed.id });
  const unrelated = await publishReport(site, { title: '無関係' });
  const named = await refusedFor(media);
  assert.deepEqual(named, [attached.id, linked.id, trashed.id]);
  assert.ok(!named.includes(unrelated.id));
});

test('refuses to delete a file a fixed page links to, naming the page after the reports', async () => {
  const media = await upload('事務所地図.pdf');
  const report = await publishReport(site, { title: '報告', bodySource: '[地図](media:事務所地図.pdf)' });
  const owner = { userId: 1, login: TEST_USER.login, role: 'owner' as const };
  const page = await savePage(site, owner, {
    title: '事務所案内',
    slug: 'office',
    parentId: null,
    position: 0,
    summary: '',
    bodySource: `地図は ${mediaPath(media.sha256, media.originalName)} にある。`,
  });
  let users: unknown;
  await assert.rejects(deleteMedia(site, { mediaId: media.id, user: TEST_USER }), (e) => {
    assert.ok(e instanceof MediaInUseError);
    users = e.reports;
    return true;
  });
  assert.deepEqual(users, [
    { kind: 'report', id: report.id, title: '報告', status: 'published' },
    { kind: 'page', id: page.id, title: '事務所案内', status: 'draft' },
  ]);
});

test('deletes a file nobody uses, even when a report links another name of the same bytes', async () => {
  const bytes = await makePdf(1);
  const used = await upload('使用中.pdf', bytes);
  const spare = await upload('予備.pdf', bytes);
  const report = await publishReport(site, { title: '使用中の報告', bodySource: `${mediaPath(used.sha256, used.originalName)}` });
  await deleteMedia(site, { mediaId: spare.id, user: TEST_USER });
  assert.equal(await findMedia(site.db, spare.id), undefined);
  assert.ok(existsSync(mediaFilePath(site.dataDir, used.sha256)), 'the other record still holds the bytes');
  assert.deepEqual(await refusedFor(used), [report.id]);

  const lone = await upload('単独.pdf', await makePdf(3));
  await deleteMedia(site, { mediaId: lone.id, user: TEST_USER });
  assert.equal(await findMedia(site.db, lone.id), undefined);
  assert.ok(!existsSync(mediaFilePath(site.dataDir, lone.sha256)));
});

/** Every attachment and every /media/ URL in a body names a stored record whose file is on disk. */
async function assertNoReportPointsAtNothing() {
  const media = await site.db.selectFrom('media').select(['id', 'sha256', 'original_name']).execute();
  const records = media.map((m) => ({ id: m.id, sha256: m.sha256, originalName: m.original_name }));
  for (const a of await site.db.selectFrom('attachments').select(['report_id', 'media_id']).execute()) {
    const record = records.find((m) => m.id === a.media_id);
    assert.ok(record && existsSync(mediaFilePath(site.dataDir, record.sha256)), `report ${a.report_id} attaches a missing file`);
  }
  for (const r of await site.db.selectFrom('reports').select(['id', 'body_html']).execute()) {
    for (const url of mediaUrlsInHtml(r.body_html)) {
      const record = records.find((m) => isMediaUrlOf(url, m));
      assert.ok(record && existsSync(mediaFilePath(site.dataDir, record.sha256)), `report ${r.id} links a missing file`);
    }
  }
}

test('a deletion fired together with an attachment or a new link never leaves a report pointing at a deleted file', async () => {
  for (let round = 0; round < 6; round += 1) {
    const media = await upload(`同時${round}.pdf`, await makePdf(round + 1));
    const report = await publishReport(site, { title: `同時${round}` });
    const remove = () => deleteMedia(site, { mediaId: media.id, user: TEST_USER }).then(() => 'deleted' as const);
    const use =
      round % 2 === 0
        ? () => attachMediaToReport(site, { reportId: report.id, mediaId: media.id, label: '資料', user: TEST_USER }).then(() => 'used' as const)
        : () => publishReport(site, { title: `新規${round}`, bodySource: `[資料](media:同時${round}.pdf)` }).then(() => 'used' as const);
    const tasks = round % 4 < 2 ? [remove(), use()] : [use(), remove()];
    const outcomes = await Promise.allSettled(tasks);
    const done = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as unknown);
    assert.ok(
      failures.every((e) => e instanceof MediaInUseError || e instanceof MediaNotFoundError),
      String(failures[0]),
    );
    assert.ok(done.includes('used') || done.includes('deleted'));
    await assertNoReportPointsAtNothing();
  }
});
