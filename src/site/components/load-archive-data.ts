import { listCategories } from '../../store/categories.js';
import { countByMonth, countByTag } from '../../store/reports.js';
import type { Db } from '../../store/database.js';
import { memoByContentVersion } from '../content-memo.js';
import type { ArchiveData } from './archive-nav.js';

/** How many tags the side navigation shows (the most used first). */
const TAGS_SHOWN = 20;

/**
 * The side navigation's counts over every published report. They cost 15–50 ms of
 * synchronous SQLite work at 10,000 reports, and every uncached search page needs them, so
 * they are computed once per content version (as cached pages are) instead of per request.
 */
export async function loadArchiveData(db: Db): Promise<ArchiveData> {
  return memoByContentVersion(db, 'archive', () => countArchive(db));
}

async function countArchive(db: Db): Promise<ArchiveData> {
  const [months, categories, tags] = await Promise.all([countByMonth(db), listCategories(db), countByTag(db)]);
  return { months, categories, tags: tags.slice(0, TAGS_SHOWN) };
}
