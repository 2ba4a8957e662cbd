// /admin/pages: the fixed pages in tree order (children indented under their parent), all
// but the trash or those of one status (tabs すべて / 下書き / 公開中 / ゴミ箱).
import type { PageStatus } from '../../../domain/page.js';
import { AdminLayout, newFormHref, type AdminPageContext } from './layout.js';
import { StatusTabs } from './status-tabs.js';

export interface PageListItem {
  id: number;
  title: string;
  depth: number;
  status: PageStatus;
  path: string;
  position: number;
}

const STATUS_LABELS: Record<PageStatus, string> = { draft: '下書き', published: '公開中', trashed: 'ゴミ箱' };
const STATUS_TABS: (PageStatus | undefined)[] = [undefined, 'draft', 'published', 'trashed'];

export interface PageListProps {
  page: AdminPageContext;
  /** The pages shown: of `status`, or all but the trash. */
  items: PageListItem[];
  status?: PageStatus;
  counts: Record<PageStatus, number>;
}

export function PageListPage({ page, items, status, counts }: PageListProps) {
  return (
    <AdminLayout page={page} title="固定ページ">
      <h1 id="page-title">固定ページ</h1>
      <p>
        <a href={newFormHref(page, '/admin/pages/new')} class="button-primary">
          新しいページ
        </a>
      </p>
      <StatusTabs
        tabs={STATUS_TABS.map((tab) => ({
          label: tab === undefined ? 'すべて' : STATUS_LABELS[tab],
          href: tab === undefined ? '/admin/pages' : `/admin/pages?status=${tab}`,
          count: tab === undefined ? counts.draft + counts.published : counts[tab],
          isCurrent: tab === status,
        }))}
      />
      {items.length === 0 ? (
        <p>{status === undefined ? '固定ページはまだありません。' : `${STATUS_LABELS[status]}の固定ページはありません。`}</p>
      ) : (
        <table class="admin-table">
          <caption class="visually-hidden">固定ページの一覧(階層順)</caption>
          <thead>
            <tr>
              <th scope="col">タイトル</th>
              <th scope="col">URL</th>
              <th scope="col">表示順</th>
              <th scope="col">状態</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr>
                <td class={`tree-depth-${Math.min(item.depth, 3)}`}>
                  {item.depth > 0 && <span aria-hidden="true">{'└ '.padStart(item.depth * 2, '\u3000')}</span>}
                  <a href={`/admin/pages/${item.id}/edit`}>{item.title}</a>
                </td>
                <td>
                  <code>{decodeURI(item.path)}</code>
                </td>
                <td>{item.position}</td>
                <td>{STATUS_LABELS[item.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
