import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkTarget } from '../../../src/domain/text-format/link-target.js';

test('accepts web schemes in any case', () => {
  assert.deepEqual(linkTarget('HTTPS://example.jp/'), { kind: 'web', href: 'HTTPS://example.jp/' });
  assert.deepEqual(linkTarget('Tel:0300000000'), { kind: 'web', href: 'Tel:0300000000' });
});

test('reads the ref after media:', () => {
  assert.deepEqual(linkTarget('media:2024/予算.pdf'), { kind: 'media', ref: '2024/予算.pdf' });
});

test('refuses hrefs that browsers read as another site', () => {
  assert.deepEqual(linkTarget('//evil.example/'), { kind: 'refused' });
  assert.deepEqual(linkTarget('/\\evil.example/'), { kind: 'refused' });
});

test('refuses unknown schemes and leading whitespace', () => {
  for (const href of ['javascript:x', ' https://example.jp', 'data:text/html,x', 'ftp://example.jp', 'page.html']) {
    assert.deepEqual(linkTarget(href), { kind: 'refused' }, href);
  }
});
