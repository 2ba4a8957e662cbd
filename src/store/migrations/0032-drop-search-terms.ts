// Since migration 0031 PostgreSQL search reads the postings; the generated `terms` and
// `prefixes` columns of the search tables (migrations 0009, 0012), with their GIN indexes, were
// still computed on every write and never read. Dropped here, with the function `prefixes` was
// computed by. SQLite's FTS5 tables have no such columns: a no-op there.
import type { Kysely, Migration } from 'kysely';
import { dropUnreadSearchColumns } from '../dialects/search-table.js';

export const migration0032: Migration = {
  async up(db: Kysely<any>) {
    await dropUnreadSearchColumns(db);
  },
};
