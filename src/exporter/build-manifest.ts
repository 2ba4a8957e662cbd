// What a build left in the export folder (`.katsudo/build.json`): the state it was built
// from and every file it wrote with its hash, so the next build renders only what may have
// changed, writes only files whose bytes differ and removes only files it once wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FORMAT = 1;
/** The exporter's own folder inside the export: manifest, nginx includes, staging. */
export const META_DIR = '.katsudo';
export const MANIFEST_FILE = `${META_DIR}/build.json`;

export interface BuiltFile {
  /** The URL path it answers (`/activity/2024-05-01/`); for media and redirect pages too. */
  path: string;
  /** sha256 of the bytes (base64url, 22 characters); for media, the source's size and mtime. */
  hash: string;
  contentType: string;
  /** Report paths this page links to: the pages to render again when one of them changes. */
  links?: string[];
  kind: 'page' | 'media' | 'redirect' | 'search';
}

export interface BuildManifest {
  format: number;
  baseUrl: string;
  contentVersion: number;
  siteKey: string;
  /** Report id → [slug, contentKey, placementKey] as built (actions/site/read-build-state.ts). */
  reports: Record<string, [string, string, string]>;
  /** By file relative to the folder, '/'-separated. */
  files: Record<string, BuiltFile>;
  builtAt: string;
}

/** The folder's manifest, or undefined when there is none (or one this katsudo cannot read). */
export function readManifest(outDir: string): BuildManifest | undefined {
  let text: string;
  try {
    text = readFileSync(join(outDir, MANIFEST_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const manifest = JSON.parse(text) as BuildManifest;
    return manifest.format === MANIFEST_FORMAT ? manifest : undefined;
  } catch {
    return undefined;
  }
}
