// /admin/pages: every fixed page in tree order (children indented under their parent).
import type { PageStatus } from '../../../domain/page.js';
import { AdminLayout, newFormHref, type AdminPageContext } from './layout.js';

export interface PageListItem {
  id: number;
  title: string;
  depth: number;
  status: PageStatus;
  path: string;
  position: number;
}

const STATUS_LABELS: Record<PageStatus, string> = { draft: '下書き', published: '公開中', trashed: 'ゴミ箱' };

export function PageListPage({ page, items }: { page: AdminPageContext; items: PageListItem[] }) {
  return (
    <AdminLayout page={page} title="固定ページ">
      <h1 id="page-title">固定ページ</h1>
      <p>
        <a href={newFormHref(page, '/admin/pages/new')} class="button-primary">
          新しいページ
        </a>
      </p>
      {items.length === 0 ? (
        <p>固定ページはまだありません。</p>
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
