// Render versions (issue 11): each report and page records the renderer version its
// body_html / body_text / outline_json came from (domain/text-format/render-version.ts), so
// older ones are rendered again; rows from before count as version 1. The refs a body writes
// after `media:` are kept per item, so an upload finds the items that name the new file by
// index. They are not filled here: every existing row is at version 1, and re-rendering it
// writes its refs.
import { type Kysely, type Migration } from 'kysely';

export const migration0015: Migration = {
  async up(db: Kysely<any>) {
    for (const table of ['reports', 'pages']) {
      await db.schema
        .alterTable(table)
        .addColumn('render_version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex(`${table}_render_version`).on(table).columns(['render_version', 'id']).execute();
    }
    // Same shape for both kinds (item_id is the report's or the page's id), so one store
    // function serves both.
    for (const [table, owner] of [
      ['report_media_refs', 'reports'],
      ['page_media_refs', 'pages'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn('item_id', 'integer', (c) => c.notNull().references(`${owner}.id`).onDelete('cascade'))
        .addColumn('ref', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['item_id', 'ref'])
        .execute();
      await db.schema.createIndex(`${table}_ref`).on(table).columns(['ref', 'item_id']).execute();
    }
  },
};
