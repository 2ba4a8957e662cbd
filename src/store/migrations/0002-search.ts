// The full-text index of published reports (SQLite FTS5). It stores tokens only
// (contentless: the text lives in reports), so it costs about the size of the text.
// Existing published reports are indexed by the migration itself.
import { sql, type Kysely, type Migration } from 'kysely';
import { searchDocument } from '../../domain/search/document.js';
import { engineOf } from '../dialects/engine.js';
import { createPostgresSearchTable } from '../dialects/search-table.js';

export const migration0002: Migration = {
  async up(db: Kysely<any>) {
    // tokenize='ascii': tokens are prepared by domain/search/tokens.ts and only need
    // splitting on spaces; detail=full keeps positions for phrases.
    if (engineOf(db) === 'postgres') await createPostgresSearchTable(db, 'report_search');
    else {
      await sql`create virtual table report_search using fts5(
        title, body, words,
        content = '', contentless_delete = 1, tokenize = 'ascii', detail = full
      )`.execute(db);
    }
    const rows = await db.selectFrom('reports').select(['id', 'title', 'body_text']).where('status', '=', 'published').execute();
    for (const row of rows) {
      const doc = searchDocument(row.title, row.body_text);
      await sql`insert into report_search (rowid, title, body, words) values (${row.id}, ${doc.title}, ${doc.body}, ${doc.words})`.execute(db);
    }
  },
};
