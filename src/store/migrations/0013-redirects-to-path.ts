// Redirects by target: addRedirect collapses chains (a→b, b→c) with an update by to_path,
// and deleting a report drops the redirects leading to it. Without an index each of those
// scanned every redirect, which an import writing three per post made quadratic.
// (If not exists: a database rolled back to an earlier migration by hand keeps the index.)
import { type Kysely, type Migration } from 'kysely';

export const migration0013: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('redirects_to_path').ifNotExists().on('redirects').column('to_path').execute();
  },
};
