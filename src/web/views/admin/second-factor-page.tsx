// The login's second step: the password was right, now a code from the authenticator app,
// a recovery code, or a passkey (the button appears where the browser supports passkeys).
import { CodeField } from './code-field.js';
import { CsrfField, ErrorSummary, type FieldErrors } from './form.js';
import { AdminLayout, type AdminPageContext } from './layout.js';
import { CARRY_PREFIX } from './login-page.js';

export interface SecondFactorPageProps {
  page: AdminPageContext;
  errors: FieldErrors;
  next: string;
  /** Unsaved fields of a save whose session had ended, as [name, value] pairs. */
  carried: [string, string][];
  hasTotp: boolean;
  hasPasskeys: boolean;
  scriptHref: string;
}

export function SecondFactorPage({ page, errors, next, carried, hasTotp, hasPasskeys, scriptHref }: SecondFactorPageProps) {
  const hint = hasTotp
    ? '認証アプリに表示されている6桁の数字を入力してください。スマートフォンが手元にないときは、回復コード(例: abcde-fghjk)も使えます。'
    : '回復コード(例: abcde-fghjk)を入力してください。';
  return (
    <AdminLayout page={page} title="二段階認証" scripts={hasPasskeys ? [scriptHref] : []}>
      <section class="admin-login" aria-labelledby="page-title">
        <h1 id="page-title">二段階認証</h1>
        <p class="admin-lead">パスワードを確認しました。ログインを完了するため、もう一つの確認をしてください。</p>
        <ErrorSummary errors={errors} labels={{ code: '確認コード' }} />
        {hasPasskeys && (
          <div class="passkey-box" data-passkey-only hidden>
            <h2>パスキーで確認する</h2>
            <button
              type="button"
              class="button-primary"
              data-passkey="sign-in"
              data-mode="second-factor"
              data-options-url="/admin/login/passkey/options"
              data-finish-url="/admin/login/passkey"
              hidden
            >
              パスキーで確認する
            </button>
            <p id="passkey-status" role="status" aria-live="polite"></p>
          </div>
        )}
        <form method="post" action="/admin/login/second-factor" class="admin-form" novalidate>
          <h2>{hasTotp ? '確認コードを入力する' : '回復コードを入力する'}</h2>
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="next" value={next} />
          {carried.map(([name, value]) => (
            <input type="hidden" name={`${CARRY_PREFIX}${name}`} value={value} />
          ))}
          <CodeField name="code" label="確認コード" errors={errors} hint={hint} isNumeric={false} />
          <div class="form-actions">
            <button type="submit" class="button-primary">
              確認してログイン
            </button>
            <a href="/admin/login">最初からやり直す</a>
          </div>
        </form>
        <p class="admin-hint">スマートフォンをなくし、回復コードもない場合は、サイトのオーナー(またはサーバーの管理者)に二段階認証の解除を依頼してください。</p>
      </section>
    </AdminLayout>
  );
}
