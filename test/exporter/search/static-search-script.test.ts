// The search page's script stays small and self-contained: one ES module of at most 15 KB
// gzip-compressed, importing nothing, never using Intl.Segmenter (word-true-ness comes from
// the index) nor Intl's Japanese calendar, and written into the output directory by writeSearchIndex.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { SEARCH_SCRIPT_PATH, searchScript, writeSearchScript } from '../../../src/exporter/search/write-search-script.js';

test('the script is at most 15 KB gzip, imports nothing, never calls Intl.Segmenter and builds no Intl format at its start', async () => {
  const script = Buffer.from(await searchScript());
  const gzipped = gzipSync(script, { level: 9 }).length;
  assert.ok(gzipped <= 15 * 1024, `${gzipped} bytes gzip`);
  const text = script.toString('utf8');
  assert.doesNotMatch(text, /\bimport\s*[("'{*]|\bimport\s+\w+\s+from\b|require\(/);
  assert.doesNotMatch(text, /Segmenter/);
  // Nothing builds Intl's formats as the module loads: domain/eras.ts reads its table off the
  // Japanese calendar (20-25 ms; the page shows no 和暦), a number's toLocaleString 10-18 ms.
  assert.doesNotMatch(text, /DateTimeFormat|ca-japanese|toLocaleString/);
});

test('is written to assets/static-search.js, and not again when unchanged', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-search-script-'));
  try {
    assert.equal(await writeSearchScript(dir), SEARCH_SCRIPT_PATH);
    assert.ok(existsSync(join(dir, 'assets', 'static-search.js')));
    assert.deepEqual(readFileSync(join(dir, 'assets', 'static-search.js')), Buffer.from(await searchScript()));
    assert.equal(await writeSearchScript(dir), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
