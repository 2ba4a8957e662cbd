// Rebuilding the search index from the published reports (katsudo reindex). One
// transaction: readers keep the old index until the new one is complete. Documents for
// the next batch are built on worker threads while this thread writes the current one.
import { countReports, listPublishedForIndex } from '../store/reports.js';
import { clearSearchIndex, insertIntoIndex } from '../store/search.js';
import { documentBuilderFor } from './build-search-documents.js';
import type { ActionContext } from './context.js';

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
      return done;
    });
  } finally {
    await builder.close();
  }
}
