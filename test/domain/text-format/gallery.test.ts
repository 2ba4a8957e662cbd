// Issue 12 item 3: photo lines written one under another (no blank line between) are shown
// together as a gallery, a labelled list of figures with their captions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render, type MediaInfo } from '../../../src/domain/text-format/render.js';

const photo = (name: string): MediaInfo => ({ url: `/media/aa/${name}`, mime: 'image/jpeg', bytes: 1000, width: 800, height: 600 });
const media = new Map(['a.jpg', 'b.jpg', 'c.jpg'].map((name) => [name, photo(name)]));

test('consecutive photo lines become one gallery list, each figure with its caption', () => {
  const { html, text } = render('![会場](media:a.jpg "満席の会場")\n![登壇](media:b.jpg)\n![握手](media:c.jpg "地元の方と")', { media });
  assert.match(
    html,
    /^<ul class="gallery" aria-label="写真1\(3枚\)"><li><figure class="figure">.*<\/figure><\/li><li><figure class="figure">.*<\/figure><\/li><li><figure class="figure">.*<\/figure><\/li><\/ul>$/,
  );
  assert.deepEqual(
    [...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1]),
    ['満席の会場', '登壇', '地元の方と'],
  );
  assert.equal(text, '会場\n満席の会場\n\n登壇\n\n握手\n地元の方と');
});

test('a blank line between photo lines keeps them apart, and a lone photo stays a figure', () => {
  const { html } = render('![会場](media:a.jpg)\n\n![登壇](media:b.jpg)', { media });
  assert.doesNotMatch(html, /gallery/);
  assert.equal(html.match(/<figure /g)?.length, 2);
});

test('galleries are numbered in the page and a missing photo keeps its place as a placeholder', () => {
  const { html } = render('1 視察\n![会場](media:a.jpg)\n![未着](media:none.jpg)\n\n本文\n\n![登壇](media:b.jpg)\n![握手](media:c.jpg)', { media });
  assert.match(html, /aria-label="写真1\(2枚\)"><li><figure class="figure">.*<\/li><li><figure class="figure figure-missing">/);
  assert.match(html, /aria-label="写真2\(2枚\)"/);
});
