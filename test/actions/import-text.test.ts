import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importText } from '../../src/actions/import/import-text.js';
import { ValidationError } from '../../src/domain/errors.js';
import { listCategories } from '../../src/store/categories.js';
import { findReportBySlug, listReports } from '../../src/store/reports.js';
import { getContentVersion } from '../../src/store/site-state.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { addCategory } from '../support/factories.js';

let site: TestSite;
before(async () => {
  site = await createTestSite();
  await addCategory(site, 'diet', '国会活動');
});
after(async () => site.cleanup());

test('publishes a text report into an existing category found by name', async () => {
  const report = await importText(site, { content: '予算委員会で質問\n2024年2月10日\n\n1 要旨\n\n(1)財源を質した。', category: '国会活動' });
  assert.equal(report.slug, '2024-02-10');
  const stored = (await findReportBySlug(site.db, report.slug, 'published'))!;
  assert.equal(stored.category?.slug, 'diet');
  assert.match(stored.bodyHtml, /<h2 id="s1">/);
});

test('creates a missing category in the same transaction as the report', async () => {
  await importText(site, { content: '視察\n2024年3月1日\n\n現地を視察した。', category: '地元活動' });
  const names = (await listCategories(site.db)).map((c) => c.name);
  assert.ok(names.includes('地元活動'));
});

test('writes nothing, not even the category, when the text is refused', async () => {
  const version = await getContentVersion(site.db);
  const before = (await listReports(site.db, {}, { offset: 0, limit: 1 })).total;
  await assert.rejects(importText(site, { content: `${'長'.repeat(300)}\n2024年3月1日\n\n本文。`, category: '新しい分類' }), ValidationError);
  await assert.rejects(importText(site, { content: '題\n\n日付のない本文。', category: '新しい分類' }), ValidationError);
  assert.equal((await listReports(site.db, {}, { offset: 0, limit: 1 })).total, before);
  assert.ok(!(await listCategories(site.db)).some((c) => c.name === '新しい分類'));
  assert.equal(await getContentVersion(site.db), version);
});
