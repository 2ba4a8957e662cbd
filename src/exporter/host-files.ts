// What a static host needs besides the files to answer as katsudo serve does: the exact
// Content-Type of the files whose type it would not guess (feeds, sitemap, OpenSearch), the
// server's security headers (site/security-headers.ts: CSP without inline script above all)
// and its Cache-Control (site/cache-control.ts). Written by every build (docs/static-export.md):
//   _headers                      Netlify and Cloudflare Pages (read from the folder's top)
//   .katsudo/nginx-types.conf     a `location =` per such file (deploy/nginx-static.conf, server)
//   .katsudo/nginx-headers.conf   add_header lines (deploy/nginx-static.conf, server)
//   .katsudo/nginx-cache.conf     the map of Cache-Control by path (deploy/nginx-static.conf, http)
//   .katsudo/caddy-headers.conf   header directives (deploy/Caddyfile-static imports it)
// Redirects are redirect-files.ts's.
import { CACHE_CONTROL } from '../site/cache-control.js';
import { securityHeaders } from '../site/security-headers.js';
import { META_DIR } from './build-manifest.js';
import { outputFile } from './output-file.js';

/** Images and PDF, which every host here guesses from the extension as the server sends them. */
const BINARY_TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/** What Debian's mime.types maps these extensions to (nginx adds `charset=utf-8` to text types: deploy/nginx-static.conf). */
const NGINX_TYPES: Record<string, string> = {
  ...BINARY_TYPES,
  html: 'text/html',
  css: 'text/css',
  xml: 'text/xml',
  js: 'application/javascript',
  json: 'application/json',
  txt: 'text/plain',
  ico: 'image/x-icon',
};

/**
 * The extensions whose type Caddy guesses as the server sends it, with the charset (Go's own
 * table, which the system's MIME files may extend): any other file gets its type set.
 */
const CADDY_TYPES: Record<string, string> = { ...BINARY_TYPES, html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8' };

/** Folders whose files are cached otherwise than pages. */
const CACHED_FOLDERS = [
  ['/assets/', CACHE_CONTROL.asset],
  ['/media/', CACHE_CONTROL.media],
] as const;

const HEADER = '# Written by katsudo build (docs/static-export.md); rewritten by every build.';

/** `files`: URL path and the exact Content-Type the server sends for it. Returns file (relative to the folder) → text. */
export function hostFiles(files: Iterable<{ path: string; contentType: string }>): Array<[string, string]> {
  const served = [...files];
  const types = typesToSet(served, (ext, type) => NGINX_TYPES[ext] === baseType(type));
  const security = Object.entries(securityHeaders());
  return [
    ['_headers', netlifyHeaders(security)],
    [`${META_DIR}/nginx-types.conf`, text(types.map(([path, type]) => `location = ${path} { types { } default_type ${quoted(type)}; }`))],
    [
      `${META_DIR}/nginx-headers.conf`,
      text([...security.map(([name, value]) => `add_header ${name} ${quoted(value)} always;`), 'add_header cache-control $katsudo_cache_control;']),
    ],
    [
      `${META_DIR}/nginx-cache.conf`,
      text([
        'map $uri $katsudo_cache_control {',
        `    default ${quoted(CACHE_CONTROL.page)};`,
        ...CACHED_FOLDERS.map(([folder, value]) => `    ~^${folder} ${quoted(value)};`),
        '}',
      ]),
    ],
    [
      `${META_DIR}/caddy-headers.conf`,
      caddyHeaders(
        security,
        typesToSet(served, (ext, type) => CADDY_TYPES[ext] === type),
      ),
    ],
  ];
}

/**
 * Netlify and Cloudflare Pages join the values of a header several rules set, so a folder's
 * Cache-Control is its own rule and pages keep the host's (both revalidate HTML).
 */
function netlifyHeaders(security: Array<[string, string]>): string {
  const lines = ['/*', ...security.map(([name, value]) => `  ${name}: ${value}`)];
  for (const [folder, value] of CACHED_FOLDERS) lines.push(`${folder}*`, `  cache-control: ${value}`);
  return text(lines);
}

function caddyHeaders(security: Array<[string, string]>, types: Array<[string, string]>): string {
  const lines = ['header {', ...security.map(([name, value]) => `\t${name} ${quoted(value)}`), '}'];
  lines.push(`@katsudo_page not path ${CACHED_FOLDERS.map(([folder]) => `${folder}*`).join(' ')}`, `header @katsudo_page cache-control ${quoted(CACHE_CONTROL.page)}`);
  for (const [folder, value] of CACHED_FOLDERS) lines.push(`header ${folder}* cache-control ${quoted(value)}`);
  // file_server sets a Content-Type only where none is set yet.
  for (const [path, type] of types) lines.push(`header ${path} content-type ${quoted(type)}`);
  return text(lines);
}

/** The files whose type the host would not guess (`isGuessed`) from the extension, by decoded path; paths no config line could hold are left out. */
function typesToSet(files: ReadonlyArray<{ path: string; contentType: string }>, isGuessed: (ext: string, type: string) => boolean): Array<[string, string]> {
  const types: Array<[string, string]> = [];
  for (const { path, contentType } of files) {
    const file = outputFile(path);
    if (file === undefined) continue;
    const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
    if (ext !== undefined && isGuessed(ext, contentType)) continue;
    const decoded = decodeURI(path);
    if (/["\\$;{}\s*?[\]]/.test(decoded)) continue;
    types.push([decoded, contentType]);
  }
  return types;
}

/** A value in double quotes, as nginx and Caddy read it; our own values only (no quote, backslash, `$` or brace). */
function quoted(value: string): string {
  if (/["\\${}\n]/.test(value)) throw new Error(`not a plain header value: ${value}`);
  return `"${value}"`;
}

function text(lines: string[]): string {
  return `${[HEADER, ...lines].join('\n')}\n`;
}

function baseType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}
