// PostgreSQL search's postings in blocks: migration 0031 wrote one row per token and search row
// (~900 a report, ~1.6 GB at 10,000 reports, ~10 ms of triggers a report written). Each search
// table's postings become one row per token and block of 16 rows, every place of the token
// packed as a bigint (dialects/search-blocks.ts), converted here from the rows already indexed;
// 0031's table, trigger and functions are dropped. SQLite's FTS5 tables have their own: a
// no-op there.
import type { Kysely, Migration } from 'kysely';
import { createSearchBlocks } from '../dialects/search-blocks.js';

export const migration0033: Migration = {
  async up(db: Kysely<any>) {
    await createSearchBlocks(db, 'report_search');
    await createSearchBlocks(db, 'page_search');
  },
};
