// /admin/demo: the owner removes the first-start demo in one confirmed step. Lists what will
// go (the demo's reports, pages and files, the settings still as the demo wrote them) and
// what stays (anything the office wrote or rewrote).
import { CsrfField, ErrorSummary, FieldError, controlAttrs, type FieldErrors } from './form.js';
import { AdminLayout, type AdminPageContext } from './layout.js';

export interface DemoRemovePageProps {
  page: AdminPageContext;
  reports: { id: number; title: string }[];
  pages: { id: number; title: string }[];
  fileCount: number;
  hasDemoSettings: boolean;
  errors: FieldErrors;
}

const CONFIRM = 'confirm';

export function DemoRemovePage(props: DemoRemovePageProps) {
  const { page, reports, pages, errors } = props;
  const isEmpty = reports.length + pages.length + props.fileCount === 0 && !props.hasDemoSettings;
  return (
    <AdminLayout page={page} title="デモの内容を削除" mainActionId={isEmpty ? undefined : `field-${CONFIRM}`} mainActionLabel="削除の確認へ移動">
      <h1 id="page-title">デモの内容を削除</h1>
      {isEmpty ? (
        <p>デモの内容は残っていません。</p>
      ) : (
        <>
          <ErrorSummary errors={errors} labels={{ [CONFIRM]: '確認' }} />
          <p>最初の起動で作られたデモの内容を、まとめて削除します。事務所で書いた報告・ページや、書き直したデモの報告は残ります。</p>
          <ul>
            <li>活動報告 {reports.length}件</li>
            <li>固定ページ {pages.length}件</li>
            <li>ファイル {props.fileCount}件(ほかの報告やページで使っていないものだけ)</li>
            {props.hasDemoSettings && <li>デモのままのサイト設定(議員名・プロフィール・連絡先など)とメニューの項目</li>}
          </ul>
          {reports.length > 0 && (
            <details>
              <summary>削除する活動報告の一覧</summary>
              <ul>
                {reports.map((r) => (
                  <li>{r.title}</li>
                ))}
              </ul>
            </details>
          )}
          <form method="post" action="/admin/demo" class="admin-form" novalidate>
            <CsrfField token={page.csrfToken} />
            <div class={errors[CONFIRM] ? 'field field-invalid' : 'field'}>
              <FieldError name={CONFIRM} errors={errors} />
              <input {...controlAttrs(CONFIRM, errors)} type="checkbox" value="yes" />
              <label for={`field-${CONFIRM}`}>デモの内容を削除すること、元に戻せないことを確認しました</label>
            </div>
            <div class="form-actions">
              <button type="submit" class="button-danger">
                デモの内容をすべて削除する
              </button>
              <a href="/admin/">やめてダッシュボードに戻る</a>
            </div>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
