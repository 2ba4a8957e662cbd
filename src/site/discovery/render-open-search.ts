// /opensearch.xml, so browsers can add the site's search.
// https://github.com/dewitt/opensearch/blob/master/opensearch-1-1-draft-6.md
import { absoluteUrl, paths } from '../../domain/paths.js';
import { siteTitle, type SiteSettings } from '../../domain/settings.js';
import { escapeHtml } from '../../domain/trusted-html.js';
import { getSettings } from '../../store/settings.js';
import type { SiteDeps } from '../site-deps.js';

export const OPEN_SEARCH_CONTENT_TYPE = 'application/opensearchdescription+xml; charset=utf-8';

/** OpenSearch allows at most 16 characters of ShortName. */
const SHORT_NAME_CHARS = 16;

export async function renderOpenSearch(deps: SiteDeps): Promise<string> {
  const settings = await getSettings(deps.ctx.db);
  const at = (path: string) => escapeHtml(absoluteUrl(deps.baseUrl, path));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `  <ShortName>${escapeHtml(openSearchShortName(settings))}</ShortName>`,
    `  <Description>${escapeHtml(`${siteTitle(settings)}の活動報告を検索します。`)}</Description>`,
    `  <Url type="text/html" method="get" template="${at(paths.search())}?q={searchTerms}"/>`,
    `  <Url type="application/opensearchdescription+xml" rel="self" template="${at(paths.openSearch())}"/>`,
    `  <Image width="32" height="32" type="image/svg+xml">${at(deps.assets.icon.path)}</Image>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    '  <OutputEncoding>UTF-8</OutputEncoding>',
    '  <Language>ja</Language>',
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}

/** The longest of 「衆議院議員 山川さくら 公式サイト」, 「山川さくら 公式サイト」, 「山川さくら」 that fits, else cut. */
export function openSearchShortName(settings: SiteSettings): string {
  const name = settings.legislatorName.trim();
  const candidates = [siteTitle(settings), name && `${name} 公式サイト`, name].filter((c) => c !== '');
  const fits = candidates.find((c) => [...c].length <= SHORT_NAME_CHARS);
  return fits ?? [...candidates[candidates.length - 1]!].slice(0, SHORT_NAME_CHARS).join('');
}
