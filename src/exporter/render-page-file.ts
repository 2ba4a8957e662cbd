// One public path as the file of the export: its manifest entry (Content-Type, the report
// paths an HTML page links to) and its bytes, exactly as the server sends them. Used by
// the build's own thread and by the page threads (page-render-tasks.ts) alike.
import { createHash } from 'node:crypto';
import { paths } from '../domain/paths.js';
import { renderPublicPath } from '../site/render-public-path.js';
import type { SiteDeps } from '../site/site-deps.js';
import type { BuiltFile } from './build-manifest.js';
import { outputFile } from './output-file.js';

export type PageFile =
  | { file: string; meta: Omit<BuiltFile, 'hash'>; bytes: Uint8Array }
  /** Listed (or built before) but not a page now: its file goes. */
  | { file: string; meta?: undefined; bytes?: undefined };

/** Report pages' links to other reports: `/activity/<slug>/` in an href. */
const REPORT_LINK = /href="(\/activity\/[^"/?#]+\/)"/g;

/** The page at `path` as a file; undefined when the path cannot be a file (output-file.ts). `staticIndexHead`: for the search page (build-site.ts). */
export async function renderPageFile(deps: SiteDeps, path: string, staticIndexHead?: string): Promise<PageFile | undefined> {
  const file = outputFile(path);
  if (file === undefined) return undefined;
  const result = await renderPublicPath(deps, path, { staticSearch: path === paths.search(), staticIndexHead });
  if (result.kind !== 'page') return { file };
  const links = result.contentType.startsWith('text/html') ? reportLinks(result.body) : undefined;
  const bytes = typeof result.body === 'string' ? Buffer.from(result.body) : result.body;
  // A page without bytes is a fault, never a file to leave out: the build stops and the folder stays as it was.
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`no bytes rendered for ${path}`);
  return { file, meta: { path, contentType: result.contentType, kind: 'page', ...(links === undefined ? {} : { links }) }, bytes };
}

/** A file's hash in the manifest (sha256, base64url, 22 characters). */
export function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}

function reportLinks(body: string | Uint8Array): string[] {
  const html = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  return [...new Set(Array.from(html.matchAll(REPORT_LINK), (m) => m[1]!))];
}
