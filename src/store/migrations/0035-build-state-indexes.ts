// Two indexes for the incremental static build (issue 14), each read in every build of the
// export: the sitemap's published reports in public order (store/reports.ts sitemapQuery)
// and every report's tags for the build state (store/build-state.ts reportTagsQuery), both
// from an index alone. The sitemap's updated_at follows the body columns in the row, so
// reading it walked every report's overflow pages (68 ms at 10,000 reports, 6 ms from the
// index); a tag's position is not in report_tags' primary key (22 → 12 ms). The public
// order index takes the sitemap's two columns at its end, so its list queries still read it.
// Plain schema builder: both dialects accept it.
import type { Kysely, Migration } from 'kysely';

export const migration0035: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('reports_public_order').execute();
    await db.schema.createIndex('reports_public_order').on('reports').columns(['status', 'activity_date', 'id', 'slug', 'updated_at']).execute();
    await db.schema.createIndex('report_tags_positions').on('report_tags').columns(['report_id', 'tag_id', 'position']).execute();
  },
};
