// Search words by a pure rule (issue 14 item 8): the `words` column of report_search and
// page_search held Intl.Segmenter's words; ranking now looks a query's words up as
// domain/search/words.ts cuts them, so every published report and page is indexed again.
import type { Kysely, Migration } from 'kysely';
import { reindexPublishedItems } from './reindex-published-items.js';

export const migration0023: Migration = {
  async up(db: Kysely<any>) {
    await reindexPublishedItems(db);
  },
};
