// The seed-shaped fixture, the demo bodies and the first styles render exactly as they did
// before the styles of issue 11 were added. The sources are kept in the golden file with the
// HTML, text and outline captured from that code, so editing the demo content does not move them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { render } from '../../../src/domain/text-format/render.js';
import { goldenMedia } from './golden-corpus.js';

const golden = JSON.parse(readFileSync(new URL('../../fixtures/text-format-golden.json', import.meta.url), 'utf8')) as Record<
  string,
  { source: string; rendered: unknown }
>;

for (const [name, { source, rendered }] of Object.entries(golden)) {
  test(`renders ${name} exactly as captured`, () => {
    assert.deepEqual(JSON.parse(JSON.stringify(render(source, { media: goldenMedia(source) }))), rendered);
  });
}
