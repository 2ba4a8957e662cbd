// Where the static search page carries its index's head (JSON, exporter/search/client/search-head.ts):
// an attribute of the page's search section, written by the view and read by the page's script.
export const SEARCH_HEAD_ATTRIBUTE = 'data-search-index';
