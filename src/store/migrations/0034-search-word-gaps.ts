// "Stands as words" only where the words stand one after another with nothing between them
// (issue 14, the static index's size): the `words` column now marks each word that the next
// word of its text does not follow at once (domain/search/words.ts WORD_GAP_MARK), so every
// published report and page is indexed again, as migration 0023 did.
import type { Kysely, Migration } from 'kysely';
import { reindexPublishedItems } from './reindex-published-items.js';

export const migration0034: Migration = {
  async up(db: Kysely<any>) {
    await reindexPublishedItems(db);
  },
};
