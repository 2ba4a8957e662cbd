// The categories a report can be filed under, in the owner's order, for the editor's choice
// and the admin list's filter.
import type { Category } from '../../domain/report.js';
import { listCategories as listStoredCategories } from '../../store/categories.js';
import type { ActionContext } from '../runtime/context.js';

export function listCategories(ctx: Pick<ActionContext, 'db'>): Promise<Category[]> {
  return listStoredCategories(ctx.db);
}
