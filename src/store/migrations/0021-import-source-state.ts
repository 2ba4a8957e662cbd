// Imports respect local edits (issue 13 item 4): each import source row also keeps the
// version and status its item (report or page) had right after the import wrote it, so a
// later run can tell that an editor changed, unpublished or trashed it since. Rows from
// before this migration hold NULL: for them the item's updated_at is compared with
// imported_at instead (store/import-sources.ts).
import { type Kysely, type Migration } from 'kysely';

export const migration0021: Migration = {
  async up(db: Kysely<any>) {
    for (const table of ['import_sources', 'page_import_sources']) {
      await db.schema.alterTable(table).addColumn('item_version', 'integer').execute();
      await db.schema.alterTable(table).addColumn('item_status', 'text').execute();
    }
  },
};
