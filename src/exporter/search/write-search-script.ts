// The search page's script, `assets/static-search.js`: client/static-search.ts and the domain
// code it imports (normalisation, tokens, query language, snippets) bundled into one ES
// module without dependencies. `npm run build` writes it beside the bundled CLI
// (scripts/build.mjs); run from source (tests, development) it is bundled here on first use.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIfChanged } from './write-if-changed.js';

export const SEARCH_SCRIPT_PATH = 'assets/static-search.js';

/** esbuild's options for the script, shared with scripts/build.mjs so both bundles are the same. */
const BUNDLE_OPTIONS = new URL('./client/bundle-options.json', import.meta.url);

const IS_SOURCE = import.meta.url.endsWith('.ts');

let bundled: Promise<Uint8Array> | undefined;

/** The script's bytes: the bundle beside dist/katsudo.mjs, or bundled now from source. */
export function searchScript(): Promise<Uint8Array> {
  bundled ??= IS_SOURCE ? bundleFromSource() : readFile(fileURLToPath(new URL('./assets/static-search.js', import.meta.url)));
  return bundled;
}

async function bundleFromSource(): Promise<Uint8Array> {
  const { build } = await import('esbuild');
  const entry = fileURLToPath(new URL('./client/static-search.ts', import.meta.url));
  if (!existsSync(entry)) throw new Error(`search script source missing: ${entry}`);
  const options = JSON.parse(await readFile(fileURLToPath(BUNDLE_OPTIONS), 'utf8')) as Record<string, unknown>;
  const result = await build({ ...options, entryPoints: [entry], write: false, logLevel: 'warning' });
  return result.outputFiles[0]!.contents;
}

/** Writes the script into outDir when its bytes differ from those in `from` (outDir by default); returns its path when written. */
export async function writeSearchScript(outDir: string, from = outDir): Promise<string | undefined> {
  await mkdir(join(outDir, 'assets'), { recursive: true });
  return (await writeIfChanged(join(outDir, SEARCH_SCRIPT_PATH), await searchScript(), join(from, SEARCH_SCRIPT_PATH))) ? SEARCH_SCRIPT_PATH : undefined;
}
