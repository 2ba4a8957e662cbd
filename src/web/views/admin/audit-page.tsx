// /admin/audit (owner): the audit log, newest first, fifty entries a page.
import type { AuditEntry } from '../../../domain/audit-entry.js';
import { ITEM_NOUNS } from '../../../domain/item-ref.js';
import { AdminLayout, type AdminPageContext } from './layout.js';
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import { TableScroll } from './form.js';

/** A row of the log; identical entries are folded into one (count 1: just this one). */
export type AuditRow = Omit<AuditEntry, 'userId'>;

/** Japanese names of the actions (reports' and pages' below); unknown codes are shown as they are. */
const ACTION_LABELS: Record<string, string> = {
  login: 'ログイン',
  'login.fail': 'ログイン失敗',
  'login.blocked': 'ログイン拒否(試行制限中)',
  logout: 'ログアウト',
  'user.add': 'ユーザー追加',
  'demo.remove': 'デモの内容を削除',
  'user.passwd': 'パスワード変更',
  'user.disable': 'ユーザー無効化',
  'user.enable': 'ユーザー有効化',
  'user.role': '権限変更',
  'session.revoke': 'ログインの終了',
  'session.revoke-others': '他の端末のログインを終了',
  'audit.prune': '古い操作履歴の削除',
  'login.password-ok': 'パスワード確認(二段階認証待ち)',
  'login.second-factor.fail': '二段階認証の失敗',
  'login.second-factor.blocked': '二段階認証の拒否(試行制限中)',
  'login.passkey.fail': 'パスキーでのログイン失敗',
  'login.passkey.blocked': 'パスキーでのログイン拒否(試行制限中)',
  'two-factor.totp.enable': '認証アプリの設定',
  'two-factor.totp.enable-fail': '認証アプリの設定失敗(確認コード誤り)',
  'two-factor.totp.remove': '認証アプリの解除',
  'two-factor.recovery.regenerate': '回復コードの作り直し',
  'two-factor.passkey.add': 'パスキーの登録',
  'two-factor.passkey.rename': 'パスキーの名前変更',
  'two-factor.passkey.remove': 'パスキーの削除',
  'two-factor.reset': '二段階認証のリセット(コマンド)',
  'settings.two-factor-policy': '二段階認証の方針の変更',
  'settings.update': 'サイト設定の変更',
  'settings.import': 'サイト設定の取り込み',
  'media.upload': 'ファイルのアップロード',
  'media.update': 'ファイルの代替テキスト変更',
  'media.delete': 'ファイルの削除',
  'media.attach': '添付資料の追加・変更',
  'media.detach': '添付資料を外す',
  'media.reorder': '添付資料の並べ替え',
};

/** What was done to a report or page (`report.<verb>`, `page.<verb>`): one list for both, named with the item (「報告の公開」「ページの公開」). */
const ITEM_VERBS: Record<string, string> = {
  create: '作成',
  update: '保存',
  conflict: '保存の競合(保存せず履歴に保管)',
  restore_revision: '以前の版の復元',
  submit: 'レビュー依頼',
  withdraw: 'レビュー依頼の取り下げ',
  publish: '公開',
  schedule: '公開予約',
  unpublish: '非公開',
  trash: 'ゴミ箱へ移動',
  restore: 'ゴミ箱から戻す',
  delete: '完全に削除',
  import: '取り込み',
  'import-update': '取り込みで更新',
  record: '活動の記録の保存',
};

export function actionLabel(action: string): string {
  const fixed = ACTION_LABELS[action];
  if (fixed) return fixed;
  const [kind, verb] = [action.slice(0, action.indexOf('.')), action.slice(action.indexOf('.') + 1)];
  if ((kind === 'report' || kind === 'page') && ITEM_VERBS[verb]) return `${ITEM_NOUNS[kind]}の${ITEM_VERBS[verb]}`;
  return action;
}

export interface AuditPageProps {
  page: AdminPageContext;
  rows: AuditRow[];
  retentionDays: number;
  /** Minutes within which identical entries share a row. */
  foldMinutes: number;
  olderHref?: string;
  newestHref?: string;
}

export function AuditPage({ page, rows, retentionDays, foldMinutes, olderHref, newestHref }: AuditPageProps) {
  return (
    <AdminLayout page={page} title="操作履歴">
      <h1 id="page-title">操作履歴</h1>
      <p class="admin-lead">ログインや変更の記録です。新しいものから順に表示しています。</p>
      <p>
        操作履歴は{retentionDays}日間保存されます。それより古い記録は自動的に削除されます。同じ利用者・同じIPアドレスからの同じ操作は、{foldMinutes}
        分ごとに1行にまとめ、回数を表示します。
      </p>
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
                  <td>{formatJapanDateTime(row.at)}</td>
                  <td>{row.login || (row.detail.includes('"via":"cli"') ? '(コマンド)' : '(不明)')}</td>
                  <td>
                    {actionLabel(row.action)}
                    {row.count > 1 && (
                      <span class="audit-repeat">
                        <br />
                        同じ操作 {row.count} 回(最後: {formatJapanDateTime(row.lastAt)})
                      </span>
                    )}
                  </td>
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
