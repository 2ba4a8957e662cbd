// /admin/reports/:id/delete and /admin/pages/:id/delete: the owner confirms deleting a report
// or fixed page from the trash for good.
import { ITEM_NOUNS, type ItemKind } from '../../../domain/item-ref.js';
import { CsrfField } from './form.js';
import { AdminLayout, type AdminPageContext } from './layout.js';

export function ReportDeletePage({ page, report, kind = 'report' }: { page: AdminPageContext; report: { id: number; title: string }; kind?: ItemKind }) {
  const noun = ITEM_NOUNS[kind];
  const base = `/admin/${kind === 'report' ? 'reports' : 'pages'}/${report.id}`;
  return (
    <AdminLayout page={page} title={`${noun}を完全に削除`}>
      <h1 id="page-title">{noun}を完全に削除しますか</h1>
      <p>
        「<strong>{report.title}</strong>」を完全に削除します。変更履歴も一緒に消え、元に戻すことはできません。添付していたファイルはメディアに残ります。
      </p>
      <form method="post" action={`${base}/delete`} class="form-actions">
        <CsrfField token={page.csrfToken} />
        <button type="submit" class="button-danger">
          完全に削除する
        </button>
        <a href={`${base}/edit`}>やめて{noun}に戻る</a>
      </form>
    </AdminLayout>
  );
}
