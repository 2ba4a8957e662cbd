// Category lists in their public order from an index alone (store/reports.ts listReports):
// reports_public_order has no category, so skipping to page N of a category read every
// skipped report's row. Plain schema builder: both dialects accept it.
import type { Kysely, Migration } from 'kysely';

export const migration0025: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('reports_category_order').on('reports').columns(['status', 'category_id', 'activity_date', 'id']).execute();
  },
};
