// The seed-shaped fixture, the demo bodies and the first styles render exactly as they did
// before the styles of issue 11 were added (the HTML was captured from that code).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { render } from '../../../src/domain/text-format/render.js';
import { GOLDEN_CORPUS, goldenMedia } from './golden-corpus.js';

const golden = JSON.parse(readFileSync(new URL('../../fixtures/text-format-golden.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

for (const { name, source } of GOLDEN_CORPUS) {
  test(`renders ${name} exactly as captured`, () => {
    assert.deepEqual(JSON.parse(JSON.stringify(render(source, { media: goldenMedia(source) }))), golden[name]);
  });
}
