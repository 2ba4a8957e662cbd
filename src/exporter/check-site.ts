// `katsudo build --check DIR`: every internal link and asset named by the exported pages
// (href, src, srcset, and url() in stylesheets) must resolve to a file of the folder, by
// the same path → file rule the build writes with.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { META_DIR } from './build-manifest.js';
import { outputFile } from './output-file.js';

export interface BrokenLink {
  /** The file that links, relative to the folder. */
  file: string;
  /** The address as written. */
  href: string;
}

export interface CheckResult {
  filesChecked: number;
  linksChecked: number;
  /** Links to SERVER_ONLY addresses, not checked. */
  serverOnly: number;
  broken: BrokenLink[];
}

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
const SRCSET = /\ssrcset="([^"]*)"/g;
const CSS_URL = /url\(\s*['"]?([^'")]+)['"]?\s*\)/g;
/**
 * Addresses only the katsudo server answers: the JSON API the footer links and the admin.
 * A static host has no files for them (docs/static-export.md says so); they are counted
 * apart rather than reported as broken.
 */
const SERVER_ONLY = /^\/(api|admin)(\/|$)/;

/** `baseUrl`: absolute links to this origin count as internal. */
export function checkSite(outDir: string, baseUrl: string): CheckResult {
  const all = listFiles(outDir);
  const present = new Set(all);
  const result: CheckResult = { filesChecked: 0, linksChecked: 0, serverOnly: 0, broken: [] };
  for (const file of all) {
    const isHtml = file.endsWith('.html');
    if (!isHtml && !file.endsWith('.css')) continue;
    result.filesChecked++;
    const text = readFileSync(join(outDir, file), 'utf8');
    for (const href of isHtml ? htmlLinks(text) : cssLinks(text)) {
      const path = internalPath(href, baseUrl);
      if (path === undefined) continue;
      if (SERVER_ONLY.test(path)) {
        result.serverOnly++;
        continue;
      }
      const target = outputFile(path);
      result.linksChecked++;
      if (target === undefined || !present.has(target)) result.broken.push({ file, href });
    }
  }
  return result;
}

/** A <template>'s content is inert, not links of the page (the static search page's result templates hold sample values). */
const TEMPLATE = /<template\b[^>]*>[\s\S]*?<\/template>/g;

function* htmlLinks(page: string): Iterable<string> {
  const html = page.replace(TEMPLATE, '');
  for (const m of html.matchAll(ATTRIBUTE)) yield unescapeAttribute(m[1]!);
  for (const m of html.matchAll(SRCSET)) {
    for (const candidate of unescapeAttribute(m[1]!).split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) yield url;
    }
  }
}

function* cssLinks(css: string): Iterable<string> {
  for (const m of css.matchAll(CSS_URL)) yield m[1]!;
}

/** The site path an internal link names, without query and fragment; undefined for external links and anchors. */
function internalPath(href: string, baseUrl: string): string | undefined {
  const path = href.startsWith(`${baseUrl}/`) ? href.slice(baseUrl.length) : href;
  if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  return path.replace(/[?#].*$/, '');
}

function unescapeAttribute(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

function listFiles(outDir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(outDir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (child !== META_DIR) walk(child);
      } else out.push(child);
    }
  };
  walk('');
  return out;
}
