// The redirects table for static hosts, three ways (docs/static-export.md): `_redirects`
// (Netlify and Cloudflare Pages), an nginx `map` include, and a small HTML page at each old
// path for hosts that follow no rules at all. Only redirects a static host can express are
// written: an old path with a query (`/?p=12`) has no file and no `_redirects` line (the
// nginx map keeps it, keyed on `$uri?$args`), and an old path that is a page of the site
// now, or a target that is not, is left out.
import { escapeHtml } from '../domain/trusted-html.js';
import type { Redirect } from '../actions/site/list-redirects.js';
import { outputFile } from './output-file.js';

export interface RedirectFiles {
  /** `_redirects` at the folder's root. */
  netlify: string;
  /** `.katsudo/nginx-redirects.conf`: two maps, included in nginx's http block. */
  nginxMap: string;
  /** One HTML page per old path, by the file it goes to. */
  pages: Map<string, string>;
  /** Redirects kept (at least one of the three forms). */
  count: number;
}

/** `isBuilt(path)`: whether the export writes a file for this URL path. */
export function redirectFiles(redirects: readonly Redirect[], baseUrl: string, isBuilt: (urlPath: string) => boolean): RedirectFiles {
  const netlify: string[] = [];
  const plain: string[] = [];
  const withQuery: string[] = [];
  const pages = new Map<string, string>();
  let count = 0;
  for (const redirect of redirects) {
    // Stored paths may be decoded (imports) or encoded (paths.tag): one form for each use.
    const fromPath = decoded(redirect.fromPath);
    const toUrl = encodeURI(decoded(redirect.toPath));
    const hasQuery = fromPath.includes('?');
    if (!isBuilt(toUrl) || (!hasQuery && isBuilt(encodeURI(fromPath)))) continue;
    count++;
    // nginx compares $uri decoded, and sends the value as the Location header: encoded.
    if (isNginxSafe(fromPath) && isNginxSafe(toUrl)) (hasQuery ? withQuery : plain).push(`  "${fromPath}" "${toUrl}";`);
    if (hasQuery) continue;
    netlify.push(`${encodeURI(fromPath)} ${toUrl} 301`);
    // An HTML page only where an HTML page was: HTML at /old.pdf or /favicon.ico would be
    // served with the type its extension names.
    const file = outputFile(encodeURI(fromPath));
    if (file !== undefined && file.endsWith('.html')) pages.set(file, redirectPage(toUrl, baseUrl));
  }
  const nginxMap = [
    '# Written by katsudo build: old paths answer 301 (docs/static-export.md).',
    'map $uri $katsudo_redirect {',
    '  default "";',
    ...plain,
    '}',
    'map "$uri?$args" $katsudo_query_redirect {',
    '  default "";',
    ...withQuery,
    '}',
    '',
  ].join('\n');
  return { netlify: netlify.length === 0 ? '' : `${netlify.join('\n')}\n`, nginxMap, pages, count };
}

function decoded(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** A quoted nginx string cannot hold these (a `$` would be read as a variable). */
function isNginxSafe(path: string): boolean {
  return !/["\\$;{}\u0000-\u001f\u007f]/.test(path);
}

/** The page a host without redirect rules serves at the old path: canonical link, meta refresh, a visible link. */
function redirectPage(toUrl: string, baseUrl: string): string {
  const href = escapeHtml(toUrl);
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>ページは移動しました</title>
<link rel="canonical" href="${escapeHtml(baseUrl)}${href}">
<meta http-equiv="refresh" content="0; url=${href}">
</head>
<body>
<main>
<h1>ページは移動しました</h1>
<p>このページは <a href="${href}">${escapeHtml(decoded(toUrl))}</a> に移動しました。</p>
</main>
</body>
</html>
`;
}
