// Issue 12. Submission keys: each rendered create/publish form carries a one-time key; the
// first post with it claims the row (primary key: a second claim fails atomically) and later
// records where it led, so a double click, back-then-save or a retry gets the same answer
// instead of a second report. Rows expire after a day.
// Demo items: the files the first-start demo stored (item_kind 'media'), so that removing
// the demo (actions/site/remove-demo.ts) deletes them; its reports and pages are recognised by
// their unchanged text, so the office's own and rewritten content is never taken.
import { type Kysely, type Migration } from 'kysely';

export const migration0016: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('submission_keys')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('submission_key', 'text', (c) => c.notNull())
      // Where the first submission led (a path for a 303); null while it is still running.
      .addColumn('result_path', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('submission_keys_pk', ['user_id', 'submission_key'])
      .execute();
    await db.schema.createIndex('submission_keys_expires').on('submission_keys').column('expires_at').execute();
    await db.schema
      .createTable('demo_items')
      // 'media' (store/demo-items.ts DemoItemKind; room for more kinds)
      .addColumn('item_kind', 'text', (c) => c.notNull())
      .addColumn('item_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('demo_items_pk', ['item_kind', 'item_id'])
      .execute();
  },
};
