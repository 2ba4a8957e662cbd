// Indexes every published report and page again from its stored title and plain text, for the
// migrations that change what the index holds (0023, 0034): within the start's migration
// transaction (an FTS5 row can only be written whole). Ids are read in batches, so memory
// does not grow with the site.
import type { Kysely } from 'kysely';
import { attachmentTokens, searchDocument } from '../../domain/search/document.js';
import { clearSearchTable, insertSearchEntries, type SearchEntry } from '../dialects/search-table.js';

const BATCH = 500;

const ITEMS = [
  { table: 'reports', index: 'report_search', owner: 'report_id' },
  { table: 'pages', index: 'page_search', owner: 'page_id' },
] as const;

export async function reindexPublishedItems(db: Kysely<any>): Promise<void> {
  for (const { table, index, owner } of ITEMS) {
    await clearSearchTable(db, index);
    for (let afterId = 0; ;) {
      const rows: { id: number; title: string; body_text: string }[] = await db
        .selectFrom(table)
        .select(['id', 'title', 'body_text'])
        .where('status', '=', 'published')
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) break;
      const entries: (SearchEntry & { id: number })[] = [];
      for (const row of rows) {
        // The attachment texts in list order, as store/media-text.ts listAttachmentTexts reads them.
        const texts = await db
          .selectFrom('attachments')
          .innerJoin('media', 'media.id', 'attachments.media_id')
          .select('media.text')
          .where(`attachments.${owner}`, '=', row.id)
          .where('media.text', 'is not', null)
          .where('media.text', '!=', '')
          .orderBy('attachments.position')
          .orderBy('media.id')
          .execute();
        const doc = searchDocument(row.title, row.body_text);
        entries.push({ id: row.id, ...doc, attachments: attachmentTokens(texts.map((t: { text: string }) => t.text)) });
      }
      // On PostgreSQL this also counts the rows in bm25's statistics, which clearing reset.
      await insertSearchEntries(db, index, entries);
      afterId = rows[rows.length - 1]!.id;
    }
  }
}
