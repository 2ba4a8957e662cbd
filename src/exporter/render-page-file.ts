// One public path as the file of the export: its manifest entry (Content-Type, the report
// paths an HTML page links to) and its bytes, exactly as the server sends them. Used by
// the build's own thread and by the page threads (page-render-tasks.ts) alike.
import { createHash } from 'node:crypto';
import { paths } from '../domain/paths.js';
import { renderPublicPath } from '../site/render-public-path.js';
import type { SiteDeps } from '../site/site-deps.js';
import type { BuiltFile } from './build-manifest.js';
import { outputFile } from './output-file.js';

/** A page's manifest entry but its hash, with the report paths it links to (the build records them as ids: build-site.ts). */
export type PageMeta = Omit<BuiltFile, 'hash' | 'links'> & { links?: string[] };

export type PageFile =
  | { file: string; meta: PageMeta; bytes: Uint8Array }
  /** Listed (or built before) but not a page now: its file goes. */
  | { file: string; meta?: undefined; bytes?: undefined };

/** Where a link to a report begins: `href="/activity/<slug>/"` (a slug has none of `"/?#`). */
const REPORT_LINK_START = Buffer.from('href="/activity/');
const [QUOTE, SLASH, QUESTION, HASH] = ['"', '/', '?', '#'].map((c) => c.charCodeAt(0)) as [number, number, number, number];

/** The page at `path` as a file; undefined when the path cannot be a file (output-file.ts). `staticIndexHead`: for the search page (build-site.ts). */
export async function renderPageFile(deps: SiteDeps, path: string, staticIndexHead?: string): Promise<PageFile | undefined> {
  const file = outputFile(path);
  if (file === undefined) return undefined;
  const result = await renderPublicPath(deps, path, { staticSearch: path === paths.search(), staticIndexHead });
  if (result.kind !== 'page') return { file };
  const bytes = typeof result.body === 'string' ? Buffer.from(result.body) : result.body;
  // A page without bytes is a fault, never a file to leave out: the build stops and the folder stays as it was.
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`no bytes rendered for ${path}`);
  const links = result.contentType.startsWith('text/html') ? reportLinks(bytes) : undefined;
  return { file, meta: { path, contentType: result.contentType, kind: 'page', ...(links === undefined ? {} : { links }) }, bytes };
}

/** A file's hash in the manifest (sha256, base64url, 22 characters). */
export function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}

/**
 * The report paths a page links to, in the order of their first link. Read from the page's
 * UTF-8 bytes, whose ASCII delimiters are never part of a longer character: the string the
 * page was rendered to is a tree of pieces, and a regular expression over it first copied
 * it whole (about as much CPU as encoding it).
 */
function reportLinks(body: Uint8Array): string[] {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const links = new Set<string>();
  for (let at = bytes.indexOf(REPORT_LINK_START); at >= 0; at = bytes.indexOf(REPORT_LINK_START, at + 1)) {
    const slugAt = at + REPORT_LINK_START.length;
    let end = slugAt;
    for (let b = bytes[end]; b !== undefined && b !== QUOTE && b !== SLASH && b !== QUESTION && b !== HASH; b = bytes[end]) end++;
    // The path runs from after `href="` to the slash that closes the slug, followed by the closing quote.
    if (end > slugAt && bytes[end] === SLASH && bytes[end + 1] === QUOTE) links.add(bytes.toString('utf8', at + 'href="'.length, end + 1));
  }
  return [...links];
}
