// A PDF imported with a WordPress post goes through the same upload action as any other:
// its text is read and the imported report is found by it (「添付資料内」).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { searchReports } from '../../src/actions/search/search-reports.js';
import { runImport } from '../../src/importers/import-run.js';
import { wxrImportItems } from '../../src/importers/wxr/import-wxr.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { makeTextPdf } from '../support/text-pdf.js';
import { skipUnlessShared } from '../support/shared-fixture.js';

const FIXTURE = new URL('../../../shared/fixtures/wordpress-export.xml', import.meta.url).pathname;
const skip = skipUnlessShared(FIXTURE, 'the shared WordPress export fixture (../shared/fixtures/wordpress-export.xml)');
const ATTACHMENT_PATH = '2017/05/report-000001-haifu-shiryo-1.pdf';

let dir: string;
let site: TestSite;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-wxr-pdf-'));
  site = await createTestSite();
});
after(async () => {
  await site.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

test('the text of a PDF imported with a post finds the post', { skip }, async () => {
  const uploads = join(dir, 'uploads');
  mkdirSync(join(uploads, '2017/05'), { recursive: true });
  writeFileSync(join(uploads, ATTACHMENT_PATH), makeTextPdf(['配布資料', '鰤起こしの観測記録']));
  const summary = await runImport(site, wxrImportItems(site, FIXTURE, { uploadsDir: uploads }), { kind: 'wxr', isDryRun: false });
  assert.equal(summary.media.stored, 1);
  const result = await searchReports(site.db, { q: '鰤起こし', filter: {}, page: 1, perPage: 10 });
  assert.equal(result.total, 1);
  assert.equal(result.items[0]!.matchedIn, 'attachment');
  assert.equal(result.items[0]!.attachmentLabel, '配布資料（PDF）');
});
