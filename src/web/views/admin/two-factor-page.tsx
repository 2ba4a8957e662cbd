// /admin/account/two-factor: one's second factors — the authenticator app, passkeys (add,
// name, remove) and recovery codes — and, when the owner requires it, why this page comes
// before everything else.
import { TWO_FACTOR_POLICY_LABELS, type TwoFactorPolicy } from '../../../domain/two-factor.js';
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import { controlAttrs, CsrfField, ErrorSummary, FieldError, RowButton, TableScroll, TextField, type FieldErrors } from './form.js';
import { AdminLayout, type AdminPageContext } from './layout.js';

export interface PasskeyView {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt?: string;
}

export interface TwoFactorPageProps {
  page: AdminPageContext;
  policy: TwoFactorPolicy;
  isRequired: boolean;
  mustEnrol: boolean;
  hasTotp: boolean;
  isTotpPending: boolean;
  passkeys: PasskeyView[];
  recoveryCodesLeft: number;
  errors: FieldErrors;
  scriptHref: string;
}

/** Fields the summary links to; a passkey's name field has an id per passkey, so its message is listed unlinked. */
const LABELS = {
  totpProof: '認証アプリの解除:パスワード',
  recoveryProof: '回復コードの作り直し:パスワードまたは確認コード',
  passkeyProof: 'パスキーの削除:パスワード',
};

export function TwoFactorPage(props: TwoFactorPageProps) {
  const { page, errors } = props;
  const hasFactor = props.hasTotp || props.passkeys.length > 0;
  const isLastPasskey = props.passkeys.length === 1 && !props.hasTotp;
  return (
    <AdminLayout page={page} title="二段階認証" scripts={[props.scriptHref]}>
      <h1 id="page-title">二段階認証</h1>
      {props.mustEnrol ? (
        <p class="admin-lead notice-important" role="note">
          このサイトでは二段階認証が必須です({TWO_FACTOR_POLICY_LABELS[props.policy]})。認証アプリかパスキーを設定するまで、管理画面の他のページは使えません。
        </p>
      ) : (
        <p class="admin-lead">
          パスワードに加えて、スマートフォンの認証アプリやパスキーで本人確認をします。パスワードが漏れても、それだけではログインできなくなります。
          {props.isRequired && '(このサイトでは必須です)'}
        </p>
      )}
      <ErrorSummary errors={errors} labels={LABELS} />

      <section aria-labelledby="totp-title">
        <h2 id="totp-title">認証アプリ</h2>
        {props.hasTotp ? (
          <>
            <p>
              <span class="badge">設定済み</span> ログインのときに、認証アプリの6桁の確認コードを入力します。
            </p>
            <form method="post" action="/admin/account/two-factor/totp/remove" class="admin-form" novalidate>
              <CsrfField token={page.csrfToken} />
              <TextField name="totpProof" label="パスワード(解除の確認)" type="password" errors={errors} autocomplete="current-password" isRequired />
              <button type="submit">認証アプリの設定を解除する</button>
            </form>
          </>
        ) : (
          <>
            <p>Google Authenticator などの認証アプリが表示する6桁の確認コードを使います。</p>
            {props.isTotpPending && (
              <p>
                設定が途中です。<a href="/admin/account/two-factor/totp">続きから設定する</a>
              </p>
            )}
            <form method="post" action="/admin/account/two-factor/totp" class="admin-inline-form">
              <CsrfField token={page.csrfToken} />
              <button type="submit" class="button-primary">
                認証アプリを設定する
              </button>
            </form>
          </>
        )}
      </section>

      <section aria-labelledby="passkeys-title">
        <h2 id="passkeys-title">パスキー</h2>
        <p>パソコンやスマートフォンの指紋・顔認証・PINでログインできます。パスキーがあれば、ログイン画面でパスワードを入力せずにログインすることもできます。</p>
        {props.passkeys.length > 0 ? (
          <TableScroll label="登録済みのパスキー">
            <table class="admin-table">
              <caption class="visually-hidden">登録済みのパスキー</caption>
              <thead>
                <tr>
                  <th scope="col">名前</th>
                  <th scope="col">登録日時</th>
                  <th scope="col">最後に使った日時</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {props.passkeys.map((p) => (
                  <tr>
                    <td>{p.name}</td>
                    <td>{formatJapanDateTime(p.createdAt)}</td>
                    <td>{p.lastUsedAt ? formatJapanDateTime(p.lastUsedAt) : '未使用'}</td>
                    <td>
                      <form method="post" action={`/admin/account/passkeys/${p.id}/rename`} class="admin-inline-form">
                        <CsrfField token={page.csrfToken} />
                        <label for={`passkey-name-${p.id}`} class="visually-hidden">{`「${p.name}」の新しい名前`}</label>
                        <input id={`passkey-name-${p.id}`} name="name" type="text" value={p.name} maxLength={50} required />
                        <RowButton label="名前を変える" about={`「${p.name}」`} />
                      </form>
                      <form method="post" action={`/admin/account/passkeys/${p.id}/remove`} class="admin-inline-form">
                        <CsrfField token={page.csrfToken} />
                        {isLastPasskey && (
                          // Only one passkey is listed then, so the usual field id is unique.
                          <div class={errors.passkeyProof ? 'field field-invalid' : 'field'}>
                            <label for="field-passkeyProof">パスワード(最後の二段階認証の削除の確認)</label>
                            <FieldError name="passkeyProof" errors={errors} />
                            <input {...controlAttrs('passkeyProof', errors)} type="password" autocomplete="current-password" required />
                          </div>
                        )}
                        <RowButton label="削除する" about={`「${p.name}」`} />
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>登録済みのパスキーはありません。</p>
        )}
        <div class="passkey-box" data-passkey-only hidden>
          <TextField name="passkey-name" label="新しいパスキーの名前" errors={{}} value="" hint="どの端末のパスキーか分かる名前(例: 事務所のパソコン)。" maxLength={50} />
          <button
            type="button"
            class="button-primary"
            data-passkey="register"
            data-options-url="/admin/account/passkeys/options"
            data-finish-url="/admin/account/passkeys"
            data-name-field="field-passkey-name"
            hidden
          >
            この端末でパスキーを作成する
          </button>
          <p id="passkey-status" role="status" aria-live="polite"></p>
        </div>
        <noscript>
          <p>パスキーの登録には JavaScript が必要です。</p>
        </noscript>
      </section>

      <section aria-labelledby="recovery-title">
        <h2 id="recovery-title">回復コード</h2>
        {hasFactor ? (
          <>
            <p>
              未使用の回復コード: <strong>{props.recoveryCodesLeft}個</strong>
              {props.recoveryCodesLeft <= 3 && '。残りが少なくなっています。作り直してください。'}
            </p>
            <p>作り直すと、それまでの回復コードはすべて使えなくなります。</p>
            <form method="post" action="/admin/account/two-factor/recovery-codes" class="admin-form" novalidate>
              <CsrfField token={page.csrfToken} />
              <TextField name="recoveryProof" label="パスワードまたは認証アプリの確認コード" type="password" errors={errors} autocomplete="current-password" isRequired />
              <button type="submit">回復コードを作り直す</button>
            </form>
          </>
        ) : (
          <p>認証アプリを設定すると、回復コードが10個作られます。</p>
        )}
      </section>
      <p>
        <a href="/admin/account">アカウントに戻る</a>
      </p>
    </AdminLayout>
  );
}
