// Builds what `npm start` and the `katsudo` command run: the CLI and everything it imports
// bundled into one ES module (dist/katsudo.mjs), plus the stylesheet and icon beside it.
// One file loads in about half the time of hundreds of modules, which is most of the
// start-up time (docs/performance.md). Type checking is `npm run typecheck`.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: {
    katsudo: 'src/cli/main.ts',
    'search-document-worker': 'src/actions/search/search-document-worker.ts',
    'work-thread': 'src/actions/runtime/work-thread.ts',
    // The static build's page threads load it as the work pool's extra tasks (exporter/page-threads.ts).
    'page-render-tasks': 'src/exporter/page-render-tasks.ts',
    // The static index's postings and shards on the work pool's threads (exporter/search/build-index-files.ts).
    'index-tasks': 'src/exporter/search/index-tasks.ts',
  },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist',
  // Every file in dist/ itself, so a module finds the worker next to it wherever esbuild put it.
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  // Native code, and packages loaded by path at run time, stay in node_modules.
  external: ['better-sqlite3', 'budoux', 'pdf-lib', 'pdfjs-dist', '@node-rs/argon2', 'sharp', 'esbuild'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outExtension: { '.js': '.mjs' },
  // Bundled CommonJS dependencies call require(); give them one.
  banner: {
    js: "import { createRequire as __katsudoCreateRequire } from 'node:module'; const require = __katsudoCreateRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});
cpSync('src/web/assets', 'dist/assets', { recursive: true });
// The static export's search page script, for the browser (exporter/search/write-search-script.ts
// bundles it the same way when run from source, and copies this file when bundled).
await build({
  ...JSON.parse(readFileSync('src/exporter/search/client/bundle-options.json', 'utf8')),
  entryPoints: ['src/exporter/search/client/static-search.ts'],
  outfile: 'dist/assets/static-search.js',
  logLevel: 'warning',
});
// The password policy's list of common passwords, read by actions/users/common-passwords.ts.
cpSync('src/domain/common-passwords.txt', 'dist/common-passwords.txt');
