// Issue 11 item 2: `![説明](media:<ref> "キャプション")` alone on a line becomes a <figure>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figureLine } from '../../../src/domain/text-format/figure-line.js';
import { mediaRefs } from '../../../src/domain/text-format/media-refs.js';
import { render, type MediaInfo } from '../../../src/domain/text-format/render.js';
import { findAll, parseHtml } from './html-tree.js';

const photo: MediaInfo = {
  url: '/media/aa/hall.jpg',
  mime: 'image/jpeg',
  bytes: 800_000,
  width: 1600,
  height: 1200,
  variants: [
    { url: '/media/aa/w640/hall-640w.webp', width: 640 },
    { url: '/media/aa/w1280/hall-1280w.webp', width: 1280 },
  ],
};
const media = new Map([['hall.jpg', photo]]);

test('reads a photo line with and without a caption', () => {
  assert.deepEqual(figureLine('![会場の様子](media:hall.jpg)'), { kind: 'figure', ref: 'hall.jpg', alt: '会場の様子' });
  assert.deepEqual(figureLine(' ![会場](media:hall.jpg "満席の会場") '), { kind: 'figure', ref: 'hall.jpg', alt: '会場', caption: '満席の会場' });
  assert.deepEqual(figureLine('![会場](media:写真(1).jpg "式典(午前)")'), { kind: 'figure', ref: '写真(1).jpg', alt: '会場', caption: '式典(午前)' });
  assert.equal(figureLine('写真は ![会場](media:hall.jpg)'), undefined);
  assert.equal(figureLine('![会場](media:hall.jpg) の写真'), undefined);
  assert.equal(figureLine('![会場](https://example.jp/a.jpg)'), undefined);
});

test('renders a figure with the WebP variants, size, lazy loading and the caption', () => {
  const { html } = render('![会場の様子](media:hall.jpg "満席の会場")', { media });
  assert.equal(
    html,
    '<figure class="figure"><img src="/media/aa/w1280/hall-1280w.webp" srcset="/media/aa/w640/hall-640w.webp 640w, /media/aa/w1280/hall-1280w.webp 1280w"' +
      ' sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)" width="1600" height="1200" alt="会場の様子" loading="lazy" decoding="async">' +
      '<figcaption>満席の会場</figcaption></figure>',
  );
});

test('uses the description as the caption when none is quoted, and the original when no variant exists', () => {
  const { html } = render('![会場の様子](media:hall.jpg)', { media: new Map([['hall.jpg', { ...photo, variants: [] }]]) });
  assert.equal(
    html,
    '<figure class="figure"><img src="/media/aa/hall.jpg" width="1600" height="1200" alt="会場の様子" loading="lazy" decoding="async"><figcaption>会場の様子</figcaption></figure>',
  );
});

test('renders a visible placeholder, never an <img>, for a missing file, a document or an empty description', () => {
  const pdf: MediaInfo = { url: '/media/bb/a.pdf', mime: 'application/pdf', bytes: 1000, pages: 2 };
  const cases: Array<[string, Map<string, MediaInfo>]> = [
    ['![会場](media:none.jpg)', media],
    ['![資料](media:a.pdf)', new Map([['a.pdf', pdf]])],
    ['![](media:hall.jpg)', media],
  ];
  for (const [source, known] of cases) {
    const nodes = parseHtml(render(source, { media: known }).html);
    assert.equal(findAll(nodes, 'img').length, 0, source);
    assert.equal(findAll(nodes, 'p')[0]!.attrs.class, 'placeholder', source);
  }
  assert.match(render('![会場](media:none.jpg)').html, /<p class="placeholder">［画像：会場］<\/p>/);
  assert.match(render('![](media:hall.jpg)', { media }).html, /<p class="placeholder">［画像：hall.jpg］<\/p><\/figure>$/);
});

test('tells staff in the preview why a photo is not shown', () => {
  assert.match(render('![会場](media:none.jpg)', { isPreview: true }).html, /<span class="figure-warning">「none.jpg」という名前のファイルが見つかりません。/);
  assert.match(render('![](media:hall.jpg)', { media, isPreview: true }).html, /<span class="figure-warning">画像の説明/);
  assert.doesNotMatch(render('![会場](media:none.jpg)').html, /figure-warning/);
});

test('escapes the description and caption', () => {
  const { html } = render('![<b>"x"</b>](media:hall.jpg "<i>&</i>")', { media });
  assert.match(html, /alt="&lt;b&gt;&quot;x&quot;&lt;\/b&gt;"/);
  assert.match(html, /<figcaption>&lt;i&gt;&amp;&lt;\/i&gt;<\/figcaption>/);
});

test('puts the description and caption into the plain text', () => {
  assert.equal(render('前文\n![会場の様子](media:hall.jpg "満席の会場")\n後文').text, '前文\n\n会場の様子\n満席の会場\n\n後文');
});

test('lists photo refs among the media refs in order of first use', () => {
  assert.deepEqual(mediaRefs('[資料](media:a.pdf)\n![会場](media:hall.jpg)\n\n[再掲](media:a.pdf)\n| x | [表](media:t.pdf) |\n| y | z |'), [
    'a.pdf',
    'hall.jpg',
    't.pdf',
  ]);
});

test('adds only a quoted caption under a placeholder, which already shows the description', () => {
  assert.equal(render('![会場](media:none.jpg)').html, '<figure class="figure figure-missing"><p class="placeholder">［画像：会場］</p></figure>');
  assert.equal(
    render('![会場](media:none.jpg "満席")').html,
    '<figure class="figure figure-missing"><p class="placeholder">［画像：会場］</p><figcaption>満席</figcaption></figure>',
  );
});
