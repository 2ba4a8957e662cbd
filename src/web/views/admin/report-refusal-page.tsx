// A report or page action the server refused: not allowed for this user (403) or not in the
// item's current status (409). The message comes from domain/report-workflow.ts.
import { ITEM_NOUNS, type ItemKind } from '../../../domain/item-ref.js';
import { AdminLayout, type AdminPageContext } from './layout.js';

const LISTS: Record<ItemKind, { href: string; label: string }> = {
  report: { href: '/admin/reports', label: '活動報告の一覧へ' },
  page: { href: '/admin/pages', label: '固定ページの一覧へ' },
};

export function ReportRefusalPage({
  page,
  kind,
  message,
  item = 'report',
  id,
}: {
  page: AdminPageContext;
  kind: 'forbidden' | 'state';
  message: string;
  item?: ItemKind;
  id?: number;
}) {
  const title = kind === 'forbidden' ? 'この操作を行う権限がありません' : 'この操作はいまの状態ではできません';
  const list = LISTS[item];
  return (
    <AdminLayout page={page} title={title}>
      <section class="admin-refusal" data-refusal={kind === 'forbidden' ? 'report-forbidden' : 'report-state'} aria-labelledby="page-title">
        <h1 id="page-title">{title}</h1>
        <p>{message}</p>
        <p>データは変更されていません。</p>
        <ul class="admin-links">
          {id !== undefined && (
            <li>
              <a href={`${list.href}/${id}/edit`}>{ITEM_NOUNS[item]}に戻る</a>
            </li>
          )}
          <li>
            <a href={list.href}>{list.label}</a>
          </li>
        </ul>
      </section>
    </AdminLayout>
  );
}
