// How the admin names where a report stands: a badge for lists and the edit page, and the
// names of the list filters. 「レビュー待ち」 is a draft its writer has submitted.
import { adminStatusOf, type AdminStatus } from '../../../domain/editable-report.js';
import type { ReportStatus } from '../../../domain/report.js';

export const ADMIN_STATUS_LABELS: Record<AdminStatus, string> = {
  draft: '下書き',
  review: 'レビュー待ち',
  scheduled: '予約',
  published: '公開中',
  trashed: 'ゴミ箱',
};

export function StatusBadge({ report }: { report: { status: ReportStatus; submittedAt: string | null } }) {
  const status = adminStatusOf(report);
  return <span class={`badge badge-status badge-${status}`}>{ADMIN_STATUS_LABELS[status]}</span>;
}
