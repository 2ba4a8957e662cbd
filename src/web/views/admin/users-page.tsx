// /admin/users (owner): the accounts, their role and state, and the form to add one.
import { ROLES, ROLE_LABELS, type Role, type User } from '../../../domain/user.js';
import { AdminLayout, type AdminPageContext } from './layout.js';
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import { controlAttrs, CsrfField, ErrorSummary, FieldError, TextField, type FieldErrors, TableScroll } from './form.js';

export interface NewUserForm {
  login: string;
  displayName: string;
  role: string;
}

export interface UsersPageProps {
  page: AdminPageContext;
  users: User[];
  /** Errors of the add form, or of an action on one user (field "user"). */
  errors: FieldErrors;
  form: NewUserForm;
  /** Users with an authenticator app or a passkey. */
  secondFactorUserIds: number[];
}

const ROLE_HELP: Record<Role, string> = {
  owner: 'すべての操作(ユーザーとサイト設定の管理を含む)',
  editor: 'すべての活動報告の編集・公開、メディアの管理',
  writer: '自分の下書きの作成・編集と、公開の依頼',
};

const ADD_LABELS = { login: 'ログイン名', displayName: '表示名', role: '権限', password: 'パスワード', passwordConfirmation: 'パスワード(確認)' };

export function UsersPage({ page, users, errors, form, secondFactorUserIds }: UsersPageProps) {
  const userError = errors.user;
  const addErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== 'user'));
  return (
    <AdminLayout page={page} title="ユーザー">
      <h1 id="page-title">ユーザー</h1>
      {userError && (
        <div class="error-summary" role="alert">
          <p>{userError}</p>
        </div>
      )}
      <TableScroll label="ユーザーの一覧">
        <table class="admin-table">
          <caption class="visually-hidden">ユーザーの一覧</caption>
          <thead>
            <tr>
              <th scope="col">ログイン名</th>
              <th scope="col">表示名</th>
              <th scope="col">権限</th>
              <th scope="col">状態</th>
              <th scope="col">二段階認証</th>
              <th scope="col">登録日時</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow page={page} user={user} hasSecondFactor={secondFactorUserIds.includes(user.id)} />
            ))}
          </tbody>
        </table>
      </TableScroll>

      <p>
        <a href="/admin/users/two-factor">二段階認証の方針</a>(二段階認証を必須にするユーザーの範囲)
      </p>

      <section aria-labelledby="add-title">
        <h2 id="add-title">ユーザーを追加</h2>
        <ErrorSummary errors={addErrors} labels={ADD_LABELS} />
        <form method="post" action="/admin/users" class="admin-form" novalidate>
          <CsrfField token={page.csrfToken} />
          <TextField
            name="login"
            label={ADD_LABELS.login}
            errors={addErrors}
            value={form.login}
            hint="半角の英小文字・数字と「.」「_」「-」、64文字まで。"
            autocomplete="off"
            isRequired
            maxLength={64}
          />
          <TextField
            name="displayName"
            label={ADD_LABELS.displayName}
            errors={addErrors}
            value={form.displayName}
            hint="画面に表示される名前。空ならログイン名。"
            maxLength={50}
          />
          <fieldset class={addErrors.role ? 'field field-invalid' : 'field'} aria-describedby={addErrors.role ? 'field-role-error' : undefined}>
            <legend>
              {ADD_LABELS.role}
              <span class="field-required">(必須)</span>
            </legend>
            <FieldError name="role" errors={addErrors} />
            {[...ROLES].reverse().map((role, i) => (
              <div class="choice">
                <input
                  type="radio"
                  name="role"
                  id={i === 0 ? 'field-role' : `field-role-${role}`}
                  value={role}
                  checked={form.role === role}
                  aria-describedby={`role-help-${role}`}
                />
                <label for={i === 0 ? 'field-role' : `field-role-${role}`}>{ROLE_LABELS[role]}</label>
                <span class="choice-help" id={`role-help-${role}`}>
                  {ROLE_HELP[role]}
                </span>
              </div>
            ))}
          </fieldset>
          <TextField
            name="password"
            label={ADD_LABELS.password}
            type="password"
            errors={addErrors}
            hint="12文字以上。よく使われるパスワードは使えません。本人に安全な方法で伝え、ログイン後に変更してもらってください。"
            autocomplete="new-password"
            isRequired
          />
          <TextField name="passwordConfirmation" label={ADD_LABELS.passwordConfirmation} type="password" errors={addErrors} autocomplete="new-password" isRequired />
          <div class="form-actions">
            <button type="submit" class="button-primary">
              追加する
            </button>
          </div>
        </form>
      </section>
    </AdminLayout>
  );
}

function UserRow({ page, user, hasSecondFactor }: { page: AdminPageContext; user: User; hasSecondFactor: boolean }) {
  const isSelf = user.login === page.user?.login;
  const roleSelect = controlAttrs(`role-${user.id}`, {});
  return (
    <tr>
      <td>{user.login}</td>
      <td>{user.displayName}</td>
      <td>
        <form method="post" action={`/admin/users/${user.id}/role`} class="admin-inline-form">
          <CsrfField token={page.csrfToken} />
          <label for={roleSelect.id} class="visually-hidden">
            {user.login}の権限
          </label>
          <select id={roleSelect.id} name="role">
            {[...ROLES].reverse().map((role) => (
              <option value={role} selected={user.role === role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <button type="submit" class="button-small">
            変更<span class="visually-hidden">({user.login})</span>
          </button>
        </form>
      </td>
      <td>{user.isDisabled ? <span class="badge badge-muted">無効</span> : '有効'}</td>
      <td>{hasSecondFactor ? '設定済み' : <span class="badge badge-muted">未設定</span>}</td>
      <td>{formatJapanDateTime(user.createdAt)}</td>
      <td>
        {!isSelf && (
          <form method="post" action={`/admin/users/${user.id}/${user.isDisabled ? 'enable' : 'disable'}`}>
            <CsrfField token={page.csrfToken} />
            <button type="submit" class="button-small">
              {user.isDisabled ? '有効にする' : '無効にする'}
              <span class="visually-hidden">({user.login})</span>
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
