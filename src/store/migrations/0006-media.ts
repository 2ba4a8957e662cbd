// Media variants: the WebP copies of an image at fixed widths (640 and 1280 px), keyed by
// the original's content hash, since every record of the same bytes shares them. Each
// variant is itself a content-addressed file. Plus an index for the newest-first library.
import type { Kysely, Migration } from 'kysely';

export const migration0006: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('media_variants')
      .addColumn('source_sha256', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('media_variants_pk', ['source_sha256', 'width'])
      .execute();
    await db.schema.createIndex('media_variants_sha256').on('media_variants').column('sha256').execute();
    await db.schema.createIndex('media_created').on('media').columns(['created_at', 'id']).execute();
  },
};
