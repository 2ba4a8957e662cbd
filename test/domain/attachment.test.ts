import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentMeta, formatSize } from '../../src/domain/attachment.js';

test('labels a PDF with type, size and page count as Japanese public sites do', () => {
  assert.equal(attachmentMeta({ mime: 'application/pdf', bytes: 120 * 1024, pages: 4 }), 'PDF形式・120KB・4ページ');
});

test('leaves out an unknown page count', () => {
  assert.equal(attachmentMeta({ mime: 'image/jpeg', bytes: 2048, pages: null }), 'JPEG形式・2KB');
});

test('never shows a small file as 0KB and switches to MB at one megabyte', () => {
  assert.equal(formatSize(10), '1KB');
  assert.equal(formatSize(1536 * 1024), '1.5MB');
});
