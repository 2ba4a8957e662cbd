// /admin/account: one's second factors (summary and link), login sessions (with revoke) and the password form.
import { AdminLayout, type AdminPageContext } from './layout.js';
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import type { Session } from '../../../domain/session.js';
import { CsrfField, ErrorSummary, RowButton, TextField, type FieldErrors, TableScroll } from './form.js';

export interface SessionView extends Pick<Session, 'id' | 'createdAt' | 'lastSeenAt' | 'ip' | 'userAgent'> {
  isCurrent: boolean;
}

export interface AccountPageProps {
  page: AdminPageContext;
  sessions: SessionView[];
  errors: FieldErrors;
  twoFactor: { hasTotp: boolean; passkeyCount: number; recoveryCodesLeft: number; mustEnrol: boolean };
}

const PASSWORD_LABELS = { currentPassword: '現在のパスワード', newPassword: '新しいパスワード', passwordConfirmation: '新しいパスワード(確認)' };

export function AccountPage({ page, sessions, errors, twoFactor }: AccountPageProps) {
  const others = sessions.filter((s) => !s.isCurrent).length;
  return (
    <AdminLayout page={page} title="アカウント">
      <h1 id="page-title">アカウント</h1>
      <p class="admin-lead">
        ログイン名: <strong>{page.user?.login}</strong>
      </p>

      <section aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">二段階認証</h2>
        {twoFactor.mustEnrol && <p class="notice-important">このサイトでは二段階認証が必須です。設定するまで、管理画面の他のページは使えません。</p>}
        <ul>
          <li>認証アプリ: {twoFactor.hasTotp ? '設定済み' : '未設定'}</li>
          <li>パスキー: {twoFactor.passkeyCount}個</li>
          {(twoFactor.hasTotp || twoFactor.passkeyCount > 0) && <li>未使用の回復コード: {twoFactor.recoveryCodesLeft}個</li>}
        </ul>
        <p>
          <a href="/admin/account/two-factor">二段階認証を設定・変更する</a>
        </p>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">ログイン中の端末</h2>
        <p>心当たりのないログインがあれば終了させ、パスワードを変更してください。</p>
        <TableScroll label="ログイン中の端末の一覧">
          <table class="admin-table">
            <caption class="visually-hidden">ログイン中の端末の一覧</caption>
            <thead>
              <tr>
                <th scope="col">ログイン日時</th>
                <th scope="col">最後の操作</th>
                <th scope="col">IPアドレス</th>
                <th scope="col">ブラウザー</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr>
                  <td>{formatJapanDateTime(s.createdAt)}</td>
                  <td>{formatJapanDateTime(s.lastSeenAt)}</td>
                  <td>{s.ip}</td>
                  <td class="cell-wrap">{s.userAgent}</td>
                  <td>
                    {s.isCurrent ? (
                      <span class="badge">この端末</span>
                    ) : (
                      <form method="post" action={`/admin/account/sessions/${s.id}/revoke`}>
                        <CsrfField token={page.csrfToken} />
                        <RowButton label="終了する" about={`${formatJapanDateTime(s.createdAt)}のログイン`} />
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {others > 0 && (
          <form method="post" action="/admin/account/sessions/revoke-others" class="admin-inline-form">
            <CsrfField token={page.csrfToken} />
            <button type="submit">この端末以外のログインをすべて終了する</button>
          </form>
        )}
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">パスワードの変更</h2>
        <ErrorSummary errors={errors} labels={PASSWORD_LABELS} />
        <form method="post" action="/admin/account/password" class="admin-form" novalidate>
          <CsrfField token={page.csrfToken} />
          <input type="text" name="username" value={page.user?.login} autocomplete="username" hidden />
          <TextField name="currentPassword" label={PASSWORD_LABELS.currentPassword} type="password" errors={errors} autocomplete="current-password" isRequired />
          <TextField
            name="newPassword"
            label={PASSWORD_LABELS.newPassword}
            type="password"
            errors={errors}
            autocomplete="new-password"
            hint="12文字以上。よく使われるパスワードやログイン名を含むものは使えません。長い文(パスフレーズ)もおすすめです。"
            isRequired
          />
          <TextField name="passwordConfirmation" label={PASSWORD_LABELS.passwordConfirmation} type="password" errors={errors} autocomplete="new-password" isRequired />
          <div class="form-actions">
            <button type="submit" class="button-primary">
              パスワードを変更する
            </button>
          </div>
        </form>
      </section>
    </AdminLayout>
  );
}
