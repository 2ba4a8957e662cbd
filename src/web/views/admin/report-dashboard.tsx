// The reports part of the dashboard: how many reports wait in each state (each a link to
// the list) and the user's own most recent drafts.
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import type { AdminStatus } from '../../../domain/editable-report.js';
import { ADMIN_STATUS_LABELS } from './report-status.js';

export interface ReportDashboardProps {
  counts: Record<AdminStatus, number>;
  /** The user's own drafts, most recently changed first. */
  drafts: { id: number; title: string; updatedAt: string }[];
  /** Writers' counts cover only their own reports. */
  isOwnOnly: boolean;
  /** The 新しい報告を書く link, with its one-time key (layout.tsx newFormHref). */
  newReportHref?: string;
}

const SHOWN: AdminStatus[] = ['draft', 'review', 'scheduled', 'published'];

export function ReportDashboard({ counts, drafts, isOwnOnly, newReportHref = '/admin/reports/new' }: ReportDashboardProps) {
  return (
    <section class="report-dashboard" aria-labelledby="report-dashboard-title">
      <h2 id="report-dashboard-title">{isOwnOnly ? '自分の活動報告' : '活動報告'}</h2>
      <ul class="report-counts">
        {SHOWN.map((status) => (
          <li>
            <a href={`/admin/reports?status=${status}`}>
              <span class="report-count-label">{ADMIN_STATUS_LABELS[status]}</span>
              <span class="report-count-number">{counts[status]}件</span>
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href={newReportHref}>新しい報告を書く</a>
      </p>
      <h3>最近の自分の下書き</h3>
      {drafts.length === 0 ? (
        <p>下書きはありません。</p>
      ) : (
        <ul class="recent-drafts">
          {drafts.map((d) => (
            <li>
              <a href={`/admin/reports/${d.id}/edit`}>{d.title}</a>
              <span class="cell-note">(更新 {formatJapanDateTime(d.updatedAt)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
