// PDF text (issue 9): the text read from each PDF is kept with its media record and indexed
// with the reports that use it, in a fourth column of the search index. FTS5 tables cannot
// gain a column, so the index is created again and the published reports are indexed anew
// (their attachment text is empty until `katsudo reindex` reads the PDFs stored before).
// The new table also keeps an index of one-character prefixes, so 「の」 alone is cheap.
import { sql, type Kysely, type Migration } from 'kysely';
import { searchDocument } from '../../domain/search/document.js';
import { createSearchTable } from '../dialects/search-table.js';

export const migration0009: Migration = {
  async up(db: Kysely<any>) {
    // The text, or null when none was read; text_status says why (see store/media-text.ts):
    // null = never read (stored before this column), 'complete', 'truncated' or 'failed'.
    await db.schema.alterTable('media').addColumn('text', 'text').execute();
    await db.schema.alterTable('media').addColumn('text_status', 'text').execute();

    // prefix = '1': a one-character term is the prefix query "の" * (domain/search/tokens.ts);
    // without an index of one-character prefixes FTS5 merges the lists of every 2-gram
    // starting with it, for a common character nearly the whole index (docs/search.md).
    await sql`drop table report_search`.execute(db);
    await createSearchTable(db, 'report_search');
    const rows = await db.selectFrom('reports').select(['id', 'title', 'body_text']).where('status', '=', 'published').execute();
    for (const row of rows) {
      const doc = searchDocument(row.title, row.body_text);
      await sql`insert into report_search (rowid, title, body, words, attachments)
        values (${row.id}, ${doc.title}, ${doc.body}, ${doc.words}, '')`.execute(db);
    }
  },
};
