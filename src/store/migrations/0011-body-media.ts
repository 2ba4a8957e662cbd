// Withdrawn files (issue 9): a file is served to readers only while a published report uses
// it. Attachments are indexed already (report_media_media); links written in a body are kept
// here, one row per content hash the rendered body names, so the check per request is an
// index lookup instead of a scan of every body.
import { type Kysely, type Migration } from 'kysely';
import { mediaShasInHtml } from '../../domain/media-path.js';

export const migration0011: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('report_body_media')
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_body_media_pk', ['report_id', 'sha256'])
      .execute();
    await db.schema.createIndex('report_body_media_sha256').on('report_body_media').columns(['sha256', 'report_id']).execute();

    const reports = await db.selectFrom('reports').select(['id', 'body_html']).where('body_html', 'like', '%/media/%').execute();
    for (const report of reports) {
      const shas = mediaShasInHtml(report.body_html);
      if (shas.length > 0) {
        await db
          .insertInto('report_body_media')
          .values(shas.map((sha256) => ({ report_id: report.id, sha256 })))
          .execute();
      }
    }
  },
};
