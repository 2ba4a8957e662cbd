// Postings for PostgreSQL search (issue 15 item 3): ranking read every matching row's text to
// count a phrase's instances, 20–100 × slower than FTS5 at 10,000 reports. Each search table
// gets a table of per-token counts and positions kept by triggers (dialects/search-postings.ts),
// filled here from the rows already indexed. SQLite's FTS5 tables have their own: a no-op there.
import type { Kysely, Migration } from 'kysely';
import { createSearchPostings } from '../dialects/search-postings.js';

export const migration0031: Migration = {
  async up(db: Kysely<any>) {
    await createSearchPostings(db, 'report_search');
    await createSearchPostings(db, 'page_search');
  },
};
