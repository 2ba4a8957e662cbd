// The search page's filters as a URL writes them: the server's query schema (web/query.ts)
// and renderPublicPath accept the same values. Empty year and category are what the form's
// 「すべて」 sends.
import { SEARCH_KINDS, type SearchKind, type SearchParams } from '../../domain/paths.js';

export const SEARCH_YEAR = /^([0-9]{4})?$/;
export const SEARCH_CATEGORY = /^[a-z0-9-]{0,80}$/;

/** Shown next to the category field when no category has the slug (the server's page and the static search alike). */
export const UNKNOWN_CATEGORY_MESSAGE = '指定されたカテゴリーはありません。一覧から選び直してください。';

/** Shown next to the kind-of-activity field when the site has no such kind (check-activity-filter.ts and the static search alike). */
export const UNKNOWN_ACTIVITY_MESSAGE = '指定された活動の種類はありません。一覧から選び直してください。';

/** A kind of activity is one of the site's kinds (check-activity-filter.ts); longer text is never one. */
export const MAX_ACTIVITY_LENGTH = 40;

/** The filters of `?year=&category=&kind=&activity=`, or undefined when one is not a value the form sends. */
export function searchFiltersOf(query: URLSearchParams): Omit<SearchParams, 'q'> | undefined {
  const year = query.get('year') ?? '';
  const category = query.get('category') ?? '';
  const kind = query.get('kind') ?? '';
  const activity = query.get('activity') ?? '';
  if (activity.length > MAX_ACTIVITY_LENGTH) return undefined;
  if (!SEARCH_YEAR.test(year) || !SEARCH_CATEGORY.test(category)) return undefined;
  if (kind !== '' && !(SEARCH_KINDS as readonly string[]).includes(kind)) return undefined;
  return {
    year: year ? Number(year) : undefined,
    category: category || undefined,
    kind: (kind || undefined) as SearchKind | undefined,
    activity: activity || undefined,
  };
}

/** A search narrowed by year, category or kind of activity: its no-result message says so and offers the search without them. */
export function isFilteredSearch(params: Pick<SearchParams, 'year' | 'category' | 'activity'>): boolean {
  return params.year !== undefined || params.category !== undefined || params.activity !== undefined;
}
