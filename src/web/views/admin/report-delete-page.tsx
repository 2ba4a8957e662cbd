// /admin/reports/:id/delete: the owner confirms deleting a report from the trash for good.
import { CsrfField } from './form.js';
import { AdminLayout, type AdminPageContext } from './layout.js';

export function ReportDeletePage({ page, report }: { page: AdminPageContext; report: { id: number; title: string } }) {
  return (
    <AdminLayout page={page} title="報告を完全に削除">
      <h1 id="page-title">報告を完全に削除しますか</h1>
      <p>
        「<strong>{report.title}</strong>」を完全に削除します。変更履歴も一緒に消え、元に戻すことはできません。添付していたファイルはメディアに残ります。
      </p>
      <form method="post" action={`/admin/reports/${report.id}/delete`} class="form-actions">
        <CsrfField token={page.csrfToken} />
        <button type="submit" class="button-danger">
          完全に削除する
        </button>
        <a href={`/admin/reports/${report.id}/edit`}>やめて報告に戻る</a>
      </form>
    </AdminLayout>
  );
}
