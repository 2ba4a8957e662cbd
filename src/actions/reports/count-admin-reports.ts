// Reports per tab of the admin list (and the dashboard). A writer's counts cover only
// their own reports, as their list does.
import { ADMIN_STATUSES, type AdminStatus } from '../../domain/editable-report.js';
import type { Actor } from '../../domain/user.js';
import { countReportsByAdminStatus, listReportsForAdmin } from '../../store/reports.js';
import type { ActionContext } from '../runtime/context.js';

export async function countAdminReports(ctx: Pick<ActionContext, 'db'>, actor: Actor): Promise<Record<AdminStatus, number>> {
  if (actor.role !== 'writer') return countReportsByAdminStatus(ctx.db);
  const counts = { draft: 0, review: 0, scheduled: 0, published: 0, trashed: 0 };
  for (const status of ADMIN_STATUSES) {
    // An offset past any list: only the count is read.
    const { total } = await listReportsForAdmin(ctx.db, { status, authorId: actor.userId }, { offset: Number.MAX_SAFE_INTEGER, limit: 1 });
    counts[status] = total;
  }
  return counts;
}
