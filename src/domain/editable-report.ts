// A report as the admin sees it: the public shape plus who wrote it and where it stands in
// the workflow, and the admin's list tabs, where a submitted draft has a tab of its own.
import type { Report, ReportStatus } from './report.js';

export interface EditableReport extends Report {
  authorId: number | null;
  authorName: string | null;
  submittedAt: string | null;
  scheduledAt: string | null;
  trashedAt: string | null;
}

/** A list tab: a status, or 'review' for a submitted draft. */
export type AdminStatus = ReportStatus | 'review';

/** The tabs in the order the admin shows them. */
export const ADMIN_STATUSES: readonly AdminStatus[] = ['draft', 'review', 'scheduled', 'published', 'trashed'];

/** The tab a report falls under: a submitted draft is 'review'. */
export function adminStatusOf(report: { status: ReportStatus; submittedAt: string | null }): AdminStatus {
  return report.status === 'draft' && report.submittedAt !== null ? 'review' : report.status;
}
