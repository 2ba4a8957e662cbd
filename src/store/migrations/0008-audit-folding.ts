// A bounded audit log (issue 9), and cheap clean-up of login throttle counters.
// Identical audit entries within a fold window share one row with a count and the time of
// the last one. The unique index is what makes the fold atomic: recordAudit upserts on it,
// so simultaneous writers add to one row. Rows from before this migration have no window
// (NULL never conflicts) and stay as they were.
import { sql, type Kysely, type Migration } from 'kysely';

export const migration0008: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('audit_log')
      .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable('audit_log')
      .addColumn('last_at', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.alterTable('audit_log').addColumn('fold_window', 'integer').execute();
    await db
      .updateTable('audit_log')
      .set({ last_at: sql.ref('at') })
      .execute();
    await db.schema.createIndex('audit_log_fold').on('audit_log').columns(['fold_window', 'action', 'login', 'ip', 'target', 'detail']).unique().execute();
    // Every login attempt deletes stale throttle counters first (store/login-throttle.ts):
    // an index keeps that a range scan however many addresses an attacker uses.
    await db.schema.createIndex('login_throttle_last_failure').on('login_throttle').column('last_failure_at').execute();
  },
};
