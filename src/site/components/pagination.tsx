import { withPage } from '../../domain/paths.js';
import { pageWindow } from '../paging.js';

export interface PageInfo {
  page: number;
  pageCount: number;
  basePath: string;
}

/** `hrefOf` gives page N's link: `?page=N` on the base path unless the list has page paths (site/paging.ts). */
export function Pagination({ info, hrefOf }: { info: PageInfo; hrefOf?: (page: number) => string }) {
  const { page, pageCount, basePath } = info;
  const href = hrefOf ?? ((p: number) => withPage(basePath, p));
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="ページ送り">
      <p class="pagination-status">
        {pageCount}ページ中 {page}ページ目
      </p>
      <ul>
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              前のページ
            </a>
          </li>
        )}
        {pageWindow(page, pageCount).map((p) =>
          p === '…' ? (
            <li class="pagination-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li>
              {p === page ? (
                <span aria-current="page">
                  <span class="visually-hidden">ページ</span>
                  {p}
                </span>
              ) : (
                <a href={href(p)}>
                  <span class="visually-hidden">ページ</span>
                  {p}
                </a>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <a href={href(page + 1)} rel="next">
              次のページ
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
