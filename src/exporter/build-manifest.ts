// What a build left in the export folder (`.katsudo/build.json`): the state it was built
// from and every file it wrote with its hash, so the next build renders only what may have
// changed, writes only files whose bytes differ and removes only files it once wrote.
//
// Every build reads and writes it whole (17,000 files at 10,000 reports), so it is stored
// compactly (format 2): a file is an array, its content type an index into `types`, its URL
// path left out where the file's name gives it, a page's links as report ids (format 1
// stored objects and link paths: 7.2 MB, 24 ms to parse, against 3.4 MB and 9 ms).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FORMAT = 2;
/** The exporter's own folder inside the export: manifest, nginx includes, staging. */
export const META_DIR = '.katsudo';
export const MANIFEST_FILE = `${META_DIR}/build.json`;

export interface BuiltFile {
  /** The URL path it answers (`/activity/2024-05-01/`); for media and redirect pages too. */
  path: string;
  /** sha256 of the bytes (base64url, 22 characters); for media, the source's size and mtime. */
  hash: string;
  contentType: string;
  /** Ids of the reports this page links to: the pages to render again when one of them changes. */
  links?: number[];
  kind: 'page' | 'media' | 'redirect' | 'search';
}

export interface BuildManifest {
  /** MANIFEST_FORMAT, or an older format read for its files alone (the next build renders every page). */
  format: number;
  baseUrl: string;
  contentVersion: number;
  siteKey: string;
  /** What the clock decided on the pages that show it (site/events/load-upcoming.ts clockShownKey); absent before it was kept. */
  clockKey?: string;
  /** Report id → [slug, contentKey, placementKey] as built (actions/site/read-build-state.ts). */
  reports: Record<string, [string, string, string]>;
  /** By file relative to the folder, '/'-separated. */
  files: Record<string, BuiltFile>;
  builtAt: string;
}

/** A file as stored: [file, hash, kind, index in `types`, links or 0 (none), path where it is not pathOfFile(file)]. */
type StoredFile = [string, string, BuiltFile['kind'], number, number[] | 0, string?];

type StoredManifest = Omit<BuildManifest, 'files'> & { types: string[]; files: StoredFile[] };

/** The manifest's text as written to MANIFEST_FILE. */
export function manifestText(manifest: BuildManifest): string {
  const types: string[] = [];
  const typeAt = new Map<string, number>();
  const files = Object.entries(manifest.files).map(([file, built]): StoredFile => {
    let type = typeAt.get(built.contentType);
    if (type === undefined) typeAt.set(built.contentType, (type = types.push(built.contentType) - 1));
    const stored: StoredFile = [file, built.hash, built.kind, type, built.links ?? 0];
    if (built.path !== pathOfFile(file)) stored.push(built.path);
    return stored;
  });
  const stored: StoredManifest = { ...manifest, format: MANIFEST_FORMAT, types, files };
  return JSON.stringify(stored);
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
    const stored = JSON.parse(text) as StoredManifest | (BuildManifest & { format: 1 });
    if (stored.format === 1) return olderFormat(stored as BuildManifest);
    if (stored.format !== MANIFEST_FORMAT) return undefined;
    const { types, files: storedFiles, ...rest } = stored as StoredManifest;
    const files: Record<string, BuiltFile> = {};
    for (const [file, hash, kind, type, links, path] of storedFiles) {
      files[file] =
        links === 0
          ? { path: path ?? pathOfFile(file), hash, contentType: types[type]!, kind }
          : { path: path ?? pathOfFile(file), hash, contentType: types[type]!, kind, links };
    }
    return { ...rest, files };
  } catch {
    return undefined;
  }
}

/** Format 1 (links as paths): its files, so that the next build, which renders every page, removes those no longer built. */
function olderFormat(manifest: BuildManifest): BuildManifest {
  const files: Record<string, BuiltFile> = {};
  for (const [file, { links: _links, ...built }] of Object.entries(manifest.files)) files[file] = built;
  return { ...manifest, files };
}

/** The URL path a file answers by its name: `activity/x/index.html` → `/activity/x/`, `feed.xml` → `/feed.xml`. */
function pathOfFile(file: string): string {
  return `/${file.endsWith('index.html') && (file.length === 10 || file.endsWith('/index.html')) ? file.slice(0, -10) : file}`;
}
