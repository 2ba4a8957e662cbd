// Attachment lists for fixed pages too (issue 10): report_media becomes `attachments`, where a
// row belongs to exactly one report OR one page (as revisions since 0012), so one table and one
// store module serve both. Every existing row moves over unchanged.
import { sql, type Kysely, type Migration } from 'kysely';
import { engineOf } from '../dialects/engine.js';

export const migration0014: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('attachments')
      .addColumn('report_id', 'integer', (c) => c.references('reports.id').onDelete('cascade'))
      .addColumn('page_id', 'integer', (c) => c.references('pages.id').onDelete('cascade'))
      .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('restrict'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('attachments_one_item', sql`(report_id is null) <> (page_id is null)`)
      // SQLite's implicit rowid orders the uses of a file (0020, store/media.ts); PostgreSQL has
      // none, so there the column is explicit and the same SQL serves both.
      .$call((t) => (engineOf(db) === 'postgres' ? t.addColumn('rowid', 'integer', (c) => c.notNull().generatedAlwaysAsIdentity()) : t))
      .execute();
    // One row per (item, file); NULLs never collide, so each index covers its own kind only.
    await db.schema.createIndex('attachments_report').on('attachments').columns(['report_id', 'media_id']).unique().execute();
    await db.schema.createIndex('attachments_page').on('attachments').columns(['page_id', 'media_id']).unique().execute();
    await db.schema.createIndex('attachments_media').on('attachments').column('media_id').execute();
    await sql`insert into attachments (report_id, page_id, media_id, label, summary, position)
      select report_id, null, media_id, label, summary, position from report_media`.execute(db);
    await db.schema.dropTable('report_media').execute();
  },
};
