// The ten recovery codes, shown once right after they were made: the server keeps only
// their hashes and can never show them again.
import { AdminLayout, type AdminPageContext } from './layout.js';

export interface RecoveryCodesPageProps {
  page: AdminPageContext;
  codes: string[];
  /** What just happened, e.g. 認証アプリを設定しました。 */
  lead: string;
}

export function RecoveryCodesPage({ page, codes, lead }: RecoveryCodesPageProps) {
  return (
    <AdminLayout page={page} title="回復コード">
      <h1 id="page-title">回復コード</h1>
      <p class="admin-lead">{lead}</p>
      <section aria-labelledby="codes-title">
        <h2 id="codes-title">回復コード(10個)</h2>
        <p>
          スマートフォンをなくしたときなど、認証アプリやパスキーが使えないときに、確認コードの代わりに使えます。
          <strong>各コードは1回だけ使えます。この画面を離れると二度と表示できません。</strong>
          印刷するか書き写し、パスワードとは別の安全な場所に保管してください。
        </p>
        <ul class="recovery-codes" aria-label="回復コードの一覧">
          {codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a href="/admin/account/two-factor">保管しました。二段階認証の設定に戻る</a>
        </p>
      </section>
    </AdminLayout>
  );
}
