// The login form, with passkey sign-in where the browser supports it. When a save arrived after the session had ended, it also carries the
// unsaved fields (hidden, prefixed "keep.") so that nothing typed is lost.
import { AdminLayout, type AdminPageContext } from './layout.js';
import { CsrfField, ErrorSummary, TextField, type FieldErrors } from './form.js';

export interface LoginPageProps {
  page: AdminPageContext;
  errors: FieldErrors;
  login: string;
  /** Where to go after logging in (a same-origin /admin path). */
  next: string;
  /** Fields of a save that needs logging in again, as [name, value] pairs. */
  carried: [string, string][];
  /** Why the form is shown again, e.g. the session ended. */
  lead?: string;
  /** The passkey script: offers signing in with a passkey instead of the password. */
  passkeyScriptHref?: string;
}

export const CARRY_PREFIX = 'keep.';

export function LoginPage({ page, errors, login, next, carried, lead, passkeyScriptHref }: LoginPageProps) {
  return (
    <AdminLayout page={page} title="ログイン" scripts={passkeyScriptHref ? [passkeyScriptHref] : []}>
      <section class="admin-login" aria-labelledby="page-title">
        <h1 id="page-title">ログイン</h1>
        {lead && <p class="admin-lead">{lead}</p>}
        <ErrorSummary errors={errors} labels={{ login: 'ログイン名', password: 'パスワード' }} />
        <form method="post" action="/admin/login" class="admin-form" novalidate>
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="next" value={next} />
          {carried.map(([name, value]) => (
            <input type="hidden" name={`${CARRY_PREFIX}${name}`} value={value} />
          ))}
          <TextField name="login" label="ログイン名" errors={errors} value={login} autocomplete="username" isRequired maxLength={200} />
          <TextField name="password" label="パスワード" type="password" errors={errors} autocomplete="current-password" isRequired />
          <div class="form-actions">
            <button type="submit" class="button-primary">
              ログイン
            </button>
          </div>
        </form>
        {carried.length > 0 && <p class="admin-hint">ログインすると、送信しようとした内容をもう一度保存できます。</p>}
        {passkeyScriptHref && carried.length === 0 && (
          <div class="passkey-box" data-passkey-only hidden>
            <h2>パスキーでログイン</h2>
            <p>パスキーを登録済みなら、ログイン名とパスワードを入力せずにログインできます。</p>
            <button
              type="button"
              data-passkey="sign-in"
              data-mode="passwordless"
              data-options-url="/admin/login/passkey/options"
              data-finish-url="/admin/login/passkey"
              hidden
            >
              パスキーを使う
            </button>
            <p id="passkey-status" role="status" aria-live="polite"></p>
          </div>
        )}
      </section>
    </AdminLayout>
  );
}

export interface ResumePageProps {
  page: AdminPageContext;
  /** The path the unsaved form was posted to. */
  action: string;
  fields: [string, string][];
}

/** After logging in again: the unsaved fields in a form that repeats the save with one click. */
export function ResumePage({ page, action, fields }: ResumePageProps) {
  return (
    <AdminLayout page={page} title="保存を続ける">
      <section aria-labelledby="page-title">
        <h1 id="page-title">保存を続ける</h1>
        <p class="admin-lead">ログインし直しました。送信しようとした内容はまだ保存されていません。下のボタンで保存を続けてください。</p>
        <form method="post" action={action} class="admin-form">
          <CsrfField token={page.csrfToken} />
          {fields.map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <div class="form-actions">
            <button type="submit" class="button-primary">
              保存を続ける
            </button>
            <a href="/admin/">保存せずにダッシュボードへ</a>
          </div>
        </form>
        <details class="resume-fields">
          <summary>送信する内容</summary>
          <dl>
            {fields.map(([name, value]) => (
              <>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </>
            ))}
          </dl>
        </details>
      </section>
    </AdminLayout>
  );
}
