import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { deleteMedia } from '../../src/actions/media/delete-media.js';
import { detachMedia } from '../../src/actions/items/detach-media.js';
import { listMedia } from '../../src/actions/media/list-media.js';
import { reorderAttachments } from '../../src/actions/items/reorder-attachments.js';
import { updateMediaAlt } from '../../src/actions/media/update-media-alt.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { MediaInUseError, ValidationError } from '../../src/domain/errors.js';
import { listAudit } from '../../src/store/audit-log.js';
import { mediaFilePath } from '../../src/store/media-files.js';
import { findReportById } from '../../src/store/reports.js';
import { createTestSite, defaultTestBackend, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { addTestUser, makeImage, makePdf, text, TEST_USER } from '../support/media-fixtures.js';

let site: TestSite;
beforeEach(async () => {
  site = await createTestSite();
  await addTestUser(site);
});
afterEach(async () => site.cleanup());

/** Every stored file and every media row: what "nothing half-written" compares. */
async function snapshot() {
  const dir = join(site.dataDir, 'media');
  const files = existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort()
    : [];
  const media = await site.db.selectFrom('media').selectAll().execute();
  const variants = await site.db.selectFrom('media_variants').selectAll().execute();
  const audit = await site.db.selectFrom('audit_log').selectAll().execute();
  return { files, media, variants, audit };
}

test('stores a PDF with its page count, original name and an audit entry', async () => {
  const media = await uploadMedia(site, { bytes: await makePdf(4), fileName: 'ファクトシート.pdf', altText: '', user: TEST_USER });
  assert.equal(media.mime, 'application/pdf');
  assert.equal(media.pages, 4);
  assert.equal(media.originalName, 'ファクトシート.pdf');
  assert.ok(existsSync(mediaFilePath(site.dataDir, media.sha256)));
  const [entry] = await listAudit(site.db, { limit: 1 });
  assert.equal(entry!.action, 'media.upload');
  assert.equal(entry!.target, `media:${media.id}`);
  assert.equal(entry!.login, 'editor');
  assert.equal(entry!.ip, '192.0.2.1');
});

test('makes WebP variants at 640 and 1280 px for a wide image, each content-addressed on disk', async () => {
  const media = await uploadMedia(site, { bytes: await makeImage('jpeg', 2400, 1600), fileName: '視察.jpg', altText: '港湾施設を視察する様子', user: TEST_USER });
  assert.equal(media.width, 2400);
  assert.equal(media.height, 1600);
  assert.equal(media.altText, '港湾施設を視察する様子');
  assert.deepEqual(
    media.variants.map((v) => [v.width, v.height, v.mime]),
    [
      [640, 427, 'image/webp'],
      [1280, 853, 'image/webp'],
    ],
  );
  for (const v of media.variants) {
    const meta = await sharp(mediaFilePath(site.dataDir, v.sha256)).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.width, v.width);
  }
});

test('never upscales: a 1000 px image gets only the 640 px variant, a 500 px image none', async () => {
  const medium = await uploadMedia(site, { bytes: await makeImage('png', 1000, 500), fileName: 'm.png', altText: '図', user: TEST_USER });
  assert.deepEqual(
    medium.variants.map((v) => v.width),
    [640],
  );
  const small = await uploadMedia(site, { bytes: await makeImage('webp', 500, 300), fileName: 's.webp', altText: '図', user: TEST_USER });
  assert.deepEqual(small.variants, []);
  assert.equal(small.width, 500);
});

test('reads the displayed size of a photo rotated by its EXIF orientation', async () => {
  const portrait = new Uint8Array(
    await sharp(await makeImage('jpeg', 1600, 900))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer(),
  );
  const media = await uploadMedia(site, { bytes: portrait, fileName: 'p.jpg', altText: '縦の写真', user: TEST_USER });
  assert.deepEqual([media.width, media.height], [900, 1600]);
  assert.deepEqual(
    media.variants.map((v) => [v.width, v.height]),
    [[640, 1138]],
  );
});

test('types a PNG named .pdf by its content', async () => {
  const media = await uploadMedia(site, { bytes: await makeImage('png', 20, 20), fileName: '資料.pdf', altText: 'グラフ', user: TEST_USER });
  assert.equal(media.mime, 'image/png');
  assert.equal(media.originalName, '資料.png');
});

test('refuses a text file named .pdf and writes nothing', async () => {
  const before = await snapshot();
  await assert.rejects(
    uploadMedia(site, { bytes: text('令和6年度 議事録（テキスト）'), fileName: '議事録.pdf', altText: '', user: TEST_USER }),
    (e) => e instanceof ValidationError && /中身はPDFではありません/.test(e.fields.file!),
  );
  assert.deepEqual(await snapshot(), before);
});

test('refuses an image without alt text and writes nothing', async () => {
  const before = await snapshot();
  await assert.rejects(
    uploadMedia(site, { bytes: await makeImage('jpeg', 2000, 1000), fileName: 'x.jpg', altText: '', user: TEST_USER }),
    (e) => e instanceof ValidationError && e.fields.altText !== undefined,
  );
  assert.deepEqual(await snapshot(), before);
});

test('refuses a file over the configured limit with the sizes', async () => {
  const pdf = await makePdf(1);
  await assert.rejects(
    uploadMedia(site, { bytes: pdf, fileName: 'a.pdf', altText: '', user: TEST_USER, maxBytes: 100 }),
    (e) => e instanceof ValidationError && /上限1KB、このファイルは\d+KB/.test(e.fields.file!),
  );
});

test('refuses a broken image that sharp cannot read', async () => {
  const png = await makeImage('png', 300, 300);
  const truncated = png.slice(0, 60);
  await assert.rejects(
    uploadMedia(site, { bytes: truncated, fileName: 'broken.png', altText: '壊れた画像', user: TEST_USER }),
    (e) => e instanceof ValidationError && /PNG画像として読み込めません/.test(e.fields.file!),
  );
});

test('accepts a PDF whose pages pdf-lib cannot count, with no page count', async () => {
  const media = await uploadMedia(site, { bytes: text('%PDF-1.7\n% damaged beyond repair\n'), fileName: 'damaged.pdf', altText: '', user: TEST_USER });
  assert.equal(media.mime, 'application/pdf');
  assert.equal(media.pages, null);
});

/** The failures below are triggers written in SQLite's syntax: npm test's PostgreSQL pass leaves these two tests out. */
const sqliteTrigger = defaultTestBackend() === 'postgres' && 'SQLite only: a failing trigger in SQLite syntax';

test('removes the files it wrote when the transaction fails', { skip: sqliteTrigger }, async () => {
  const before = await snapshot();
  await sql`create trigger fail_audit before insert on audit_log begin select raise(abort, 'audit unavailable'); end`.execute(site.db);
  await assert.rejects(uploadMedia(site, { bytes: await makeImage('jpeg', 1500, 1000), fileName: 'x.jpg', altText: '写真', user: TEST_USER }), /audit unavailable/);
  assert.deepEqual(await snapshot(), before);
});

test('keeps a file another record holds when a later upload of the same bytes fails', { skip: sqliteTrigger }, async () => {
  const bytes = await makePdf(2);
  const first = await uploadMedia(site, { bytes, fileName: 'a.pdf', altText: '', user: TEST_USER });
  await sql`create trigger fail_audit before insert on audit_log begin select raise(abort, 'audit unavailable'); end`.execute(site.db);
  await assert.rejects(uploadMedia(site, { bytes, fileName: 'b.pdf', altText: '', user: TEST_USER }));
  assert.ok(existsSync(mediaFilePath(site.dataDir, first.sha256)));
});

test('returns the existing record for the same bytes under the same name', async () => {
  const bytes = await makePdf(1);
  const first = await uploadMedia(site, { bytes, fileName: 'a.pdf', altText: '', user: TEST_USER });
  const again = await uploadMedia(site, { bytes, fileName: 'a.pdf', altText: '', user: TEST_USER });
  assert.equal(again.id, first.id);
  assert.equal(again.isDuplicate, true);
  assert.equal(first.isDuplicate, false);
});

test('changes alt text, refusing an empty one for an image', async () => {
  const media = await uploadMedia(site, { bytes: await makeImage('png', 10, 10), fileName: 'a.png', altText: '旧', user: TEST_USER });
  assert.equal((await updateMediaAlt(site, { mediaId: media.id, altText: ' 新しい説明 ', user: TEST_USER })).altText, '新しい説明');
  await assert.rejects(updateMediaAlt(site, { mediaId: media.id, altText: '', user: TEST_USER }), ValidationError);
  const row = await site.db.selectFrom('media').select('alt_text').where('id', '=', media.id).executeTakeFirstOrThrow();
  assert.equal(row.alt_text, '新しい説明');
});

test('refuses to delete media attached to a report, listing the report', async () => {
  const media = await uploadMedia(site, { bytes: await makePdf(1), fileName: 'a.pdf', altText: '', user: TEST_USER });
  const report = await publishReport(site, { title: '添付のある報告' });
  await attachMediaToReport(site, { reportId: report.id, mediaId: media.id, label: '資料', user: TEST_USER });
  await assert.rejects(deleteMedia(site, { mediaId: media.id, user: TEST_USER }), (e) => {
    assert.ok(e instanceof MediaInUseError);
    assert.equal(e.code, 'MEDIA_IN_USE');
    assert.deepEqual(e.reports, [{ kind: 'report', id: report.id, title: '添付のある報告', status: 'published' }]);
    return true;
  });
  assert.ok(existsSync(mediaFilePath(site.dataDir, media.sha256)));
});

test('refuses to delete media a body links to by name, id or hash, even after it was detached', async () => {
  const media = await uploadMedia(site, { bytes: await makePdf(1), fileName: '名簿.pdf', altText: '', user: TEST_USER });
  const byName = await publishReport(site, { title: '名前で参照', bodySource: '[名簿](media:名簿.pdf)を配布した。' });
  await detachMedia(site, { reportId: byName.id, mediaId: media.id, user: TEST_USER });
  const draft = await publishReport(site, { title: '番号で参照', bodySource: `[名簿](media:${media.id})` });
  await assert.rejects(deleteMedia(site, { mediaId: media.id, user: TEST_USER }), (e) => {
    assert.ok(e instanceof MediaInUseError);
    assert.deepEqual(
      e.reports.map((r) => r.id),
      [byName.id, draft.id],
    );
    return true;
  });
});

test('deletes unused media: row gone, file removed only when no other record shares it', async () => {
  const bytes = await makeImage('jpeg', 1400, 700);
  const a = await uploadMedia(site, { bytes, fileName: 'a.jpg', altText: '写真', user: TEST_USER });
  const b = await uploadMedia(site, { bytes, fileName: 'b.jpg', altText: '写真', user: TEST_USER });
  const files = [a.sha256, ...a.variants.map((v) => v.sha256)].map((sha) => mediaFilePath(site.dataDir, sha));
  await deleteMedia(site, { mediaId: a.id, user: TEST_USER });
  assert.ok(
    files.every((f) => existsSync(f)),
    'b still holds the bytes and variants',
  );
  await deleteMedia(site, { mediaId: b.id, user: TEST_USER });
  assert.ok(
    files.every((f) => !existsSync(f)),
    'the last record took the files with it',
  );
  assert.equal((await site.db.selectFrom('media').selectAll().execute()).length, 0);
  assert.equal((await site.db.selectFrom('media_variants').selectAll().execute()).length, 0);
  assert.equal((await listAudit(site.db, { limit: 10, action: 'media.delete' })).length, 2);
});

test('lists media newest first, a page at a time, filtered by kind, with who uses each', async () => {
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const ctx = { ...site, now: () => new Date((clock += 1000)) };
  const pdf = await uploadMedia(ctx, { bytes: await makePdf(1), fileName: '1.pdf', altText: '', user: TEST_USER });
  const png = await uploadMedia(ctx, { bytes: await makeImage('png', 800, 400), fileName: '2.png', altText: '図', user: TEST_USER });
  const jpg = await uploadMedia(ctx, { bytes: await makeImage('jpeg', 10, 10), fileName: '3.jpg', altText: '図', user: TEST_USER });
  const report = await publishReport(site, { bodySource: '[資料](media:1.pdf)' });

  const first = await listMedia(site, { perPage: 2 });
  assert.deepEqual(
    first.items.map((m) => m.id),
    [jpg.id, png.id],
  );
  assert.deepEqual([first.total, first.pageCount], [3, 2]);
  const second = await listMedia(site, { perPage: 2, page: 2 });
  assert.deepEqual(
    second.items.map((m) => m.id),
    [pdf.id],
  );
  assert.deepEqual(
    second.items[0]!.usedBy.map((r) => r.id),
    [report.id],
  );
  assert.deepEqual(
    (await listMedia(site, { kind: 'image' })).items.map((m) => m.id),
    [jpg.id, png.id],
  );
  assert.deepEqual(
    (await listMedia(site, { kind: 'pdf' })).items.map((m) => m.id),
    [pdf.id],
  );
  assert.deepEqual(
    (await listMedia(site, { kind: 'image' })).items[1]!.variants.map((v) => v.width),
    [640],
  );
});

test('attaches with a label and summary at a position, detaches and reorders', async () => {
  const report = await publishReport(site);
  const ids: number[] = [];
  for (const name of ['a.pdf', 'b.pdf', 'c.pdf']) {
    const m = await uploadMedia(site, { bytes: await makePdf(ids.length + 1), fileName: name, altText: '', user: TEST_USER });
    ids.push(m.id);
  }
  await attachMediaToReport(site, { reportId: report.id, mediaId: ids[0]!, label: '一', summary: '最初の資料', user: TEST_USER });
  await attachMediaToReport(site, { reportId: report.id, mediaId: ids[1]!, label: '二', user: TEST_USER });
  await attachMediaToReport(site, { reportId: report.id, mediaId: ids[2]!, label: '三', position: 0, user: TEST_USER });
  const labels = async () => (await findReportById(site.db, report.id))!.attachments.map((a) => `${a.label}:${a.summary}`);
  assert.deepEqual(await labels(), ['三:', '一:最初の資料', '二:']);

  await reorderAttachments(site, { reportId: report.id, mediaIds: [ids[1]!, ids[0]!, ids[2]!], user: TEST_USER });
  assert.deepEqual(await labels(), ['二:', '一:最初の資料', '三:']);
  await assert.rejects(reorderAttachments(site, { reportId: report.id, mediaIds: [ids[1]!, ids[0]!], user: TEST_USER }), ValidationError);

  await detachMedia(site, { reportId: report.id, mediaId: ids[0]!, user: TEST_USER });
  assert.deepEqual(await labels(), ['二:', '三:']);
  const actions = (await listAudit(site.db, { limit: 100 })).map((e) => e.action);
  for (const action of ['media.attach', 'media.reorder', 'media.detach']) assert.ok(actions.includes(action), action);
});

test('refuses an attachment without a label or with a long summary, changing nothing', async () => {
  const report = await publishReport(site);
  const m = await uploadMedia(site, { bytes: await makePdf(1), fileName: 'a.pdf', altText: '', user: TEST_USER });
  await assert.rejects(attachMediaToReport(site, { reportId: report.id, mediaId: m.id, label: '  ', user: TEST_USER }), ValidationError);
  await assert.rejects(attachMediaToReport(site, { reportId: report.id, mediaId: m.id, label: '資料', summary: 'あ'.repeat(201), user: TEST_USER }), ValidationError);
  assert.deepEqual((await findReportById(site.db, report.id))!.attachments, []);
});

test('stores a photo without its EXIF (GPS, camera) but upright and with its size; an image without metadata byte for byte', async () => {
  const photo = new Uint8Array(
    await sharp(await makeImage('jpeg', 1200, 800))
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'ExampleCam', Artist: '事務所 撮影担当' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 0/1' } })
      .jpeg()
      .toBuffer(),
  );
  assert.ok((await sharp(photo).metadata()).exif, 'the fixture carries EXIF');
  const media = await uploadMedia(site, { bytes: photo, fileName: 'visit.jpg', altText: '視察の様子', user: TEST_USER });
  const stored = readFileSync(mediaFilePath(site.dataDir, media.sha256));
  const meta = await sharp(stored).metadata();
  assert.equal(meta.exif, undefined);
  assert.equal(meta.format, 'jpeg');
  assert.deepEqual([meta.width, meta.height, media.width, media.height], [800, 1200, 800, 1200]);
  assert.ok(!stored.includes(Buffer.from('ExampleCam')));
  assert.equal(media.bytes, stored.byteLength);

  const plain = await makeImage('png', 300, 200);
  const kept = await uploadMedia(site, { bytes: plain, fileName: 'plain.png', altText: '図', user: TEST_USER });
  assert.deepEqual(new Uint8Array(readFileSync(mediaFilePath(site.dataDir, kept.sha256))), new Uint8Array(plain));
});
