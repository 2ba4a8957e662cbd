// The search page's heading and title, worded once for the server's page (search-page.tsx)
// and the static page's script (exporter/search/client/static-search.ts), which writes them
// when its results are in. Plain TypeScript, so the script imports them without the views.

/** The heading of the page with nothing searched (and of refused input). */
export const SEARCH_HEADING = 'サイト内検索';

/** The heading once results are shown. */
export const resultsHeading = (q: string) => `「${q}」の検索結果`;

/** The title when the input was refused (the field says why). */
export const refusedTitle = (title: string) => `入力を確認してください: ${title}`;
