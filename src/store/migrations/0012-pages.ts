// Fixed pages (固定ページ, issue 10): a tree of pages with the report's body columns and
// workflow. Revisions are shared with reports: the revisions table is rebuilt so a row
// belongs to exactly one report OR one page (SQLite cannot drop NOT NULL in place).
// Body links to /media/ of pages are indexed like reports' (0011) for the withdrawn-file
// rule, and published pages have their own search index (page_search).
import { sql, type Kysely, type Migration } from 'kysely';
import { autoId } from '../dialects/auto-id.js';
import { createSearchTable } from '../dialects/search-table.js';

export const migration0012: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('pages')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      // RESTRICT: a page with children is never deleted under them (actions refuse it first).
      .addColumn('parent_id', 'integer', (c) => c.references('pages.id').onDelete('restrict'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('body_source', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('outline_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('trashed_at', 'text')
      .execute();
    // Unique among siblings; top-level pages (parent NULL) are siblings of each other.
    await db.schema
      .createIndex('pages_sibling_slug')
      .on('pages')
      .unique()
      .expression(sql`coalesce(parent_id, 0), slug`)
      .execute();
    await db.schema.createIndex('pages_parent_position').on('pages').columns(['parent_id', 'position', 'id']).execute();

    await db.schema
      .createTable('page_body_media')
      .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('page_body_media_pk', ['page_id', 'sha256'])
      .execute();
    await db.schema.createIndex('page_body_media_sha256').on('page_body_media').columns(['sha256', 'page_id']).execute();

    // Published pages in site search: the same columns as report_search so one match
    // expression (store/search.ts) serves both; a separate rowid space leaves reports'
    // results and ranking exactly as they were.
    await createSearchTable(db, 'page_search');

    await db.schema
      .createTable('revisions_new')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('report_id', 'integer', (c) => c.references('reports.id').onDelete('cascade'))
      .addColumn('page_id', 'integer', (c) => c.references('pages.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('activity_date', 'text', (c) => c.notNull())
      .addColumn('category_id', 'integer')
      .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('body_source', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('revisions_one_item', sql`(report_id is null) <> (page_id is null)`)
      .execute();
    await sql`insert into revisions_new (id, report_id, page_id, version, title, slug, activity_date, category_id, tags_json, summary, body_source, status, author_id, note, created_at)
      select id, report_id, null, version, title, slug, activity_date, category_id, tags_json, summary, body_source, status, author_id, note, created_at from revisions`.execute(
      db,
    );
    await db.schema.dropTable('revisions').execute();
    await db.schema.alterTable('revisions_new').renameTo('revisions').execute();
    await db.schema.createIndex('revisions_report').on('revisions').columns(['report_id', 'id']).execute();
    await db.schema.createIndex('revisions_page').on('revisions').columns(['page_id', 'id']).execute();
  },
};
