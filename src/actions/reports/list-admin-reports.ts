// The admin report list: one page of reports matching the list's filter (status tab,
// category, author, text), with the total for the pager.
import { listReportsForAdmin, type AdminReportFilter, type AdminReportSummary, type PageRequest } from '../../store/reports.js';
import type { ActionContext } from '../runtime/context.js';

export function listAdminReports(ctx: Pick<ActionContext, 'db'>, filter: AdminReportFilter, page: PageRequest): Promise<{ total: number; items: AdminReportSummary[] }> {
  return listReportsForAdmin(ctx.db, filter, page);
}
