// /admin/audit (owner): the audit log, newest first, fifty entries a page.
import { AdminLayout, type AdminPageContext } from './layout.js';
import { formatDateTimeJa } from './date-time.js';
import { TableScroll } from './form.js';

export interface AuditRow {
  id: number;
  at: string;
  login: string;
  action: string;
  target: string;
  detail: string;
  ip: string;
}

/** Japanese names of the actions; unknown codes are shown as they are. */
const ACTION_LABELS: Record<string, string> = {
  login: 'ログイン',
  'login.fail': 'ログイン失敗',
  'login.blocked': 'ログイン拒否(試行制限中)',
  logout: 'ログアウト',
  'user.add': 'ユーザー追加',
  'user.passwd': 'パスワード変更',
  'user.disable': 'ユーザー無効化',
  'user.enable': 'ユーザー有効化',
  'user.role': '権限変更',
  'session.revoke': 'ログインの終了',
  'session.revoke-others': '他の端末のログインを終了',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function AuditPage({ page, rows, olderHref, newestHref }: { page: AdminPageContext; rows: AuditRow[]; olderHref?: string; newestHref?: string }) {
  return (
    <AdminLayout page={page} title="操作履歴">
      <h1 id="page-title">操作履歴</h1>
      <p class="admin-lead">ログインや変更の記録です。新しいものから順に表示しています。</p>
      {rows.length === 0 ? (
        <p>記録はまだありません。</p>
      ) : (
        <TableScroll label="操作履歴">
          <table class="admin-table">
            <caption class="visually-hidden">操作履歴</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">利用者</th>
                <th scope="col">操作</th>
                <th scope="col">対象</th>
                <th scope="col">詳細</th>
                <th scope="col">IPアドレス</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>{formatDateTimeJa(row.at)}</td>
                  <td>{row.login || (row.detail.includes('"via":"cli"') ? '(コマンド)' : '(不明)')}</td>
                  <td>{actionLabel(row.action)}</td>
                  <td>{row.target}</td>
                  <td class="cell-wrap">{row.detail}</td>
                  <td>{row.ip}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {(olderHref || newestHref) && (
        <nav class="pagination" aria-label="操作履歴のページ">
          <ul>
            {newestHref && (
              <li>
                <a href={newestHref}>最新の記録へ</a>
              </li>
            )}
            {olderHref && (
              <li>
                <a href={olderHref} rel="next">
                  さらに古い記録
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </AdminLayout>
  );
}
