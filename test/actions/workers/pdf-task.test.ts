// PDFs are read in the work pool: on a worker thread the task gives what it gives inline,
// and a file that takes too long is stopped with its thread while the upload still
// succeeds (no page count, no text, the cause returned) and the pool keeps working.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readStoredPdfTexts } from '../../../src/actions/search/reindex.js';
import { storeMedia } from '../../../src/actions/media/store-media.js';
import { uploadMedia } from '../../../src/actions/media/upload-media.js';
import { DEFAULT_PDF_LIMITS } from '../../../src/actions/media/inspect-pdf.js';
import { inlinePool, threadPool, type WorkPool } from '../../../src/actions/runtime/work-pool.js';
import { createTestSite, type TestSite } from '../../support/db.js';
import { addTestUser, TEST_USER } from '../../support/media-fixtures.js';
import { makeTextPdf } from '../../support/text-pdf.js';

let site: TestSite;
const pools: WorkPool[] = [];

function pool(timeoutMs?: number): WorkPool {
  const created = threadPool({ database: site.database, size: 1, ...(timeoutMs ? { timeoutMs } : {}) });
  pools.push(created);
  return created;
}

before(async () => {
  site = await createTestSite();
  await addTestUser(site);
});
after(async () => {
  await Promise.all(pools.map((p) => p.close()));
  await site.cleanup();
});

test('reads a PDF on a worker thread as it does inline', async () => {
  const input = { bytes: makeTextPdf(['外務副大臣と会談', '共同声明']), limits: DEFAULT_PDF_LIMITS };
  const [onThread, inline] = await Promise.all([pool().run('pdf', input), inlinePool(site.db).run('pdf', input)]);
  assert.deepEqual(onThread, { pages: 2, text: '外務副大臣と会談\n\n共同声明', isTruncated: false });
  assert.deepEqual(onThread, inline);
});

test('a PDF read past the time limit is stopped; the upload is kept without pages or text, and the pool reads the next file', async () => {
  const threads = pool(1);
  const ctx = { ...site, work: threads };
  const pages = Array.from({ length: 2000 }, (_, i) => `第${i + 1}ページの本文`);
  const uploaded = await uploadMedia(ctx, { bytes: makeTextPdf(pages), fileName: 'huge.pdf', altText: '', user: TEST_USER });
  assert.equal(uploaded.pages, null);
  assert.match(uploaded.pdfFailure ?? '', /took longer than 1 ms/);
  const row = await site.db.selectFrom('media').select(['text', 'text_status']).where('id', '=', uploaded.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { text: '', text_status: 'failed' });

  const next = await threads.run('pdf', { bytes: makeTextPdf(['次の資料']), limits: DEFAULT_PDF_LIMITS }, { timeoutMs: 60_000 });
  assert.equal(next.text, '次の資料');
});

test('a damaged PDF is kept, and the upload says why it could not be read', async () => {
  const uploaded = await uploadMedia(site, { bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj broken'), fileName: 'broken.pdf', altText: '', user: TEST_USER });
  assert.equal(uploaded.pages, null);
  assert.match(uploaded.pdfFailure ?? '', /Invalid PDF/);
});

test('reading stored PDFs past the time limit marks them failed and goes on to the next', async () => {
  const stored = await storeMedia(site, { bytes: makeTextPdf(['古い資料']), fileName: 'stored-before.pdf', mime: 'application/pdf' });
  await site.db.updateTable('media').set({ text: null, text_status: null }).where('id', '=', stored.id).execute();
  assert.equal(await readStoredPdfTexts({ ...site, work: pool(1) }), 1);
  const row = await site.db.selectFrom('media').select(['text', 'text_status']).where('id', '=', stored.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { text: '', text_status: 'failed' });
  assert.equal(await readStoredPdfTexts(site), 0);
});
