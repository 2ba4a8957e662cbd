// Issue 12 item 1. Autosave slots: what an editor typed and has not saved, one slot per user
// and item (item_id 0 = a form for a new item), kept every few seconds while typing and
// offered back when the editor is opened again. Not a revision: a save removes it.
import { type Kysely, type Migration } from 'kysely';

export const migration0019: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('autosaves')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      // 'report' | 'page'
      .addColumn('item_kind', 'text', (c) => c.notNull())
      .addColumn('item_id', 'integer', (c) => c.notNull())
      // The form's fields as a JSON object of strings.
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('saved_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('autosaves_pk', ['user_id', 'item_kind', 'item_id'])
      .execute();
  },
};
