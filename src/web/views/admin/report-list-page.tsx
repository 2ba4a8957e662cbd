// /admin/reports: every report an editor may work on (a writer: their own), newest change
// first, filtered by status, category, author and words, a page at a time. Reports ticked in
// the table can be trashed, restored, published or moved to another category together.
// The bulk form's `returnTo` brings the person back to this list with this filter.
import { formatJapaneseDate } from '../../../domain/dates.js';
import { BULK_ACTION_LABELS, type BulkAction } from '../../../domain/report-bulk.js';
import type { Category, ReportSummary } from '../../../domain/report.js';
import { Pagination } from '../../../site/components/pagination.js';
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import { CsrfField } from './form.js';
import { AdminLayout, newFormHref, type AdminPageContext } from './layout.js';
import type { AdminStatus } from '../../../domain/editable-report.js';
import { ADMIN_STATUS_LABELS, StatusBadge } from './report-status.js';
import { StatusTabs } from './status-tabs.js';

/** A row of the list: the report's summary and where it is in the workflow. */
export interface ReportListItem extends ReportSummary {
  authorName: string | null;
  submittedAt: string | null;
  scheduledAt: string | null;
}

export interface ReportListQuery {
  status?: AdminStatus;
  categoryId?: number;
  authorId?: number;
  text: string;
}

export interface ReportListPageProps {
  page: AdminPageContext;
  query: ReportListQuery;
  items: ReportListItem[];
  total: number;
  pageNumber: number;
  pageCount: number;
  counts: Record<AdminStatus, number>;
  categories: Category[];
  /** Empty for writers, who see only their own reports. */
  authors: { id: number; name: string }[];
  canCreate: boolean;
  /** The bulk actions the actor's role offers (domain/report-bulk.ts). */
  bulkActions: BulkAction[];
}

const STATUS_TABS: (AdminStatus | undefined)[] = [undefined, 'draft', 'review', 'scheduled', 'published', 'trashed'];

/** The list URL for a query (page 1 has no page parameter). */
export function reportListHref(query: ReportListQuery, pageNumber = 1): string {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.categoryId !== undefined) params.set('category', String(query.categoryId));
  if (query.authorId !== undefined) params.set('author', String(query.authorId));
  if (query.text) params.set('q', query.text);
  if (pageNumber > 1) params.set('page', String(pageNumber));
  const text = params.toString();
  return text ? `/admin/reports?${text}` : '/admin/reports';
}

export function ReportListPage(props: ReportListPageProps) {
  const { page, query, items, counts } = props;
  const allCount = counts.draft + counts.scheduled + counts.published;
  return (
    <AdminLayout page={page} title="活動報告">
      <h1 id="page-title">活動報告</h1>
      {props.canCreate && (
        <p>
          <a class="button-primary" href={newFormHref(page, '/admin/reports/new')}>
            新しい報告を書く
          </a>
        </p>
      )}
      <StatusTabs
        tabs={STATUS_TABS.map((status) => ({
          label: status === undefined ? 'すべて' : ADMIN_STATUS_LABELS[status],
          href: reportListHref({ ...query, status }),
          count: status === undefined ? allCount : counts[status],
          isCurrent: query.status === status,
        }))}
      />
      <form method="get" action="/admin/reports" class="report-filter" role="search" aria-label="報告の絞り込み">
        {query.status && <input type="hidden" name="status" value={query.status} />}
        <div class="field">
          <label for="filter-q">タイトル・本文の語句</label>
          <input id="filter-q" type="search" name="q" value={query.text} />
        </div>
        <div class="field">
          <label for="filter-category">カテゴリー</label>
          <select id="filter-category" name="category">
            <option value="">すべて</option>
            {props.categories.map((c) => (
              <option value={String(c.id)} selected={query.categoryId === c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {props.authors.length > 0 && (
          <div class="field">
            <label for="filter-author">作成者</label>
            <select id="filter-author" name="author">
              <option value="">すべて</option>
              {props.authors.map((a) => (
                <option value={String(a.id)} selected={query.authorId === a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit">絞り込む</button>
      </form>
      <p class="admin-hint" role="status">
        {props.total}件
      </p>
      {items.length === 0 ? (
        <p>該当する報告はありません。</p>
      ) : (
        <form method="post" action="/admin/reports/bulk" class="report-bulk-form" novalidate>
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="returnTo" value={reportListHref(query, props.pageNumber)} />
          <div class="table-scroll">
            <table class="admin-table report-table">
              <caption class="visually-hidden">活動報告の一覧(更新の新しい順)</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">選択</span>
                  </th>
                  <th scope="col">タイトル</th>
                  <th scope="col">状態</th>
                  <th scope="col">活動日</th>
                  <th scope="col">カテゴリー</th>
                  <th scope="col">作成者</th>
                  <th scope="col">更新日時</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr>
                    <td class="cell-select">
                      <input type="checkbox" name="ids" value={String(r.id)} id={`select-${r.id}`} aria-label={`「${r.title}」を選択`} />
                    </td>
                    <td>
                      <a href={`/admin/reports/${r.id}/edit`}>{r.title}</a>
                    </td>
                    <td>
                      <StatusBadge report={r} />
                      {r.status === 'scheduled' && r.scheduledAt && <div class="cell-note">{formatJapanDateTime(r.scheduledAt)}に公開</div>}
                    </td>
                    <td>{formatJapaneseDate(r.activityDate)}</td>
                    <td>{r.category?.name ?? 'なし'}</td>
                    <td>{r.authorName ?? '—'}</td>
                    <td>{formatJapanDateTime(r.updatedAt)}</td>
                    <td>
                      <a href={`/admin/reports/${r.id}/edit`}>編集</a>
                      {' / '}
                      <a href={`/admin/reports/${r.id}/history`}>履歴</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <BulkControls actions={props.bulkActions} categories={props.categories} />
        </form>
      )}
      <Pagination info={{ page: props.pageNumber, pageCount: props.pageCount, basePath: reportListHref(query) }} />
    </AdminLayout>
  );
}

function BulkControls({ actions, categories }: { actions: BulkAction[]; categories: Category[] }) {
  return (
    <fieldset class="report-bulk">
      <legend>選んだ報告をまとめて操作</legend>
      <div class="field">
        <label for="bulk-action">操作</label>
        <select id="bulk-action" name="bulkAction">
          {actions.map((a) => (
            <option value={a}>{BULK_ACTION_LABELS[a]}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="bulk-category">変更先のカテゴリー(「カテゴリーを変更」のとき)</label>
        <select id="bulk-category" name="categoryId">
          <option value="">なし</option>
          {categories.map((c) => (
            <option value={String(c.id)}>{c.name}</option>
          ))}
        </select>
      </div>
      <button type="submit">選んだ報告に実行</button>
    </fieldset>
  );
}
