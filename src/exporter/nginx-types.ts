// `.katsudo/nginx-types.conf`: a `location` per exported file whose Content-Type nginx
// would not guess from its extension (Debian's mime.types, `charset utf-8` on text types),
// so nginx sends every file with the type the server sends (feeds, sitemap, OpenSearch).
import { outputFile } from './output-file.js';

/** What Debian's mime.types maps these extensions to. */
const NGINX_TYPES: Record<string, string> = {
  html: 'text/html',
  css: 'text/css',
  xml: 'text/xml',
  js: 'application/javascript',
  json: 'application/json',
  txt: 'text/plain',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
};

/** `files`: URL path and the exact Content-Type the server sends for it. */
export function nginxTypes(files: Iterable<{ path: string; contentType: string }>): string {
  const lines = ['# Written by katsudo build: Content-Types nginx would not guess (docs/static-export.md).'];
  for (const { path, contentType } of files) {
    const file = outputFile(path);
    if (file === undefined) continue;
    const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
    const guessed = ext === undefined ? undefined : NGINX_TYPES[ext];
    if (guessed === baseType(contentType)) continue;
    if (/["\\$;{}\s]/.test(decodeURI(path))) continue;
    lines.push(`location = ${decodeURI(path)} { types { } default_type "${contentType}"; }`);
  }
  return `${lines.join('\n')}\n`;
}

function baseType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}
