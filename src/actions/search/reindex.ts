// Rebuilding the search index from the published reports and pages (katsudo reindex). One
// transaction: readers keep the old index until the new one is complete. Documents for
// the next batch are built on worker threads while this thread writes the current one.
// `katsudo reindex` first reads PDFs stored before their text was kept (migration 0009,
// readStoredPdfTexts), so their text is indexed with the reports that have them attached.
import { readFileSync } from 'node:fs';
import { listPdfsWithoutText } from '../../store/media-text.js';
import { mediaFilePath } from '../../store/media-files.js';
import { countReports, listPublishedForIndex } from '../../store/reports.js';
import { clearSearchIndex, insertIntoIndex } from '../../store/search.js';
import { rebuildPageIndex } from '../../store/page-search.js';
import { searchDocument } from '../../domain/search/document.js';
import { documentBuilderFor } from './build-search-documents.js';
import type { ActionContext } from '../runtime/context.js';
import { readPdf, savePdfText } from '../media/store-media.js';
import type { PdfFacts } from '../media/inspect-pdf.js';

const BATCH = 500;

export async function reindexSearch(ctx: ActionContext, onProgress: (done: number, total: number) => void = () => {}): Promise<number> {
  const total = await countReports(ctx.db, { status: 'published' });
  const builder = documentBuilderFor(total);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await clearSearchIndex(trx);
      let done = 0;
      let batch = await listPublishedForIndex(trx, 0, BATCH);
      let building = builder.build(batch);
      while (batch.length > 0) {
        const docs = await building;
        const next = await listPublishedForIndex(trx, batch[batch.length - 1]!.id, BATCH);
        building = builder.build(next);
        for (const { id, doc } of docs) await insertIntoIndex(trx, id, doc);
        done += docs.length;
        onProgress(done, total);
        batch = next;
      }
      // Fixed pages are few: their index is rebuilt in the same transaction, inline.
      await rebuildPageIndex(trx, searchDocument);
      return done;
    });
  } finally {
    await builder.close();
  }
}

/**
 * Reads the text of every PDF that has none yet, each saved in its own transaction (a file
 * that cannot be read is marked 'failed' and not tried again). Returns how many were read.
 */
export async function readStoredPdfTexts(ctx: ActionContext): Promise<number> {
  let count = 0;
  for (let afterId = 0; ;) {
    const batch = await listPdfsWithoutText(ctx.db, afterId, 50);
    if (batch.length === 0) return count;
    for (const media of batch) {
      const facts = await readStoredPdf(ctx, media.sha256);
      await ctx.db.transaction().execute((trx) => savePdfText(trx, media.id, facts));
      count++;
    }
    afterId = batch[batch.length - 1]!.id;
  }
}

async function readStoredPdf(ctx: ActionContext, sha256: string): Promise<PdfFacts> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(mediaFilePath(ctx, sha256)));
  } catch (error) {
    return { pages: null, text: '', isTruncated: false, failure: `file not readable: ${(error as Error).message}` };
  }
  return readPdf(ctx, bytes, bytes.byteLength);
}
