// /admin/users/two-factor (owner): who must sign in with two factors.
import { TWO_FACTOR_POLICIES, TWO_FACTOR_POLICY_LABELS, type TwoFactorPolicy } from '../../../domain/two-factor.js';
import { CsrfField, ErrorSummary, FieldError, type FieldErrors } from './form.js';
import { AdminLayout, type AdminPageContext } from './layout.js';

export interface TwoFactorPolicyPageProps {
  page: AdminPageContext;
  policy: TwoFactorPolicy;
  errors: FieldErrors;
}

export function TwoFactorPolicyPage({ page, policy, errors }: TwoFactorPolicyPageProps) {
  return (
    <AdminLayout page={page} title="二段階認証の方針">
      <h1 id="page-title">二段階認証の方針</h1>
      <p class="admin-lead">必須にすると、対象のユーザーは次のログインから、二段階認証(認証アプリまたはパスキー)を設定するまで管理画面の他のページを使えなくなります。</p>
      <ErrorSummary errors={errors} labels={{ policy: '二段階認証を必須にする範囲' }} />
      <form method="post" action="/admin/users/two-factor" class="admin-form">
        <CsrfField token={page.csrfToken} />
        <fieldset class={errors.policy ? 'field field-invalid' : 'field'} id="field-policy">
          <legend>二段階認証を必須にする範囲</legend>
          <FieldError name="policy" errors={errors} />
          {TWO_FACTOR_POLICIES.map((value) => (
            <div class="choice">
              <input type="radio" id={`policy-${value}`} name="policy" value={value} checked={value === policy} />
              <label for={`policy-${value}`}>{TWO_FACTOR_POLICY_LABELS[value]}</label>
            </div>
          ))}
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button-primary">
            保存する
          </button>
          <a href="/admin/users">ユーザー一覧に戻る</a>
        </div>
      </form>
    </AdminLayout>
  );
}
