// Issue 13 item 4: a second import leaves alone what an editor changed in the admin since
// the last import (edited, unpublished, trashed) and lists it; --overwrite (isOverwriting)
// writes over it; an untouched item is updated as before.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ImportedReportInput } from '../../src/actions/import/import-report.js';
import { transitionPage } from '../../src/actions/pages/page-transition.js';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { trashReport } from '../../src/actions/reports/trash-report.js';
import { unpublishReport } from '../../src/actions/reports/unpublish-report.js';
import type { Actor } from '../../src/domain/user.js';
import { formatSummary, runImport, type ImportItem } from '../../src/importers/import-run.js';
import type { ImportedPageInput } from '../../src/importers/write-page-item.js';
import { findImportSource, findPageImportSource } from '../../src/store/import-sources.js';
import { findEditableReport } from '../../src/store/reports.js';
import { addTestUser } from '../support/admin.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;
let owner: Actor;
before(async () => {
  site = await createTestSite();
  const user = await addTestUser(site, { login: 'owner', role: 'owner' });
  owner = { userId: user.id, login: user.login, role: 'owner' };
});
after(async () => site.cleanup());

function report(key: string, title: string): ImportedReportInput {
  return { title, activityDate: '2024-05-01', bodySource: `${key}の本文。`, status: 'published', publishedAt: '2024-05-01T09:00:00.000Z' };
}

const reportItem = (key: string, title: string): ImportItem => ({ type: 'report', key, label: `${key}.txt`, report: report(key, title) });

function page(title: string): ImportedPageInput {
  return { title, slug: 'policy', bodySource: '政策の本文。', summary: '', position: 0, status: 'published' };
}

const pageItem = (title: string): ImportItem => ({ type: 'page', key: 'page-1', label: 'https://old.example.jp/policy/', page: page(title), redirectsFrom: [] });

async function reportOf(key: string) {
  const source = (await findImportSource(site.db, 'text', key))!;
  return (await findEditableReport(site.db, source.reportId))!;
}

test('a second run leaves edited, unpublished and trashed reports as the admin left them, updates the untouched one, and lists the rest', async () => {
  const keys = ['edited', 'unpublished', 'trashed', 'untouched'];
  const first = await runImport(
    site,
    keys.map((k) => reportItem(k, `${k}(初版)`)),
    { kind: 'text' },
  );
  assert.equal(first.created, 4);

  const edited = await reportOf('edited');
  await saveReport(site, owner, {
    reportId: edited.id,
    expectedVersion: edited.version,
    title: '管理画面で直した題',
    activityDate: edited.activityDate,
    categoryId: null,
    tags: [],
    slug: edited.slug,
    summary: '',
    bodySource: '管理画面で直した本文。',
  });
  await unpublishReport(site, owner, { reportId: (await reportOf('unpublished')).id });
  await trashReport(site, owner, { reportId: (await reportOf('trashed')).id });

  const second = await runImport(
    site,
    keys.map((k) => reportItem(k, `${k}(第二版)`)),
    { kind: 'text' },
  );
  assert.equal(second.updated, 1);
  assert.deepEqual(
    second.kept.map((k) => k.label),
    ['edited.txt', 'unpublished.txt', 'trashed.txt'],
  );
  assert.equal((await reportOf('edited')).title, '管理画面で直した題');
  assert.equal((await reportOf('edited')).status, 'published');
  const unpublished = await reportOf('unpublished');
  assert.equal(unpublished.status, 'draft', 'not re-published');
  assert.equal(unpublished.title, 'unpublished(初版)');
  assert.equal((await reportOf('trashed')).status, 'trashed');
  assert.equal((await reportOf('untouched')).title, 'untouched(第二版)');
  const lines = formatSummary(second);
  assert.ok(
    lines.some((l) => /管理画面で変更されたため、そのままにしたもの: 3件\(置き換えるには --overwrite/.test(l)),
    lines.join('\n'),
  );
  assert.ok(
    lines.includes('そのまま  unpublished.txt: 前回の取り込みのあと管理画面で変更・非公開・ゴミ箱移動されたため、そのままにしました(--overwrite で置き換えます)'),
  );

  // Still kept on a third run (the record is not moved on by a run that left the item alone).
  const third = await runImport(
    site,
    keys.map((k) => reportItem(k, `${k}(第三版)`)),
    { kind: 'text' },
  );
  assert.equal(third.kept.length, 3);
  assert.equal(third.updated, 1);

  // A dry run makes the same decision.
  const dry = await runImport(
    site,
    keys.map((k) => reportItem(k, `${k}(第四版)`)),
    { kind: 'text', isDryRun: true },
  );
  assert.equal(dry.kept.length, 3);
  assert.equal((await reportOf('untouched')).title, 'untouched(第三版)');
});

test('--overwrite writes over the edited and unpublished reports (a trashed one stays in the trash), and later runs follow the source from that state', async () => {
  const keys = ['edited', 'unpublished', 'trashed', 'untouched'];
  const run = await runImport(
    site,
    keys.map((k) => reportItem(k, `${k}(上書き)`)),
    { kind: 'text', isOverwriting: true },
  );
  assert.equal(run.kept.length, 0);
  assert.equal((await reportOf('edited')).title, 'edited(上書き)');
  const unpublished = await reportOf('unpublished');
  assert.equal(unpublished.title, 'unpublished(上書き)');
  assert.equal(unpublished.status, 'published');
  assert.equal((await reportOf('trashed')).status, 'trashed');

  const next = await runImport(
    site,
    keys.map((k) => reportItem(k, `${k}(その後)`)),
    { kind: 'text' },
  );
  assert.deepEqual(next.kept, [], 'what --overwrite wrote is the new starting point');
  assert.equal((await reportOf('edited')).title, 'edited(その後)');
  assert.equal((await reportOf('trashed')).status, 'trashed');
});

test('a page unpublished in the admin is left as it is unless overwriting', async () => {
  const first = await runImport(site, [pageItem('政策')], { kind: 'wxr' });
  assert.equal(first.pages.created, 1);
  const pageId = (await findPageImportSource(site.db, 'wxr', 'page-1'))!.pageId;
  await transitionPage(site, owner, 'unpublish', { pageId });

  const second = await runImport(site, [pageItem('政策(改訂)')], { kind: 'wxr' });
  assert.deepEqual(
    second.kept.map((k) => k.label),
    ['https://old.example.jp/policy/'],
  );
  const kept = await site.db.selectFrom('pages').select(['title', 'status']).where('id', '=', pageId).executeTakeFirstOrThrow();
  assert.deepEqual(kept, { title: '政策', status: 'draft' });

  const overwritten = await runImport(site, [pageItem('政策(改訂)')], { kind: 'wxr', isOverwriting: true });
  assert.equal(overwritten.pages.updated, 1);
  const row = await site.db.selectFrom('pages').select(['title', 'status']).where('id', '=', pageId).executeTakeFirstOrThrow();
  assert.deepEqual(row, { title: '政策(改訂)', status: 'published' });
});

test('a source recorded before item versions were kept counts any write after the import as a local change', async () => {
  await runImport(site, [reportItem('legacy', '旧い記録')], { kind: 'text' });
  await site.db.updateTable('import_sources').set({ item_version: null, item_status: null }).where('source_key', '=', 'legacy').execute();
  const untouched = await runImport(site, [reportItem('legacy', '旧い記録(改)')], { kind: 'text' });
  assert.equal(untouched.updated, 1);
  await site.db.updateTable('import_sources').set({ item_version: null, item_status: null }).where('source_key', '=', 'legacy').execute();
  await unpublishReport(site, owner, { reportId: (await reportOf('legacy')).id });
  // The test clock may not move: make the unpublishing visibly later than the import.
  await site.db.updateTable('import_sources').set({ imported_at: '2000-01-01T00:00:00.000Z' }).where('source_key', '=', 'legacy').execute();
  const kept = await runImport(site, [reportItem('legacy', '旧い記録(再改)')], { kind: 'text' });
  assert.equal(kept.kept.length, 1);
  assert.equal((await reportOf('legacy')).status, 'draft');
});
