// How public lists are cut into pages: the server's query strings, the page paths
// (`/activity/page/2/`) and the static export all count the same way.

export const PER_PAGE = 20;

/** Pages past this are refused before anything is read (a 400 on the server). */
export const MAX_PAGE = 100_000;

export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** A page number as URLs write it: 1–999999, no sign, no leading zero. */
export const PAGE_NUMBER = /^[1-9][0-9]{0,5}$/;

/** A page number written in a URL, or undefined when it is not one or lies past MAX_PAGE. */
export function parsePageNumber(text: string): number | undefined {
  return PAGE_NUMBER.test(text) && Number(text) <= MAX_PAGE ? Number(text) : undefined;
}

/** The page number of a list's `page/N/` segments (`['page', 'N']`), or undefined for anything else. */
export function listPageNumber(rest: string[]): number | undefined {
  return rest.length === 2 && rest[0] === 'page' ? parsePageNumber(rest[1]!) : undefined;
}

/** A list's title on its page `page`: the heading, with the page number past the first (every paged public list, the search page and its static script). */
export function pagedTitle(heading: string, page: number): string {
  return page > 1 ? `${heading}(${page}ページ目)` : heading;
}

/** The page numbers a pagination shows: around the current one, first and last always reachable, '…' for a gap (the server's and the static search's pagination). */
export function pageWindow(page: number, pageCount: number): (number | '…')[] {
  const shown = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const pages = [...shown].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const out: (number | '…')[] = [];
  for (const [i, p] of pages.entries()) {
    if (i > 0 && p - pages[i - 1]! > 1) out.push('…');
    out.push(p);
  }
  return out;
}
