// Where the static search page carries its index's head (JSON, exporter/search/client/search-head.ts):
// an attribute of the page's search section, written by the view and read by the page's script.
export const SEARCH_HEAD_ATTRIBUTE = 'data-search-index';

/**
 * The static index's doc table (exporter/search/: INDEX_DIR, DOC_TABLE_FILE), which every search
 * reads: the page asks for it while its HTML is read (a preload link), before the script runs.
 */
export const STATIC_SEARCH_TABLE = '/search-index/docs.dat';
