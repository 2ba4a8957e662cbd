import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wxrItem, type WxrPost } from '../../src/domain/wxr-document.js';

const post: WxrPost = {
  postId: 3,
  postType: 'page',
  title: '政策',
  link: 'https://example.jp/%E6%94%BF%E7%AD%96/',
  content: '',
  excerpt: '',
  creator: '',
  postDate: '2024-05-01 10:00:00',
  postDateGmt: '2024-05-01 01:00:00',
  postName: '政策',
  status: 'publish',
  postParent: 0,
  menuOrder: 2,
};

test('splits a CDATA end written in the text, so the XML stays well-formed and the text the same', () => {
  const xml = wxrItem({ ...post, content: '<p>a]]>b</p>' });
  assert.match(xml, /<content:encoded><!\[CDATA\[<p>a]]]]><!\[CDATA\[>b<\/p>]]><\/content:encoded>/);
});

test('drops characters XML 1.0 cannot carry', () => {
  assert.match(wxrItem({ ...post, title: '政\u0007策\uFFFE' }), /<title><!\[CDATA\[政策]]><\/title>/);
});

test('writes a slug percent-encoded as WordPress does, and the page order and parent', () => {
  const xml = wxrItem({ ...post, postParent: 1 });
  assert.match(xml, /<wp:post_name><!\[CDATA\[%E6%94%BF%E7%AD%96]]><\/wp:post_name>/);
  assert.match(xml, /<wp:post_parent>1<\/wp:post_parent>\n\t\t<wp:menu_order>2<\/wp:menu_order>/);
});
