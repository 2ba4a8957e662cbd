// The export folder's manifest (exporter/build-manifest.ts): stored compactly, read back as
// it was written; an older format is read for its files alone.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { MANIFEST_FILE, MANIFEST_FORMAT, manifestText, readManifest, type BuildManifest } from '../../src/exporter/build-manifest.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folderWith(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-manifest-'));
  dirs.push(dir);
  mkdirSync(join(dir, '.katsudo'));
  writeFileSync(join(dir, MANIFEST_FILE), text);
  return dir;
}

const HTML = 'text/html; charset=utf-8';
const manifest: BuildManifest = {
  format: MANIFEST_FORMAT,
  baseUrl: 'https://www.example.jp',
  contentVersion: 12,
  siteKey: 'k',
  reports: { '3': ['2024-05-01', '1/1/2024-05-01T00:00:00.000Z', '2024-05-01/2024-05-01/'] },
  files: {
    'index.html': { path: '/', hash: 'a', contentType: HTML, kind: 'page', links: [3, 7] },
    'activity/2024-05-01/index.html': { path: '/activity/2024-05-01/', hash: 'b', contentType: HTML, kind: 'page', links: [] },
    'search.html': { path: '/search', hash: 'c', contentType: HTML, kind: 'page', links: [] },
    'feed.xml': { path: '/feed.xml', hash: 'd', contentType: 'application/atom+xml; charset=utf-8', kind: 'page' },
    'xindex.html': { path: '/xindex.html', hash: 'e', contentType: HTML, kind: 'redirect' },
    _redirects: { path: '', hash: 'f', contentType: 'text/plain; charset=utf-8', kind: 'redirect' },
    'media/2024/05/a.pdf': { path: '/media/2024/05/a.pdf', hash: '100-1714521600000', contentType: 'application/pdf', kind: 'media' },
    'search-index/docs.dat': { path: '/search-index/docs.dat', hash: 'g', contentType: 'application/octet-stream', kind: 'search' },
  },
  builtAt: '2026-12-07T00:00:00.000Z',
};

test('reads back the manifest as it was written, every kind of file and path', () => {
  assert.deepEqual(readManifest(folderWith(manifestText(manifest))), manifest);
});

test('stores each file as an array, each content type once and a path only where the file’s name does not give it', () => {
  const text = manifestText(manifest);
  const stored = JSON.parse(text) as { types: string[]; files: unknown[][] };
  assert.equal(text.split(HTML).length - 1, 1, 'the HTML content type once');
  assert.ok(stored.files.every(Array.isArray));
  const withPath = stored.files.filter((f) => f.length === 6).map((f) => [f[0], f[5]]);
  assert.deepEqual(withPath, [
    ['search.html', '/search'],
    ['_redirects', ''],
  ]);
});

test('an older manifest gives its files, links aside, and its format (the build then renders every page)', () => {
  const older = { ...manifest, format: 1, files: { 'index.html': { path: '/', hash: 'a', contentType: HTML, kind: 'page', links: ['/activity/2024-05-01/'] } } };
  const read = readManifest(folderWith(JSON.stringify(older)));
  assert.equal(read?.format, 1);
  assert.deepEqual(read?.files, { 'index.html': { path: '/', hash: 'a', contentType: HTML, kind: 'page' } });
});

test('a manifest of an unknown format, or not JSON, is none', () => {
  assert.equal(readManifest(folderWith(JSON.stringify({ ...JSON.parse(manifestText(manifest)), format: 99 }))), undefined);
  assert.equal(readManifest(folderWith('{"format":2,')), undefined);
});
