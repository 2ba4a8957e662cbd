// Authoring: accounts, sessions, login throttling, the audit log, revisions, and the
// columns reports and media need for editing (author, review, schedule, trash, alt text).
// Schema builder only, so the same migration runs on PostgreSQL.
import { sql, type Kysely, type Migration } from 'kysely';
import { autoId } from '../dialects/auto-id.js';

export const migration0003: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('login', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('is_disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('users_role_check', sql`role in ('owner', 'editor', 'writer')`)
      .execute();

    // The cookie holds a random 256-bit id; only its SHA-256 is stored, so a copy of the
    // database cannot be used to log in.
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    // Failed logins per key ('ip:…' or 'login:…'), for exponential back-off.
    await db.schema
      .createTable('login_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_failure_at', 'text', (c) => c.notNull())
      .addColumn('blocked_until', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('login', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();

    // A copy of the editable fields at every save; `version` is the report's version it became.
    await db.schema
      .createTable('revisions')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('activity_date', 'text', (c) => c.notNull())
      .addColumn('category_id', 'integer')
      .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('body_source', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('revisions_report').on('revisions').columns(['report_id', 'id']).execute();

    await db.schema
      .alterTable('reports')
      .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .execute();
    // When a writer asked for review (null: not submitted).
    await db.schema.alterTable('reports').addColumn('submitted_at', 'text').execute();
    // When a scheduled report is to be published.
    await db.schema.alterTable('reports').addColumn('scheduled_at', 'text').execute();
    await db.schema.alterTable('reports').addColumn('trashed_at', 'text').execute();
    await db.schema.createIndex('reports_schedule').on('reports').columns(['status', 'scheduled_at']).execute();

    await db.schema
      .alterTable('media')
      .addColumn('alt_text', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
};
