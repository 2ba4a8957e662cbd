import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ValidationError } from '../../../src/domain/errors.js';
import {
  checkSearchDepth,
  DEPTH_MESSAGE,
  MAX_ONE_CHARACTER_TERMS,
  MAX_QUERY_CHARS,
  MAX_RESULT_DEPTH,
  MAX_TERMS,
  ONE_CHARACTER_MESSAGE,
  parseSearchQuery,
  positiveTerms,
  type SearchQuery,
} from '../../../src/domain/search/query.js';

/** The query as normalised texts: groups of alternatives, and exclusions. */
function shape(query: SearchQuery | undefined) {
  return query && { all: query.all.map((group) => group.map((t) => t.text)), none: query.none.map((t) => t.text) };
}

function parse(input: string) {
  return shape(parseSearchQuery(input));
}

/** Syntax of the query language and of FTS5, and characters around them. */
const SYNTAX = [
  '"',
  '“',
  '”',
  '＂',
  '*',
  'NEAR',
  'NEAR(',
  '(',
  ')',
  ':',
  '^',
  '-',
  '－',
  'OR',
  'ＯＲ',
  'AND',
  'NOT',
  '+',
  '{',
  '}',
  ' ',
  '　',
  '\t',
  '\n',
  '外交',
  '中',
  'a',
  '2',
  "'",
  '\\',
  '\u0000',
  '\ud800',
];
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const anyQuery = fc.oneof(
  fc.string({ unit: fc.constantFrom(...SYNTAX), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 250 }),
  fc.string({ unit: codeUnit, maxLength: 60 }),
);

test('returns nothing to search for an empty or blank box', () => {
  for (const q of ['', ' ', '\u3000\u3000', '\n\t', '""', '“”', 'OR']) assert.equal(parseSearchQuery(q), undefined, JSON.stringify(q));
});

test('ANDs terms separated by ASCII or full-width spaces', () => {
  assert.deepEqual(parse('外交 中国'), { all: [['外交'], ['中国']], none: [] });
  assert.deepEqual(parse('外交\u3000中国\u3000 TPP'), { all: [['外交'], ['中国'], ['tpp']], none: [] });
});

test('separates words at control characters, as the index does, instead of losing the query', () => {
  assert.deepEqual(parse('外交\u0001中国'), { all: [['外交'], ['中国']], none: [] });
  assert.deepEqual(parse('\u0000外交\u007f'), { all: [['外交']], none: [] });
  assert.deepEqual(parse('"外交\u0009政策"'), { all: [['外交 政策']], none: [] });
  assert.equal(parse('\u0001\u0002'), undefined);
});

test('normalises each term as the index does', () => {
  assert.deepEqual(parse('ＡＤＭＭ ２＋２ ｶﾀｶﾅ 髙橋'), { all: [['admm'], ['2+2'], ['カタカナ'], ['高橋']], none: [] });
});

test('keeps a quoted phrase whole, with ASCII, curly or full-width quotes', () => {
  assert.deepEqual(parse('"外交 政策" 中国'), { all: [['外交 政策'], ['中国']], none: [] });
  assert.deepEqual(parse('“外交　政策”'), { all: [['外交 政策']], none: [] });
  assert.deepEqual(parse('＂外交  政策＂'), { all: [['外交 政策']], none: [] });
});

test('runs an unclosed quote to the end of the query', () => {
  assert.deepEqual(parse('中国 "外交 政策'), { all: [['中国'], ['外交 政策']], none: [] });
});

test('excludes a term after a minus, ASCII or full-width', () => {
  assert.deepEqual(parse('中国 -中国地方'), { all: [['中国']], none: ['中国地方'] });
  assert.deepEqual(parse('中国\u3000－中国地方'), { all: [['中国']], none: ['中国地方'] });
  assert.deepEqual(parse('外交 -"海外 交流"'), { all: [['外交']], none: ['海外 交流'] });
});

test('reads a minus alone or inside a word as text', () => {
  assert.deepEqual(parse('- 外交'), { all: [['-'], ['外交']], none: [] });
  assert.deepEqual(parse('日米-豪'), { all: [['日米-豪']], none: [] });
});

test('accepts either of terms joined by OR, in capitals, ASCII or full-width', () => {
  assert.deepEqual(parse('外交 OR 中国'), { all: [['外交', '中国']], none: [] });
  assert.deepEqual(parse('TPP OR ADMM OR "2+2" 協力'), { all: [['tpp', 'admm', '2+2'], ['協力']], none: [] });
  assert.deepEqual(parse('外交\u3000ＯＲ\u3000中国'), { all: [['外交', '中国']], none: [] });
});

test('reads a lower-case or quoted or, and an OR with nothing before it, as ordinary words or nothing', () => {
  assert.deepEqual(parse('外交 or 中国'), { all: [['外交'], ['or'], ['中国']], none: [] });
  assert.deepEqual(parse('外交 "OR" 中国'), { all: [['外交'], ['or'], ['中国']], none: [] });
  assert.deepEqual(parse('OR 外交'), { all: [['外交']], none: [] });
  assert.deepEqual(parse('外交 OR'), { all: [['外交']], none: [] });
});

test('treats the characters of the search engine syntax as text', () => {
  assert.deepEqual(parse('NEAR(外交 中国)'), { all: [['near(外交'], ['中国)']], none: [] });
  assert.deepEqual(parse('title:外交 * ^中国 {a}'), { all: [['title:外交'], ['*'], ['^中国'], ['{a}']], none: [] });
  assert.deepEqual(parse('AND NOT'), { all: [['and'], ['not']], none: [] });
});

test('gives the terms to highlight: every term looked for, not the excluded ones', () => {
  const query = parseSearchQuery('外交 OR 中国 協力 -地方')!;
  assert.deepEqual(
    positiveTerms(query).map((t) => t.text),
    ['外交', '中国', '協力'],
  );
  assert.deepEqual(
    positiveTerms(query).map((t) => t.display),
    ['外交', '中国', '協力'],
  );
});

test(`refuses a query over ${MAX_QUERY_CHARS} characters, counting code points`, () => {
  assert.throws(
    () => parseSearchQuery('外'.repeat(MAX_QUERY_CHARS + 1)),
    (error: unknown) => error instanceof ValidationError && 'q' in error.fields,
  );
  assert.throws(() => parseSearchQuery('"'.repeat(10_000)), ValidationError);
  assert.ok(parseSearchQuery('外'.repeat(MAX_QUERY_CHARS)));
  // 200 characters outside the BMP are 400 code units.
  assert.ok(parseSearchQuery('𠮷'.repeat(MAX_QUERY_CHARS)));
});

test(`refuses more than ${MAX_TERMS} terms`, () => {
  const words = Array.from({ length: MAX_TERMS + 1 }, (_, i) => `語${i}`);
  assert.throws(() => parseSearchQuery(words.join(' ')), ValidationError);
  assert.throws(() => parseSearchQuery(`${words.slice(0, MAX_TERMS).join(' ')} -除外`), ValidationError);
  assert.ok(parseSearchQuery(words.slice(0, MAX_TERMS).join(' ')));
});

test('refuses a query of exclusions only, saying why', () => {
  assert.throws(
    () => parseSearchQuery('-外交'),
    (error: unknown) => error instanceof ValidationError && /除外/.test(error.fields.q ?? ''),
  );
  assert.throws(() => parseSearchQuery('－外交 -"中国"'), ValidationError);
});

test('returns a query or throws a ValidationError for any string, never anything else', () => {
  fc.assert(
    fc.property(anyQuery, (input) => {
      let query: SearchQuery | undefined;
      try {
        query = parseSearchQuery(input);
      } catch (error) {
        assert.ok(error instanceof ValidationError, `${JSON.stringify(input)}: ${String(error)}`);
        return;
      }
      if (!query) return;
      assert.ok(query.all.length > 0);
      for (const term of [...query.all.flat(), ...query.none]) {
        assert.notEqual(term.text, '');
        assert.equal(term.text, term.text.trim());
      }
    }),
    { numRuns: 2000 },
  );
});

test(`accepts at most ${MAX_ONE_CHARACTER_TERMS} term ending in a lone character, wherever it stands`, () => {
  for (const q of ['外', '外交 外', '- 外交', '外交 OR 会 OR 地域', '外交 -会', '"外交 の"']) assert.ok(parseSearchQuery(q), q);
  for (const q of ['の を', 'の を に は が で と 地 会 行', '外交 -の -を', '外交 OR 会 OR 地', '"外交 の" 会', 'a b']) {
    assert.throws(
      () => parseSearchQuery(q),
      (error: unknown) => error instanceof ValidationError && error.fields.q === ONE_CHARACTER_MESSAGE,
      q,
    );
  }
});

test(`refuses a page whose results lie past the ${MAX_RESULT_DEPTH}th`, () => {
  checkSearchDepth(MAX_RESULT_DEPTH / 20, 20);
  checkSearchDepth(MAX_RESULT_DEPTH / 100, 100);
  for (const [page, perPage] of [
    [MAX_RESULT_DEPTH / 20 + 1, 20],
    [MAX_RESULT_DEPTH / 100 + 1, 100],
    [100_000, 1],
  ]) {
    assert.throws(
      () => checkSearchDepth(page!, perPage!),
      (error: unknown) => error instanceof ValidationError && error.fields.q === DEPTH_MESSAGE,
    );
  }
  assert.ok(DEPTH_MESSAGE.includes(`${MAX_RESULT_DEPTH.toLocaleString('ja-JP')}件目`), DEPTH_MESSAGE);
});
