// The layering rules of docs/ARCHITECTURE.md, checked on the source text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ERROR_CODES } from '../src/domain/errors.js';
import { STATUS_BY_CODE } from '../src/web/errors.js';

const SRC = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
const importsOf = (text: string) => [...text.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
const layerOf = (path: string) => path.split('/')[0]!;

test('keeps domain free of I/O, the clock, the environment and other layers', () => {
  for (const file of files.filter((f) => layerOf(f.path) === 'domain')) {
    // budoux-ja.ts loads BudouX's parser by path (see its header); nothing else may.
    const allowed = file.path === 'domain/budoux-ja.ts' ? ['node:module', 'node:path'] : [];
    for (const spec of importsOf(file.text)) {
      assert.ok(!spec.startsWith('node:') || allowed.includes(spec), `${file.path} imports ${spec}`);
      assert.ok(!/^\.\.\/(\.\.\/)?(store|actions|web|cli|importers|exporter)\//.test(spec), `${file.path} imports ${spec}`);
      assert.ok(!['kysely', 'fastify', 'better-sqlite3'].includes(spec), `${file.path} imports ${spec}`);
    }
    assert.doesNotMatch(file.text, /process\.|Date\.now\(|new Date\(\)|Math\.random/, file.path);
  }
});

test('points dependencies one way: store never imports actions, web or cli; actions never import web or cli', () => {
  const forbidden: Record<string, string[]> = { store: ['actions', 'web', 'cli'], actions: ['web', 'cli'], web: ['cli'] };
  for (const file of files) {
    const banned = forbidden[layerOf(file.path)] ?? [];
    for (const spec of importsOf(file.text)) {
      for (const layer of banned) assert.ok(!spec.includes(`/${layer}/`), `${file.path} imports ${spec}`);
    }
  }
});

test('lets admin views import only domain modules, other views and the public components', () => {
  for (const file of files.filter((f) => f.path.startsWith('web/views/'))) {
    for (const spec of importsOf(file.text).filter((s) => s.startsWith('.'))) {
      const target = join('web/views', file.path.split('/').slice(2, -1).join('/'), spec);
      assert.ok(['domain/', 'web/views/', 'site/components/'].some((p) => target.startsWith(p)), `${file.path} imports ${spec}`);
    }
  }
});

const isView = (path: string) => path.endsWith('.tsx') && !path.endsWith('site-pages.tsx');

test('lets the public views (site/**/*.tsx) import only domain modules and other views', () => {
  for (const file of files.filter((f) => layerOf(f.path) === 'site' && isView(f.path))) {
    for (const spec of importsOf(file.text).filter((s) => s.startsWith('.'))) {
      const target = join(file.path.split('/').slice(0, -1).join('/'), spec);
      const isAllowed = target.startsWith('domain/') || (target.startsWith('site/') && isView(target.replace(/\.js$/, '.tsx')));
      assert.ok(isAllowed, `${file.path} imports ${spec}`);
    }
  }
});

test('keeps site/ below web, exporter and cli', () => {
  for (const file of files.filter((f) => layerOf(f.path) === 'site')) {
    for (const spec of importsOf(file.text)) {
      for (const layer of ['web', 'exporter', 'cli', 'importers']) assert.ok(!spec.includes(`/${layer}/`), `${file.path} imports ${spec}`);
    }
  }
});

test('keeps the public routes and the API off store: they read through site/ and actions/', () => {
  const publicSide = files.filter((f) => /^web\/routes\/(public|api)\//.test(f.path));
  assert.ok(publicSide.length > 0);
  for (const file of publicSide) {
    for (const spec of importsOf(file.text)) assert.ok(!spec.includes('/store/'), `${file.path} imports ${spec}`);
  }
});

test('keeps the demo content data: src/demo imports only domain modules', () => {
  for (const file of files.filter((f) => layerOf(f.path) === 'demo')) {
    for (const spec of importsOf(file.text).filter((s) => s.startsWith('.'))) {
      assert.ok(join('demo', spec).startsWith('domain/'), `${file.path} imports ${spec}`);
    }
  }
});

test('keeps the admin plumbing (src/web/admin) off store: it reads through actions', () => {
  for (const file of files.filter((f) => f.path.startsWith('web/admin/'))) {
    for (const spec of importsOf(file.text)) assert.ok(!spec.includes('/store/'), `${file.path} imports ${spec}`);
  }
});

test('reads process.env only in config.ts', () => {
  for (const file of files.filter((f) => f.path !== 'config.ts')) {
    assert.doesNotMatch(file.text, /process\.env/, file.path);
  }
});

test('inserts raw HTML in exactly one component', () => {
  const raw = files.filter((f) => f.text.includes('dangerouslySetInnerHTML'));
  assert.deepEqual(raw.map((f) => f.path), ['site/components/html-block.tsx']);
});

test('calls process.exit only in cli/main.ts', () => {
  const exits = files.filter((f) => /process\.exit\(/.test(f.text));
  assert.deepEqual(exits.map((f) => f.path), ['cli/main.ts']);
});

test('maps every error code to an HTTP status and a CLI exit code', async () => {
  // cli/main.ts runs the CLI when imported, so its table is read from the source.
  const cli = files.find((f) => f.path === 'cli/main.ts')!.text;
  for (const code of ERROR_CODES) {
    assert.ok(STATUS_BY_CODE[code] >= 400, `no HTTP status for ${code}`);
    assert.match(cli, new RegExp(`\\b${code}: \\d+`), `no exit code for ${code}`);
  }
  assert.deepEqual(Object.keys(STATUS_BY_CODE).sort(), [...ERROR_CODES].sort());
});
