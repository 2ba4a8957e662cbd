// The fixed pages (all, or those of one status) in tree order: parent, then position. The
// page list, the parent choice and the settings' menu editor show them.
import type { PageStatus, PageSummary } from '../../domain/page.js';
import { listPages as listStoredPages } from '../../store/pages.js';
import type { ActionContext } from '../runtime/context.js';

export function listPages(ctx: Pick<ActionContext, 'db'>, status?: PageStatus): Promise<PageSummary[]> {
  return listStoredPages(ctx.db, status);
}
