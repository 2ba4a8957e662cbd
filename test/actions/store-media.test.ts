import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { findReportBySlug } from '../../src/store/reports.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { makeTextPdf } from '../support/text-pdf.js';

let site: TestSite;
let pdf: Uint8Array;

before(async () => {
  site = await createTestSite();
  const doc = await PDFDocument.create();
  for (let i = 0; i < 3; i++) doc.addPage();
  pdf = await doc.save();
});
after(async () => site.cleanup());

test('stores a PDF with its page count and text, and a damaged one without them', async () => {
  const read = await storeMedia(site, { bytes: makeTextPdf(['日米防衛相会談の概要', '二ページ目']), fileName: 'text.pdf', mime: 'application/pdf' });
  const broken = await storeMedia(site, { bytes: new TextEncoder().encode('%PDF-1.4 broken'), fileName: 'broken.pdf', mime: 'application/pdf' });
  assert.equal(read.pages, 2);
  assert.equal(broken.pages, null);
  const rows = await site.db.selectFrom('media').select(['id', 'text', 'text_status']).where('id', 'in', [read.id, broken.id]).orderBy('id').execute();
  assert.deepEqual(rows, [
    { id: read.id, text: '日米防衛相会談の概要\n\n二ページ目', text_status: 'complete' },
    { id: broken.id, text: '', text_status: 'failed' },
  ]);
});

test('stores the same bytes under two names as two records sharing one file', async () => {
  const first = await storeMedia(site, { bytes: pdf, fileName: 'factsheet.pdf', mime: 'application/pdf' });
  const again = await storeMedia(site, { bytes: pdf, fileName: 'factsheet.pdf', mime: 'application/pdf' });
  const renamed = await storeMedia(site, { bytes: pdf, fileName: '資料.pdf', mime: 'application/pdf' });
  assert.equal(again.id, first.id);
  assert.notEqual(renamed.id, first.id);
  assert.equal(renamed.sha256, first.sha256);
  assert.deepEqual(readdirSync(join(site.dataDir, 'media', first.sha256.slice(0, 2))), [first.sha256]);
});

test('resolves a body link to a file uploaded under another name with the same content', async () => {
  const { slug } = await publishReport(site, { bodySource: '資料は[ファクトシート](media:資料.pdf)のとおり。' });
  const report = (await findReportBySlug(site.db, slug))!;
  assert.match(
    report.bodyHtml,
    /<a class="attachment" href="\/media\/[0-9a-f]{64}\/%E8%B3%87%E6%96%99\.pdf">ファクトシート<span class="meta">\(PDF形式・1KB・3ページ\)<\/span><\/a>/,
  );
  assert.deepEqual(
    report.attachments.map((a) => [a.label, a.fileName]),
    [['ファクトシート', '資料.pdf']],
  );
});
