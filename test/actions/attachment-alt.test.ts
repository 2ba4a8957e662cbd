// Alt text per use (issue 12 item 3): the same bytes attached to two reports keep one media
// record, but each report's use has its own alt text; a new use starts without one (the other
// uses' texts are suggestions, never copied); migration 0020 gives the old alt to the first use only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { ValidationError } from '../../src/domain/errors.js';
import { openDatabase } from '../../src/store/database.js';
import { getMedia, listAttachments, otherUseAltTexts } from '../../src/store/media.js';
import { databaseBefore } from '../support/database-before.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { addTestUser, makeImage, TEST_USER } from '../support/media-fixtures.js';

let site: TestSite;
before(async () => {
  site = await createTestSite();
  await addTestUser(site);
});
after(async () => site.cleanup());

test('two reports with identical bytes keep different alt texts; a new use starts empty with the other use as a suggestion', async () => {
  const bytes = await makeImage('png', 400, 300);
  const first = await publishReport(site, { title: '港湾の視察' });
  const second = await publishReport(site, { title: '防災訓練' });
  const media = await uploadMedia(site, { bytes, fileName: '写真.png', altText: '港湾施設を視察する議員', user: TEST_USER });
  await attachMediaToReport(site, { reportId: first.id, mediaId: media.id, label: '視察', altText: '港湾施設を視察する議員', user: TEST_USER });
  // The same bytes again: one record, attached to the second report without an alt text of its own.
  const again = await uploadMedia(site, { bytes, fileName: '写真.png', altText: '防災訓練の会場', user: TEST_USER });
  assert.equal(again.id, media.id);
  await attachMediaToReport(site, { reportId: second.id, mediaId: media.id, label: '訓練', user: TEST_USER });

  const [secondUse] = await listAttachments(site.db, second.id);
  assert.equal(secondUse!.useAltText, null);
  const suggestions = await otherUseAltTexts(site.db, { kind: 'report', id: second.id }, [media.id]);
  assert.deepEqual(suggestions.get(media.id), [{ item: { kind: 'report', id: first.id }, title: '港湾の視察', altText: '港湾施設を視察する議員' }]);
  // A report's own use is never offered back to it.
  assert.equal((await otherUseAltTexts(site.db, { kind: 'report', id: first.id }, [media.id])).size, 0);

  await attachMediaToReport(site, { reportId: second.id, mediaId: media.id, label: '訓練', altText: '防災訓練の会場', user: TEST_USER });
  assert.equal((await listAttachments(site.db, first.id))[0]!.altText, '港湾施設を視察する議員');
  assert.deepEqual(
    (await listAttachments(site.db, second.id)).map((a) => [a.altText, a.useAltText]),
    [['防災訓練の会場', '防災訓練の会場']],
  );
  // The media record's default is the first one typed, untouched by the uses.
  assert.equal((await getMedia(site.db, media.id)).altText, '港湾施設を視察する議員');
  // Saving the label alone keeps the use's alt text.
  await attachMediaToReport(site, { reportId: second.id, mediaId: media.id, label: '訓練の写真', user: TEST_USER });
  assert.equal((await listAttachments(site.db, second.id))[0]!.useAltText, '防災訓練の会場');
  // An over-long alt text is refused and nothing changes.
  await assert.rejects(
    attachMediaToReport(site, { reportId: second.id, mediaId: media.id, label: '訓練', altText: 'あ'.repeat(201), user: TEST_USER }),
    (e: unknown) => e instanceof ValidationError && 'altText' in e.fields,
  );
  assert.equal((await listAttachments(site.db, second.id))[0]!.useAltText, '防災訓練の会場');
});

test('migration 0020 gives the media alt text to the first use of each record only', async () => {
  const old = await databaseBefore('0020');
  try {
    const report = old.sqlite.prepare(
      `insert into reports (slug, title, activity_date, published_at, status, body_source, body_html, body_text, created_at, updated_at)
       values (?, ?, '2020-01-01', null, 'draft', '', '', '', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`,
    );
    report.run('a', '一つ目');
    report.run('b', '二つ目');
    const media = old.sqlite.prepare(
      `insert into media (sha256, original_name, mime, bytes, width, height, alt_text, created_at) values (?, ?, 'image/png', 10, 4, 3, ?, '2020-01-01T00:00:00Z')`,
    );
    media.run('a'.repeat(64), 'photo.png', '会議の様子');
    media.run('b'.repeat(64), 'blank.png', '');
    const link = old.sqlite.prepare(`insert into attachments (report_id, page_id, media_id, label, summary, position) values (?, null, ?, 'x', '', 0)`);
    link.run(2, 1);
    link.run(1, 1);
    link.run(1, 2);
    await old.close();

    const db = await openDatabase({ file: old.file });
    try {
      // Report 2's row was written first, so it is the use the alt text was typed for.
      assert.deepEqual(
        (await listAttachments(db, 2)).map((a) => [a.mediaId, a.useAltText, a.altText]),
        [[1, '会議の様子', '会議の様子']],
      );
      assert.deepEqual(
        (await listAttachments(db, 1)).map((a) => [a.mediaId, a.useAltText, a.altText]),
        [
          [1, null, '会議の様子'],
          [2, null, ''],
        ],
      );
    } finally {
      await db.destroy();
    }
  } finally {
    const { rmSync } = await import('node:fs');
    rmSync(old.dir, { recursive: true, force: true });
  }
});
