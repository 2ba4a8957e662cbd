// Two indexes for the static build (issue 14). Category lists in their public order from
// an index alone (store/reports.ts listReports): reports_public_order has no category, so
// skipping to page N of a category read every skipped report's row. And the build state
// (store/build-state.ts) from an index alone: the columns it reads follow the body
// columns in the row, so reading them walked every report's overflow pages.
// Plain schema builder: both dialects accept it.
import type { Kysely, Migration } from 'kysely';

export const migration0025: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('reports_category_order').on('reports').columns(['status', 'category_id', 'activity_date', 'id']).execute();
    await db.schema
      .createIndex('reports_build_state')
      .on('reports')
      .columns(['status', 'id', 'slug', 'activity_date', 'published_at', 'category_id', 'version', 'render_version', 'updated_at'])
      .execute();
  },
};
