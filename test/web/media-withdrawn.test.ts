// Withdrawn means withdrawn (issue 9): a stored file and its WebP variants are served to
// readers only while a published report uses it (attached or linked from its body), decided
// per request from the database; staff still reach it through /admin/media/file/….
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { createReport } from '../../src/actions/reports/create-report.js';
import { detachMedia } from '../../src/actions/items/detach-media.js';
import { publishReport as publishExisting } from '../../src/actions/reports/publish-report.js';
import { restoreReport } from '../../src/actions/reports/restore-report.js';
import { scheduleReport } from '../../src/actions/reports/schedule-report.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { trashReport } from '../../src/actions/reports/trash-report.js';
import { unpublishReport } from '../../src/actions/reports/unpublish-report.js';
import { uploadMedia, type UploadedMedia } from '../../src/actions/media/upload-media.js';
import { mediaPath, mediaVariantPath, staffMediaPath } from '../../src/domain/media-path.js';
import type { Actor } from '../../src/domain/user.js';
import type { Media } from '../../src/domain/media.js';
import { addTestUser as addAccount, logIn, type AdminAgent } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { draft, publishReport } from '../support/factories.js';
import { makeImage, text, TEST_USER } from '../support/media-fixtures.js';

let t: TestApp;
let actor: Actor;
let writer: AdminAgent;
let counter = 0;

before(async () => {
  t = await createTestApp();
  const editor = await addAccount(t.site, { login: 'editor', role: 'editor' });
  await addAccount(t.site, { login: 'writer', role: 'writer' });
  actor = { userId: editor.id, login: editor.login, role: 'editor' };
  writer = await logIn(t.app, 'writer');
});
after(async () => t.close());

const user = () => ({ ...TEST_USER, userId: actor.userId });
const status = async (url: string) => (await t.app.inject({ method: 'GET', url })).statusCode;

/** A PDF-typed file of its own content, so each test decides about its own bytes. */
async function newFile(): Promise<Media> {
  counter += 1;
  return storeMedia(t.site, { bytes: text(`%PDF-1.4 withdrawn test ${counter}`), fileName: `資料${counter}.pdf`, mime: 'application/pdf' });
}

async function attachTo(reportId: number, media: Media) {
  await attachMediaToReport(t.site, { reportId, mediaId: media.id, label: '資料', user: user() });
}

test('serves the attachment of a published report for five minutes, with ETag revalidation', async () => {
  const file = await newFile();
  const report = await publishReport(t.site);
  await attachTo(report.id, file);
  const url = mediaPath(file.sha256, file.originalName);
  const res = await t.app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'public, max-age=300');
  const revalidated = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': `"${file.sha256}"` } });
  assert.equal(revalidated.statusCode, 304);
  assert.equal(revalidated.headers['cache-control'], 'public, max-age=300');
});

test('hides the file from readers once its only report is unpublished, trashed or scheduled, and brings it back when published again', async () => {
  const file = await newFile();
  const report = await publishReport(t.site);
  await attachTo(report.id, file);
  const url = mediaPath(file.sha256, file.originalName);
  assert.equal(await status(url), 200);

  await unpublishReport(t.site, actor, { reportId: report.id });
  assert.equal(await status(url), 404, 'unpublished');
  await trashReport(t.site, actor, { reportId: report.id });
  assert.equal(await status(url), 404, 'trashed');
  await restoreReport(t.site, actor, { reportId: report.id });
  await scheduleReport(t.site, actor, { reportId: report.id, publishAt: '2099-01-01T09:00' });
  assert.equal(await status(url), 404, 'scheduled');
  await publishExisting(t.site, actor, { reportId: report.id });
  assert.equal(await status(url), 200, 'published again');
});

test('answers the Japanese 404 page, not cacheable, for a file only a draft uses', async () => {
  const file = await newFile();
  const report = await createReport(t.site, draft(), { status: 'draft' });
  await attachTo(report.id, file);
  const res = await t.app.inject({ method: 'GET', url: mediaPath(file.sha256, file.originalName) });
  assert.equal(res.statusCode, 404);
  assert.match(res.body, /ページが見つかりません/);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.equal(res.headers['content-disposition'], undefined);
});

test('keeps a file public while one published report uses it, though another is trashed', async () => {
  const file = await newFile();
  const kept = await publishReport(t.site);
  const trashed = await publishReport(t.site);
  await attachTo(kept.id, file);
  await attachTo(trashed.id, file);
  await trashReport(t.site, actor, { reportId: trashed.id });
  assert.equal(await status(mediaPath(file.sha256, file.originalName)), 200);
});

test('counts a link in the published body as a use, and withdraws it with the report', async () => {
  const file = await newFile();
  const url = mediaPath(file.sha256, file.originalName);
  const report = await publishReport(t.site, { bodySource: `1 概要\n\n[配布資料](${url})を参照。` });
  assert.equal(await status(url), 200, 'linked from a published body');
  await unpublishReport(t.site, actor, { reportId: report.id });
  assert.equal(await status(url), 404, 'after unpublishing');
});

test('keeps a file that a published body links with media: public after it is detached', async () => {
  const file = await newFile();
  const report = await publishReport(t.site, { bodySource: `1 概要\n\n[配布資料](media:${file.originalName})を参照。` });
  const url = mediaPath(file.sha256, file.originalName);
  assert.equal(await status(url), 200);
  await detachMedia(t.site, { reportId: report.id, mediaId: file.id, user: user() });
  assert.equal(await status(url), 200, 'still linked from the body');
});

test('applies the same rule to WebP variants, and serves every file to signed-in staff only', async () => {
  counter += 1;
  const photo: UploadedMedia = await uploadMedia(t.site, {
    bytes: await makeImage('png', 1400 + counter, 900),
    fileName: `写真${counter}.png`,
    altText: '会議の様子',
    user: user(),
  });
  const report = await publishReport(t.site);
  await attachTo(report.id, photo);
  const urls = [mediaPath(photo.sha256, photo.originalName), ...photo.variants.map((v) => mediaVariantPath(photo.sha256, photo.originalName, v.width))];
  assert.equal(urls.length, 3);
  for (const url of urls) assert.equal(await status(url), 200, url);

  await unpublishReport(t.site, actor, { reportId: report.id });
  for (const url of urls) {
    assert.equal(await status(url), 404, url);
    const staff = await writer.get(staffMediaPath(url));
    assert.equal(staff.statusCode, 200, staffMediaPath(url));
    assert.equal(staff.headers['cache-control'], 'private, no-store');
    const anonymous = await t.app.inject({ method: 'GET', url: staffMediaPath(url) });
    assert.equal(anonymous.statusCode, 303, 'anonymous visitors are sent to the login');
    assert.match(anonymous.headers.location as string, /^\/admin\/login/);
  }
  assert.equal((await writer.get(staffMediaPath(mediaPath('0'.repeat(64), 'none.pdf')))).statusCode, 404);
});

test('links admin pages to the staff route, so withdrawn files still open there', async () => {
  const file = await newFile();
  const report = await createReport(t.site, draft(), { status: 'draft' });
  await attachTo(report.id, file);
  const editor = await logIn(t.app, 'editor');
  const staffUrl = staffMediaPath(mediaPath(file.sha256, file.originalName));
  const library = await editor.get('/admin/media');
  assert.ok(library.body.includes(`href="${staffUrl}"`), 'media library');
  const edit = await editor.get(`/admin/reports/${report.id}/edit`);
  assert.ok(edit.body.includes(`href="${staffUrl}"`), 'attachments panel');
});

test('links files in the editor preview to the staff route', async () => {
  const file = await newFile();
  const res = await writer.post('/admin/preview', { bodySource: `1 概要\n\n[配布資料](media:${file.originalName})を参照。` });
  assert.equal(res.statusCode, 200);
  const staffUrl = staffMediaPath(mediaPath(file.sha256, file.originalName));
  assert.ok(res.body.includes(`href="${staffUrl}"`), res.body);
  assert.equal((await writer.get(staffUrl)).statusCode, 200);
});
