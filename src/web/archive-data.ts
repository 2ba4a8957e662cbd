import { listCategories } from '../store/categories.js';
import { countByMonth, countByTag } from '../store/reports.js';
import type { Db } from '../store/database.js';
import type { ArchiveData } from './views/components/archive-nav.js';

/** How many tags the side navigation shows (the most used first). */
const TAGS_SHOWN = 20;

export async function loadArchiveData(db: Db): Promise<ArchiveData> {
  const [months, categories, tags] = await Promise.all([countByMonth(db), listCategories(db), countByTag(db)]);
  return { months, categories, tags: tags.slice(0, TAGS_SHOWN) };
}
