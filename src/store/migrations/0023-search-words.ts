// Search words by a pure rule (issue 14 item 8): the `words` column of report_search and
// page_search held Intl.Segmenter's words; ranking now looks a query's words up as
// domain/search/words.ts cuts them, so every published report and page is indexed again,
// within the start's migration transaction (an FTS5 row can only be written whole). Ids
// are read in batches, so memory does not grow with the site.
import { sql, type Kysely, type Migration } from 'kysely';
import { attachmentTokens, searchDocument } from '../../domain/search/document.js';
import { clearSearchTable } from '../dialects/search-table.js';

const BATCH = 500;

const ITEMS = [
  { table: 'reports', index: 'report_search', owner: 'report_id' },
  { table: 'pages', index: 'page_search', owner: 'page_id' },
] as const;

export const migration0023: Migration = {
  async up(db: Kysely<any>) {
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
          const attachments = attachmentTokens(texts.map((t: { text: string }) => t.text));
          await sql`insert into ${sql.table(index)} (rowid, title, body, words, attachments)
            values (${row.id}, ${doc.title}, ${doc.body}, ${doc.words}, ${attachments})`.execute(db);
        }
        afterId = rows[rows.length - 1]!.id;
      }
    }
  },
};
