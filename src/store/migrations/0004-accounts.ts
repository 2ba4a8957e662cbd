// Secrets the server generates once and shares between its processes through the
// database, e.g. the key that binds CSRF tokens to a login session.
import type { Kysely, Migration } from 'kysely';

export const migration0004: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('server_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
