import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPageFields, makesCycle, normalizePageSlug, pageSlugProblem, slugFromTitle } from '../../src/domain/page-rules.js';
import { paths, RESERVED_TOP_SEGMENTS } from '../../src/domain/paths.js';
import { ValidationError } from '../../src/domain/errors.js';

test('reserves the first segment of every public path the site serves', () => {
  for (const path of [paths.activity(), paths.profile(), paths.rss(), paths.sitemap(), paths.search(), paths.apiReport(1), paths.category('a'), paths.tag('b')]) {
    assert.ok(RESERVED_TOP_SEGMENTS.has(path.split(/[/?]/)[1]!), path);
  }
  for (const segment of ['admin', 'media', 'assets', 'robots.txt', 'healthz', 'readyz', 'favicon.ico']) assert.ok(RESERVED_TOP_SEGMENTS.has(segment), segment);
});

test('normalises slugs by NFKC and lower-cases ASCII, keeping Japanese', () => {
  assert.equal(normalizePageSlug(' ＳＥＩＳＡＫＵ '), 'seisaku');
  assert.equal(normalizePageSlug('ｼﾞﾑｼｮ'), 'ジムショ');
  assert.equal(slugFromTitle('事務所のご案内 (東京)'), '事務所のご案内-東京');
});

test('refuses reserved names and years only at the top level, and characters a URL segment cannot hold', () => {
  assert.match(pageSlugProblem('activity', true)!, /すでに使っている/);
  assert.equal(pageSlugProblem('activity', false), undefined);
  assert.match(pageSlugProblem('2024', true)!, /4桁/);
  assert.ok(pageSlugProblem('a/b', false));
  assert.ok(pageSlugProblem('a.b', false));
  assert.equal(pageSlugProblem('子育て支援', true), undefined);
});

test('finds a cycle when the parent is the page itself or a descendant', () => {
  const parents = new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 2],
    [4, null],
  ]);
  assert.equal(makesCycle(1, 1, parents), true);
  assert.equal(makesCycle(1, 3, parents), true);
  assert.equal(makesCycle(3, 4, parents), false);
  assert.equal(makesCycle(2, null, parents), false);
});

test('checks every field at once', () => {
  assert.throws(
    () => checkPageFields({ title: '', slug: 'admin', parentId: null, position: -1, summary: 'あ'.repeat(401), bodySource: '' }),
    (error: unknown) => error instanceof ValidationError && ['title', 'slug', 'position', 'summary'].every((f) => f in error.fields),
  );
});
