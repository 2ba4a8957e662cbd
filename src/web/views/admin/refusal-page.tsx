// Pages for requests the admin refuses before any route runs: a role too low (403), a
// missing or forged CSRF token (403), and a non-form request without a session (401).
import { AdminLayout, type AdminPageContext } from './layout.js';

export type RefusalKind = 'role' | 'csrf' | 'login' | 'enrol';

const TEXTS: Record<RefusalKind, { title: string; lead: string }> = {
  role: {
    title: 'この操作を行う権限がありません',
    lead: 'このページや操作は、あなたのアカウントの権限では利用できません。必要な場合はサイトのオーナーに依頼してください。',
  },
  csrf: {
    title: '送信を受け付けられませんでした',
    lead: 'フォームの有効期限が切れたか、別の画面から送信された可能性があるため、安全のため処理を中止しました。データは変更されていません。前の画面に戻り、ページを再読み込みしてからもう一度送信してください。',
  },
  enrol: {
    title: '二段階認証の設定が必要です',
    lead: 'このサイトでは、管理画面を使う前に二段階認証(認証アプリまたはパスキー)の設定が必要です。アカウントの「二段階認証」から設定してください。',
  },
  login: {
    title: 'ログインが必要です',
    lead: 'ログインの有効期限が切れたため、処理を行いませんでした。もう一度ログインしてから操作してください。',
  },
};

export function RefusalPage({ page, kind, backHref }: { page: AdminPageContext; kind: RefusalKind; backHref?: string }) {
  const text = TEXTS[kind];
  return (
    <AdminLayout page={page} title={text.title}>
      <section class="admin-refusal" id="access-refused" data-refusal={kind} aria-labelledby="page-title">
        <h1 id="page-title">{text.title}</h1>
        <p>{text.lead}</p>
        <ul class="admin-links">
          {backHref && (
            <li>
              <a href={backHref}>前の画面に戻る</a>
            </li>
          )}
          {kind === 'enrol' && (
            <li>
              <a href="/admin/account/two-factor">二段階認証を設定する</a>
            </li>
          )}
          <li>{page.user ? <a href="/admin/">ダッシュボードへ</a> : <a href="/admin/login">ログイン画面へ</a>}</li>
        </ul>
      </section>
    </AdminLayout>
  );
}
