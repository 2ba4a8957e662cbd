// First schema: reports with categories, tags, media and redirects; site settings.
// Written with Kysely's schema builder only, so the same migration runs on PostgreSQL.
import { sql, type Kysely, type Migration } from 'kysely';
import { autoId } from '../dialects/auto-id.js';

export const migration0001: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('categories')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('reports')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('activity_date', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('body_source', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('outline_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('category_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
      .addColumn('lang', 'text', (c) => c.notNull().defaultTo('ja'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('reports_status_check', sql`status in ('draft', 'scheduled', 'published', 'trashed')`)
      .execute();
    // Lists and archives read published reports newest first; this index serves them all.
    await db.schema.createIndex('reports_public_order').on('reports').columns(['status', 'activity_date', 'id']).execute();
    await db.schema.createIndex('reports_category').on('reports').columns(['category_id', 'status']).execute();

    await db.schema
      .createTable('tags')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .execute();
    await db.schema
      .createTable('report_tags')
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
      .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('report_tags_pk', ['report_id', 'tag_id'])
      .execute();
    await db.schema.createIndex('report_tags_tag').on('report_tags').columns(['tag_id', 'report_id']).execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('media')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('original_name', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('pages', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      // Bytes are stored once per content; a record per (content, name), so the same PDF
      // uploaded as two names is two attachments that share one file.
      .addUniqueConstraint('media_sha256_name', ['sha256', 'original_name'])
      .execute();
    await db.schema
      .createTable('report_media')
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
      .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('restrict'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('report_media_pk', ['report_id', 'media_id'])
      .execute();
    await db.schema.createIndex('report_media_media').on('report_media').column('media_id').execute();

    await db.schema
      .createTable('redirects')
      .addColumn('from_path', 'text', (c) => c.primaryKey())
      .addColumn('to_path', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('site_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('content_version', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('site_state').values({ id: 1, content_version: 1 }).execute();
  },
};
