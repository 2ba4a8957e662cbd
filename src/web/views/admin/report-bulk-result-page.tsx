// After a bulk action on the report list: how many reports it was done to, and each refused
// one with its reason (a writer's published report, a draft without text to publish …).
import { BULK_ACTION_LABELS, type BulkAction } from '../../../domain/report-bulk.js';
import { AdminLayout, type AdminPageContext } from './layout.js';

export interface ReportBulkResultPageProps {
  page: AdminPageContext;
  action: BulkAction;
  done: { id: number; title: string }[];
  refused: { id: number; title: string; reason: string }[];
  /** The list the person came from. */
  returnTo: string;
}

export function ReportBulkResultPage({ page, action, done, refused, returnTo }: ReportBulkResultPageProps) {
  const label = BULK_ACTION_LABELS[action];
  return (
    <AdminLayout page={page} title={`まとめて${label}`} mainActionId="back-to-list" mainActionLabel="一覧へ戻るリンクへ移動">
      <h1 id="page-title">まとめて{label}</h1>
      {refused.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="bulk-refused-title" tabindex={-1}>
          <h2 id="bulk-refused-title">{refused.length}件はできませんでした</h2>
          <ul>
            {refused.map((r) => (
              <li>
                <a href={`/admin/reports/${r.id}/edit`}>{r.title}</a>:{r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="admin-notice" tabindex={-1} role="status">
        {done.length === 0 ? `「${label}」を行った報告はありません。` : `${done.length}件の報告を「${label}」しました。`}
      </p>
      {done.length > 0 && (
        <ul>
          {done.map((r) => (
            <li>
              <a href={`/admin/reports/${r.id}/edit`}>{r.title}</a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a id="back-to-list" href={returnTo}>
          活動報告の一覧へ戻る
        </a>
      </p>
    </AdminLayout>
  );
}
