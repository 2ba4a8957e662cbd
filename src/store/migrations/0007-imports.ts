// Imports (issue 5): which report each imported item became, so that running an import
// again updates that report instead of adding a copy, and the author's name as the old
// site showed it (WordPress authors become names, never accounts).
import { type Kysely, type Migration } from 'kysely';
import { autoId } from '../dialects/auto-id.js';

export const migration0007: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('import_sources')
      .addColumn('id', 'integer', autoId(db))
      // 'wxr' | 'html' | 'text' (or any later importer's name).
      .addColumn('source_kind', 'text', (c) => c.notNull())
      // The item's stable identity within its kind: '<base_site_url>#<post_id>', a page URL, a file path.
      .addColumn('source_key', 'text', (c) => c.notNull())
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
      // SHA-256 (hex) of what was imported, so an unchanged item is recognised without a write.
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('import_sources_kind_key', ['source_kind', 'source_key'])
      .execute();
    await db.schema.createIndex('import_sources_report').on('import_sources').column('report_id').execute();
    await db.schema.alterTable('reports').addColumn('author_name', 'text').execute();
  },
};
