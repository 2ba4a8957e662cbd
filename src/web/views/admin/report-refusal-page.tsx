// A report action the server refused: not allowed for this user (403) or not in the
// report's current status (409). The message comes from domain/report-workflow.ts.
import { AdminLayout, type AdminPageContext } from './layout.js';

export function ReportRefusalPage({ page, kind, message, reportId }: { page: AdminPageContext; kind: 'forbidden' | 'state'; message: string; reportId?: number }) {
  const title = kind === 'forbidden' ? 'この操作を行う権限がありません' : 'この操作はいまの状態ではできません';
  return (
    <AdminLayout page={page} title={title}>
      <section class="admin-refusal" data-refusal={kind === 'forbidden' ? 'report-forbidden' : 'report-state'} aria-labelledby="page-title">
        <h1 id="page-title">{title}</h1>
        <p>{message}</p>
        <p>データは変更されていません。</p>
        <ul class="admin-links">
          {reportId !== undefined && (
            <li>
              <a href={`/admin/reports/${reportId}/edit`}>報告に戻る</a>
            </li>
          )}
          <li>
            <a href="/admin/reports">活動報告の一覧へ</a>
          </li>
        </ul>
      </section>
    </AdminLayout>
  );
}
