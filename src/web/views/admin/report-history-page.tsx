// /admin/reports/:id/history and /admin/pages/:id/history: every revision of a report or a
// fixed page (newest first) with who saved it and why, a choice of two to compare, their
// difference, and 「この版に戻す」.
import type { ReportDiff } from '../../../domain/report-diff.js';
import { REVISION_NOTES, type RevisionSummary } from '../../../domain/revision.js';
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import { CsrfField } from './form.js';
import { AdminLayout, type AdminPageContext } from './layout.js';
import { ReportDiffView } from './report-diff-view.js';

export interface ReportHistoryPageProps {
  page: AdminPageContext;
  report: { id: number; title: string; version: number };
  revisions: RevisionSummary[];
  /** The two revisions compared (older first), when chosen. */
  compared?: { from: RevisionSummary; to: RevisionSummary; diff: ReportDiff };
  canRestore: boolean;
  /** A refused restore (a field of the old version no longer fits, …). */
  problem?: string;
  /** Whose history: a report (the default) or a fixed page. */
  item?: { kind: 'report' | 'page' };
  /** A published item: restoring changes the live page, so it is confirmed first. */
  isPublished?: boolean;
  /** The revision a restore of a published item waits on: the confirmation step (works without JS). */
  confirm?: RevisionSummary;
}

const ITEM_TEXT = {
  report: { base: (id: number) => `/admin/reports/${id}`, back: '報告の編集に戻る', none: 'この報告にはまだ変更履歴がありません。', noun: '報告' },
  page: { base: (id: number) => `/admin/pages/${id}`, back: 'ページの編集に戻る', none: 'このページにはまだ変更履歴がありません。', noun: 'ページ' },
} as const;

export function ReportHistoryPage({ page, report, revisions, compared, canRestore, problem, item, isPublished, confirm }: ReportHistoryPageProps) {
  const text = ITEM_TEXT[item?.kind ?? 'report'];
  const base = text.base(report.id);
  // The newest revision that was saved holds what is current: restoring it would change nothing.
  const currentRevisionId = revisions.find((r) => r.note !== REVISION_NOTES.conflict)?.id;
  const restorable = compared ? [compared.from, compared.to].filter((r) => r.id !== currentRevisionId) : [];
  const fromId = compared?.from.id ?? revisions[1]?.id;
  const toId = compared?.to.id ?? revisions[0]?.id;
  return (
    <AdminLayout page={page} title={`変更履歴: ${report.title}`}>
      <p class="admin-back">
        <a href={`${base}/edit`}>{text.back}</a>
      </p>
      <h1 id="page-title">変更履歴: {report.title}</h1>
      <p class="admin-lead">現在の版は{report.version}です。比べたい2つの版を選んで「比較する」を押してください。</p>
      {problem && (
        <div class="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {confirm && (
        <section class="restore-confirm" aria-labelledby="restore-confirm-title">
          <h2 id="restore-confirm-title" tabindex={-1}>
            公開中の{text.noun}を版{confirm.version}に戻しますか
          </h2>
          <p>
            戻すと、版{confirm.version}({formatJapanDateTime(confirm.createdAt)})の内容が新しい版として保存され、<strong>公開ページもすぐにその内容に変わります</strong>
            。いまの内容は履歴に残ります。
          </p>
          <div class="form-actions">
            <form method="post" action={`${base}/history/${confirm.id}/restore`} class="admin-inline-form">
              <CsrfField token={page.csrfToken} />
              <input type="hidden" name="expectedVersion" value={String(report.version)} />
              <input type="hidden" name="confirmed" value="1" />
              <button type="submit" class="button-primary">
                版{confirm.version}に戻して公開ページを更新
              </button>
            </form>
            <a href={`${base}/history`}>やめる</a>
          </div>
        </section>
      )}
      {revisions.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <form method="get" action={`${base}/history`}>
          <div class="table-scroll">
            <table class="admin-table history-table">
              <caption class="visually-hidden">変更履歴(新しい順)</caption>
              <thead>
                <tr>
                  <th scope="col">比較元</th>
                  <th scope="col">比較先</th>
                  <th scope="col">版</th>
                  <th scope="col">日時</th>
                  <th scope="col">保存した人</th>
                  <th scope="col">メモ</th>
                  <th scope="col">タイトル</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((r) => (
                  <tr>
                    <td>
                      <input
                        type="radio"
                        name="from"
                        value={String(r.id)}
                        checked={r.id === fromId}
                        aria-label={`版${r.version}(${formatJapanDateTime(r.createdAt)})を比較元にする`}
                      />
                    </td>
                    <td>
                      <input
                        type="radio"
                        name="to"
                        value={String(r.id)}
                        checked={r.id === toId}
                        aria-label={`版${r.version}(${formatJapanDateTime(r.createdAt)})を比較先にする`}
                      />
                    </td>
                    <td>版{r.version}</td>
                    <td>{formatJapanDateTime(r.createdAt)}</td>
                    <td>{r.authorName ?? '—'}</td>
                    <td>{r.note}</td>
                    <td>{r.title}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button type="submit">比較する</button>
          </p>
        </form>
      )}
      {compared && (
        <section aria-labelledby="diff-title">
          <h2 id="diff-title">
            版{compared.from.version}({formatJapanDateTime(compared.from.createdAt)})と版{compared.to.version}({formatJapanDateTime(compared.to.createdAt)})の違い
          </h2>
          <ReportDiffView diff={compared.diff} beforeLabel={`版${compared.from.version}`} afterLabel={`版${compared.to.version}`} />
          {canRestore && restorable.length > 0 && (
            <div class="restore-forms">
              {restorable.map((r) => (
                <form method="post" action={`${base}/history/${r.id}/restore`} class="admin-inline-form">
                  <CsrfField token={page.csrfToken} />
                  <input type="hidden" name="expectedVersion" value={String(report.version)} />
                  <button type="submit">
                    版{r.version}({r.note || formatJapanDateTime(r.createdAt)})に戻す
                  </button>
                </form>
              ))}
              <p class="admin-hint">
                「この版に戻す」と、その版の内容が新しい版として保存されます。いまの内容も履歴に残ります。
                {isPublished && `公開中の${text.noun}なので、戻す前に確認します。戻すと公開ページも変わります。`}
              </p>
            </div>
          )}
        </section>
      )}
    </AdminLayout>
  );
}
