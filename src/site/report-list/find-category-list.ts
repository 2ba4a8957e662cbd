import { findCategoryBySlug } from '../../store/categories.js';
import type { SiteDeps } from '../site-deps.js';
import { reportListSpec, type ReportListSpec } from './report-list-spec.js';

/** The archive of the category with this slug, if there is one. */
export async function findCategoryList(deps: SiteDeps, slug: string): Promise<ReportListSpec | undefined> {
  const category = await findCategoryBySlug(deps.ctx.db, slug);
  return category && reportListSpec.category(category);
}
