// How the admin names where a report stands: a badge for lists and the edit page, and the
// names of the list filters. 「レビュー待ち」 is a draft its writer has submitted.
import type { ReportStatus } from '../../../domain/report.js';

/** A list tab: a status, or 'review' for submitted drafts (as store/reports.ts AdminStatus). */
export type AdminStatus = ReportStatus | 'review';

export const ADMIN_STATUS_LABELS: Record<AdminStatus, string> = {
  draft: '下書き',
  review: 'レビュー待ち',
  scheduled: '予約',
  published: '公開中',
  trashed: 'ゴミ箱',
};

/** The filter a report falls under: a submitted draft is 'review'. */
export function adminStatusOf(report: { status: ReportStatus; submittedAt: string | null }): AdminStatus {
  return report.status === 'draft' && report.submittedAt !== null ? 'review' : report.status;
}

export function StatusBadge({ report }: { report: { status: ReportStatus; submittedAt: string | null } }) {
  const status = adminStatusOf(report);
  return <span class={`badge badge-status badge-${status}`}>{ADMIN_STATUS_LABELS[status]}</span>;
}
