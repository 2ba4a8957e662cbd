// ESLint for katsudo: the recommended rules of ESLint and typescript-eslint (syntax only, not
// type-aware, so a run of the whole tree stays within seconds), and the layer rules of
// docs/ARCHITECTURE.md (Layers) as import restrictions. test/lint.test.ts checks that a
// forbidden import is refused, so these rules cannot silently vanish.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// What each part of src/ may import, as paths below src/ (a folder ends with '/'). A part may
// always import its own files. A later entry overrides an earlier one for the files it covers.
const LAYERS = [
  { part: 'domain/', may: [], packages: 'pure' },
  // BudouX's parser is loaded by path (see the file's header): the one domain module with node:.
  { part: 'domain/budoux-ja.ts', may: ['domain/'], packages: 'pure-but-path' },
  { part: 'demo/', may: ['domain/'], packages: 'pure' },
  { part: 'store/', may: ['domain/'] },
  { part: 'actions/', may: ['store/', 'domain/', 'demo/'] },
  { part: 'site/', may: ['actions/', 'store/', 'domain/'], packages: 'no-driver' },
  // Views get their data as props: domain types and other views only, never the page assembly.
  { part: 'site/', views: true, label: 'the views of src/site/ (*.tsx)', may: ['domain/', 'site/'], notFiles: ['site-pages.js'], packages: 'no-driver' },
  { part: 'web/', may: ['site/', 'actions/', 'domain/'], packages: 'no-driver' },
  { part: 'web/views/', may: ['domain/', 'site/components/'], packages: 'no-driver' },
  { part: 'exporter/', may: ['site/', 'actions/', 'domain/'], packages: 'no-driver' },
  // The static search page's script runs in the browser (bundled by esbuild).
  { part: 'exporter/search/client/', may: ['domain/', 'site/'], packages: 'browser' },
  { part: 'importers/', may: ['actions/', 'store/', 'domain/'] },
  // The composition root: everything in src/ (config.ts included), nothing outside it.
  { part: 'cli/', may: [''] },
  // config.ts sits at the root of src/: only leaving src/ can be checked by path.
  { part: 'config.ts', may: [''] },
];

const DRIVERS = ['kysely', 'better-sqlite3', 'pg'];
const PACKAGE_RULES = {
  pure: [{ regex: '^node:', message: 'domain has no I/O: no node: modules.' }, noPackages([...DRIVERS, 'fastify', '@fastify/*', 'sharp'])],
  'pure-but-path': [
    { regex: '^node:(?!(module|path)$)', message: 'domain has no I/O: only node:module and node:path, to find BudouX.' },
    noPackages([...DRIVERS, 'fastify', '@fastify/*', 'sharp']),
  ],
  'no-driver': [noPackages(DRIVERS, 'database drivers are used in store (and by actions for transactions) only.')],
  browser: [{ regex: '^node:', message: 'this code runs in the browser: no node: modules.' }, noPackages([...DRIVERS, 'fastify', '@fastify/*'])],
};

function noPackages(names, message = 'domain is pure: no database, server or image packages.') {
  return { group: names, message };
}

// Deep enough for every folder of src/ (src/exporter/search/client/ is 3 deep); test/lint.test.ts
// checks that every source file falls under a layer rule.
const MAX_DEPTH = 5;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// A relative specifier climbing k folders from a file lands in a folder that is the same for
// every file of one depth below the part, so one block per depth gives exact patterns: the
// climbs that stay inside the part are free, the others must land in an allowed place.
function layerBlocks({ part, label = `src/${part}`, may, views = false, notFiles = [], packages }) {
  const isFile = !part.endsWith('/');
  const segments = part.split('/').filter(Boolean);
  const partDir = isFile ? segments.slice(0, -1) : segments;
  const allowed = isFile ? may : [part, ...may];
  const message = `${label} may import only ${may.length ? may.map((m) => `src/${m || ''}`).join(', ') : 'itself'} (docs/ARCHITECTURE.md, Layers).`;
  const blocks = [];
  for (let depth = 0; depth <= (isFile ? 0 : MAX_DEPTH); depth++) {
    const patterns = [];
    for (let up = depth + 1; up <= partDir.length + depth + 1; up++) {
      const landing = partDir.slice(0, partDir.length - (up - depth));
      const here = landing.length ? `${landing.join('/')}/` : '';
      const climb = `^(\\.\\./){${up}}(?!\\.\\./)`;
      if (up > partDir.length + depth) {
        patterns.push({ regex: climb, message: 'src/ imports nothing outside src/.' });
        continue;
      }
      if (allowed.some((prefix) => here.startsWith(prefix))) continue;
      const within = allowed.filter((prefix) => prefix.startsWith(here)).map((prefix) => escape(prefix.slice(here.length)));
      patterns.push({ regex: within.length ? `${climb}(?!(${within.join('|')}))` : climb, message });
    }
    for (const name of notFiles) patterns.push({ group: [`**/${name}`], message: `${name} assembles pages: views do not import it.` });
    patterns.push(...(PACKAGE_RULES[packages] ?? []));
    const files = isFile ? [`src/${part}`] : [`src/${part}${'*/'.repeat(depth)}*.${views ? 'tsx' : '{ts,tsx}'}`];
    blocks.push({ files, ...(views ? { ignores: ['src/site/site-pages.tsx'] } : {}), rules: { 'no-restricted-imports': ['error', { patterns }] } });
  }
  return blocks;
}

const PROCESS_ENV = { object: 'process', property: 'env', message: 'Only src/config.ts reads the environment.' };
const PROCESS_EXIT = { object: 'process', property: 'exit', message: 'Only src/cli/main.ts ends the process.' };
const RAW_HTML = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Raw HTML enters a page only through site/components/html-block.tsx (trustedHtml).',
};

// The plain JavaScript files are not type-checked, so ESLint's no-undef guards their names
// (no `globals` package here: these are the names they use; add one when a script needs it).
const NODE_GLOBALS = Object.fromEntries(['process', 'console', 'URL', 'Buffer', 'setTimeout', 'clearTimeout'].map((name) => [name, 'readonly']));
const BROWSER_GLOBALS = Object.fromEntries(
  [
    ...['window', 'document', 'location', 'history', 'navigator', 'console', 'fetch', 'setTimeout', 'clearTimeout', 'atob', 'btoa'],
    ...['URL', 'URLSearchParams', 'FormData', 'DOMParser', 'XMLHttpRequest', 'Event', 'CustomEvent', 'Element', 'HTMLFormElement', 'HTMLButtonElement'],
  ].map((name) => [name, 'readonly']),
);

export default defineConfig([
  { ignores: ['dist/', 'data/', 'test-artifacts/', 'bench/results/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Ideographic spaces (U+3000) are content here: the text format and Japanese messages use them.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true, skipJSXText: true }],
      // Control characters are matched on purpose: input is checked for them and refused or cleaned.
      'no-control-regex': 'off',
      // A `let` read by a closure before its one assignment (serve.ts's scheduler, read by /readyz)
      // cannot be a const declared later: the closure could run first.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_`-prefixed names mark a parameter kept for its position (route handlers, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Kysely<any> is Kysely's way to open a database whose schema is a past migration's.
    files: ['src/store/migrate.ts', 'src/store/migrations/**', 'test/store/**', 'test/support/database-before.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: NODE_GLOBALS } },
  { files: ['src/web/assets/**/*.js'], languageOptions: { globals: BROWSER_GLOBALS, sourceType: 'script' } },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': ['error', PROCESS_ENV, PROCESS_EXIT],
      'no-restricted-syntax': ['error', RAW_HTML],
    },
  },
  { files: ['src/config.ts'], rules: { 'no-restricted-properties': ['error', PROCESS_EXIT] } },
  { files: ['src/cli/main.ts'], rules: { 'no-restricted-properties': ['error', PROCESS_ENV] } },
  { files: ['src/site/components/html-block.tsx'], rules: { 'no-restricted-syntax': 'off' } },
  {
    // The domain is pure: no clock, randomness or process; callers pass them in.
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'domain has no I/O: callers pass what it needs.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'domain reads no clock: callers pass the time.' },
        { object: 'Math', property: 'random', message: 'domain has no randomness: callers pass it in.' },
      ],
      'no-restricted-syntax': [
        'error',
        RAW_HTML,
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain reads no clock: callers pass the time.' },
      ],
    },
  },
  LAYERS.flatMap(layerBlocks),
]);
