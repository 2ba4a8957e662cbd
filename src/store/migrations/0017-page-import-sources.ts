// WordPress pages import as fixed pages (issue 10): which page each imported item became,
// so that running the import again updates that page instead of adding a copy. Kept apart
// from import_sources, whose rows belong to reports (report_id is NOT NULL there).
import { type Kysely, type Migration } from 'kysely';
import { autoId } from '../dialects/auto-id.js';

export const migration0017: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('page_import_sources')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('source_kind', 'text', (c) => c.notNull())
      // '<base_site_url>#<post_id>' for a WordPress page.
      .addColumn('source_key', 'text', (c) => c.notNull())
      .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('page_import_sources_kind_key', ['source_kind', 'source_key'])
      .execute();
    await db.schema.createIndex('page_import_sources_page').on('page_import_sources').column('page_id').execute();
  },
};
