// How public lists are cut into pages: the server's query strings, the page paths
// (`/activity/page/2/`) and the static export all count the same way.

export const PER_PAGE = 20;

/** Pages past this are refused before anything is read (a 400 on the server). */
export const MAX_PAGE = 100_000;

export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
