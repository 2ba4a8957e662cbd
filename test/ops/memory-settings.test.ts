// The server runs with the same memory settings however it is started: `npm start`, the
// systemd unit, and the HTTP benchmark that measures them (docs/performance.md, Memory).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

test('npm start runs the server with two malloc arenas, a 4 MB semi-space and V8 optimizing for size', () => {
  const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start!;
  assert.match(start, /^MALLOC_ARENA_MAX=2 node --max-semi-space-size=4 --optimize-for-size bin\/katsudo\.js serve$/);
});

test('the systemd unit sets the same malloc arenas and node flag', () => {
  const unit = read('deploy/katsudo.service');
  assert.match(unit, /^Environment=MALLOC_ARENA_MAX=2$/m);
  assert.match(unit, /^ExecStart=\/usr\/bin\/node --max-semi-space-size=4 --optimize-for-size /m);
});

test('the HTTP benchmark starts its server with what npm start sets', () => {
  const bench = read('bench/http.bench.ts');
  assert.match(bench, /'server-node-arg': \{[^}]*default: \['--max-semi-space-size=4', '--optimize-for-size'\]/);
  assert.match(bench, /'server-env': \{[^}]*default: \['MALLOC_ARENA_MAX=2'\]/);
});
