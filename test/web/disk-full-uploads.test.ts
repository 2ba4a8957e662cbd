// Issue 13 item 3 in the editor: a file uploaded onto a full disk, over HTTP. The site's
// media/ folder is a small real tmpfs (test/support/tmpfs.ts) filled up before each upload.
// The attachment panel's upload and the main form's save-and-attach answer the editor again
// with 「保存先のディスクに空きがありません」 (507), the typed text kept (the save-and-attach
// saved it first), no temp file left in media/ and no media record or attachment written.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statfsSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { listItemAttachments } from '../../src/store/media.js';
import { getEditableReport } from '../../src/store/reports.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { setSettings } from '../support/factories.js';
import { mountTmpfs, type Tmpfs } from '../support/tmpfs.js';

let site: TestSite;
let app: FastifyInstance;
let editor: AdminAgent;
let disk: Tmpfs;

before(async () => {
  site = await createTestSite();
  await setSettings(site);
  // media/ on a 2 MB tmpfs; the database stays on the ordinary disk. Without one (no root,
  // outside CI) each test skips itself.
  disk = mountTmpfs({ skip: () => {} }, '2m');
  if (disk.path !== undefined) {
    rmSync(join(site.dataDir, 'media'), { recursive: true, force: true });
    symlinkSync(disk.path, join(site.dataDir, 'media'));
  }
  app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent' });
  await addTestUser(site, { login: 'editor', role: 'editor' });
  editor = await logIn(app, 'editor');
});
after(async () => {
  await app.close();
  disk.unmount();
  await site.cleanup();
});

const FILLER = 'filler.bin';

/** Runs `work` with the media disk filled but for a few KB, then frees it. */
async function whileMediaFull<T>(work: () => Promise<T>): Promise<T> {
  const free = statfsSync(disk.path!).bavail * statfsSync(disk.path!).bsize;
  writeFileSync(join(disk.path!, FILLER), new Uint8Array(Math.max(0, free - 8 * 1024)));
  try {
    return await work();
  } finally {
    unlinkSync(join(disk.path!, FILLER));
  }
}

const tempFiles = () => readdirSync(disk.path!, { recursive: true }).filter((name) => String(name).endsWith('.tmp'));
const mediaCount = async () =>
  Number(
    (
      await site.db
        .selectFrom('media')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function photo() {
  // Noise does not compress: well over the few KB left.
  const bytes = new Uint8Array(
    await sharp(randomBytes(200 * 150 * 3), { raw: { width: 200, height: 150, channels: 3 } })
      .png()
      .toBuffer(),
  );
  assert.ok(bytes.byteLength > 16 * 1024, `the photo takes more than the room left (${bytes.byteLength} bytes)`);
  return { field: 'upload.file', fileName: '視察先.png', type: 'image/png', bytes };
}

/** The editor shown again with the panel's message, at the top of the page and in the panel. */
function assertRefusedInForm(body: string) {
  assert.match(body, /<div class="error-summary" role="alert"[^>]*autofocus/);
  const panel = body.slice(body.indexOf('id="attachments"'));
  assert.match(panel, /保存先のディスクに空きがありません/);
}

async function newDraft(title: string, bodySource: string): Promise<{ edit: string; id: number; expectedVersion: string }> {
  const created = await editor.post('/admin/reports/new', { title, activityDate: '2026-11-05', bodySource, intent: 'save' });
  const edit = created.headers.location!.replace(/\?.*$/, '');
  const expectedVersion = /name="expectedVersion" value="(\d+)"/.exec((await editor.get(edit)).body)![1]!;
  return { edit, id: Number(/\/(\d+)\/edit$/.exec(edit)![1]), expectedVersion };
}

test('an upload from the attachment panel onto a full disk answers the editor with the message and writes nothing', async (t) => {
  if (disk.path === undefined) return t.skip('no tmpfs');
  const { edit, id } = await newDraft('堤防の視察', '1 視察\n\n堤防を見た。');
  const before = await mediaCount();
  const file = await photo();
  const response = await whileMediaFull(() =>
    editor.postMultipart(`${edit.replace(/\/edit$/, '')}/attachments/upload`, { 'upload.label': '堤防', 'upload.altText': '堤防の上から見た川' }, file),
  );
  assert.equal(response.statusCode, 507, response.body.slice(0, 300));
  assertRefusedInForm(response.body);
  assert.match(response.body, /value="堤防の上から見た川"/, 'the typed description is kept');
  assert.deepEqual(tempFiles(), [], 'no temp file left in media/');
  assert.equal(await mediaCount(), before, 'no media record');
  assert.deepEqual(await listItemAttachments(site.db, { kind: 'report', id }), []);

  // With room again the same upload goes through.
  const again = await editor.postMultipart(`${edit.replace(/\/edit$/, '')}/attachments/upload`, { 'upload.label': '堤防', 'upload.altText': '堤防の上から見た川' }, file);
  assert.equal(again.statusCode, 303, again.body.slice(0, 300));
  assert.equal((await listItemAttachments(site.db, { kind: 'report', id })).length, 1);
});

test('save-and-attach onto a full disk saves the typed text, answers the editor with the message, and stores no file', async (t) => {
  if (disk.path === undefined) return t.skip('no tmpfs');
  const { edit, id, expectedVersion } = await newDraft('委員会の報告', '1 質疑\n\n質問した。');
  const before = await mediaCount();
  const typed = '1 質疑\n\n補正予算について質問した。\n\n2 答弁\n\n大臣が答えた。';
  const fields = {
    title: '委員会の報告(追記)',
    activityDate: '2026-11-05',
    categoryId: '',
    tags: '',
    slug: '',
    summary: '',
    bodySource: typed,
    note: '',
    scheduledAt: '',
    expectedVersion,
    'upload.altText': '委員会室',
  };
  const file = await photo();
  const response = await whileMediaFull(() => editor.postMultipart(`${edit}/attach`, fields, file));
  assert.equal(response.statusCode, 507, response.body.slice(0, 300));
  assertRefusedInForm(response.body);
  assert.match(response.body, /入力した内容は保存しましたが、ファイル「視察先\.png」は添付できませんでした。/);
  assert.ok(response.body.includes(`>${typed}</textarea>`), 'the typed text is in the form');
  assert.equal((await getEditableReport(site.db, id)).bodySource, typed, 'and saved');
  assert.deepEqual(tempFiles(), []);
  assert.equal(await mediaCount(), before);
  assert.deepEqual(await listItemAttachments(site.db, { kind: 'report', id }), []);
});

test('a new report with a file onto a full disk becomes a draft with the typed text, and no file', async (t) => {
  if (disk.path === undefined) return t.skip('no tmpfs');
  const before = await mediaCount();
  const fields = {
    title: '新しい報告(満杯)',
    activityDate: '2026-11-06',
    categoryId: '',
    tags: '',
    slug: '',
    summary: '',
    bodySource: '1 概要\n\n駅前で話した。',
    note: '',
    scheduledAt: '',
    expectedVersion: '',
    'upload.altText': '駅前の様子',
  };
  const file = await photo();
  const response = await whileMediaFull(() => editor.postMultipart('/admin/reports/new/attach', fields, file));
  assert.equal(response.statusCode, 507, response.body.slice(0, 300));
  assertRefusedInForm(response.body);
  const id = Number(/<form id="editor-form" method="post" action="\/admin\/reports\/(\d+)\/edit"/.exec(response.body)?.[1]);
  assert.ok(id > 0, "the form is the new draft's");
  assert.equal((await getEditableReport(site.db, id)).title, '新しい報告(満杯)');
  assert.deepEqual(tempFiles(), []);
  assert.equal(await mediaCount(), before);
});

test('a new report with a file onto a full disk: the same form sent again (back, then the button) leads to the draft made, not a second draft', async (t) => {
  if (disk.path === undefined) return t.skip('no tmpfs');
  const submissionKey = randomBytes(16).toString('base64url');
  const fields = {
    title: '満杯のあと押し直す報告',
    activityDate: '2026-11-07',
    categoryId: '',
    tags: '',
    slug: '',
    summary: '',
    bodySource: '1 概要\n\n駅前で話した。',
    note: '',
    scheduledAt: '',
    expectedVersion: '',
    'upload.altText': '駅前の様子',
    submissionKey,
  };
  const file = await photo();
  const first = await whileMediaFull(() => editor.postMultipart('/admin/reports/new/attach', fields, file));
  assert.equal(first.statusCode, 507, first.body.slice(0, 300));
  const drafts = () => site.db.selectFrom('reports').select('id').where('title', '=', '満杯のあと押し直す報告').execute();
  const [draft] = await drafts();
  assert.ok(draft, 'the draft was made before the disk refused the file');
  const again = await editor.postMultipart('/admin/reports/new/attach', fields, file);
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, `/admin/reports/${draft.id}/edit`);
  assert.equal((await drafts()).length, 1, 'no second draft');
  // Opening the form's address again (?key=…) says it was sent, as after a save that went through.
  const reopened = await editor.get(`/admin/reports/new?key=${submissionKey}`);
  assert.equal(reopened.statusCode, 303);
  assert.equal(reopened.headers.location, `/admin/reports/${draft.id}/edit?notice=form-already-sent`);
});
