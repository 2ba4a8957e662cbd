// Ground truth: on a generated corpus with traps and rare terms at known places, every
// search finds exactly the published reports whose normalised title or text contains the
// words (brute force), page after page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { searchReports, type SearchResult } from '../../src/actions/search/search-reports.js';
import { normalizeForSearch } from '../../src/domain/search/normalize.js';
import { parseSearchQuery } from '../../src/domain/search/query.js';
import type { SearchFilter } from '../../src/store/search.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { buildSearchCorpus, categoryIdOf, TIE_TERM, trueIds, trueIdsOf, type SearchCorpus } from '../support/search-corpus.js';

const PER_PAGE = 20;
let site: TestSite;
let corpus: SearchCorpus;

before(async () => {
  site = await createTestSite();
  corpus = await buildSearchCorpus(site, 260);
});
after(() => site.cleanup());

/** Every page of results: the ids in order, checking that each page agrees on the total. */
async function searchAll(q: string, filter: SearchFilter = {}): Promise<{ total: number; ids: number[]; pages: SearchResult[] }> {
  const pages: SearchResult[] = [];
  const ids: number[] = [];
  let total = -1;
  for (let page = 1; ; page++) {
    const result = await searchReports(site.db, { q, filter, page, perPage: PER_PAGE });
    if (total === -1) total = result.total;
    assert.equal(result.total, total, `${q}: page ${page} gives another total`);
    pages.push(result);
    ids.push(...result.items.map((i) => i.report.id));
    if (result.items.length < PER_PAGE) break;
  }
  assert.equal(new Set(ids).size, ids.length, `${q}: a report appears twice`);
  return { total, ids, pages };
}

const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);

async function assertTruth(q: string, filter: SearchFilter = {}): Promise<number> {
  const query = parseSearchQuery(q)!;
  const truth = trueIds(corpus, query, filter);
  const found = await searchAll(q, filter);
  assert.equal(found.total, truth.length, `${q}: total`);
  assert.deepEqual(sorted(found.ids), truth, `${q}: ids`);
  return truth.length;
}

describe('rare terms with known counts', () => {
  const KNOWN: [string, number][] = [
    ['鱧', 4], // 1 character, once in a title; a fifth in a draft
    ['蕨市', 2],
    ['五箇山', 3],
    ['鳴門海峡', 4], // once in a title, once in a draft; split by a line break or between title and body twice
    ['瀬戸内海島嶼振興', 3], // 8 characters; a fourth in a draft
    ['IPEF', 3],
    ['ＩＰＥＦ', 3],
    ['ipef', 3],
    ['4649', 3],
    ['４６４９', 3],
    ['G7サミット', 4],
    ['Ｇ７サミット', 4],
    ['g7サミット', 4],
    ['ガソリン税', 2],
    ['ｶﾞｿﾘﾝ税', 2],
    ['髙橋', 3],
    ['高橋', 3],
    ['山﨑', 2],
    ['山崎', 2],
    ['德永', 1],
    ['徳永', 1],
    ['濵口', 1],
    ['浜口', 1],
    ['幻灯機', 0],
  ];
  for (const [q, count] of KNOWN) {
    test(`finds ${q} in exactly ${count} published reports`, async () => {
      assert.equal(await assertTruth(q), count);
    });
  }
});

describe('traps and common words', () => {
  const WORDS = [
    '外交',
    '海外交流',
    '対外交渉',
    '中国',
    '中国地方',
    'TPP',
    'ＴＰＰ',
    'ADMM',
    'ＡＤＭＭ',
    '２＋２',
    '2+2',
    '交流',
    '協力',
    '地域',
    '外',
    '国',
    '交',
    '。',
    '(',
    '1',
    'の外交',
    '日本の外交の基本方針',
    TIE_TERM,
  ];
  for (const q of WORDS) {
    test(`finds ${q} exactly in the reports that contain it`, async () => {
      await assertTruth(q);
    });
  }

  test('counts the traps as the corpus plans them, so the checks above are not vacuous', () => {
    const count = (t: string) => trueIdsOf(corpus, normalizeForSearch(t)).length;
    assert.ok(count('海外交流') > 5 && count('対外交渉') > 5 && count('中国地方') > 5);
    // 外交 is found in the trap words as well as on its own.
    const alone = corpus.published.filter((r) => `${r.title}\n${r.bodyText}`.replace(/海外交流|対外交渉/g, '').includes('外交')).length;
    assert.ok(count('外交') > alone && alone > 20);
  });
});

describe('query language', () => {
  const ids = (t: string) => new Set(trueIdsOf(corpus, normalizeForSearch(t)));
  const and = (a: Set<number>, b: Set<number>) => new Set([...a].filter((x) => b.has(x)));
  const or = (a: Set<number>, b: Set<number>) => new Set([...a, ...b]);
  const minus = (a: Set<number>, b: Set<number>) => new Set([...a].filter((x) => !b.has(x)));

  const CASES: [string, () => Set<number>][] = [
    ['外交 中国', () => and(ids('外交'), ids('中国'))],
    ['外交\u3000中国 協力', () => and(and(ids('外交'), ids('中国')), ids('協力'))],
    ['外交 OR 中国', () => or(ids('外交'), ids('中国'))],
    ['TPP OR ADMM OR "2+2"', () => or(or(ids('TPP'), ids('ADMM')), ids('2+2'))],
    ['外交 -中国', () => minus(ids('外交'), ids('中国'))],
    ['中国 -中国地方', () => minus(ids('中国'), ids('中国地方'))],
    ['中国 －中国地方', () => minus(ids('中国'), ids('中国地方'))],
    ['外交 -海外交流 -対外交渉', () => minus(minus(ids('外交'), ids('海外交流')), ids('対外交渉'))],
    ['外交 OR 交流 -"海外 交流" 外', () => and(minus(or(ids('外交'), ids('交流')), ids('海外 交流')), ids('外'))],
    ['鱧 OR 蕨市 OR 五箇山', () => or(or(ids('鱧'), ids('蕨市')), ids('五箇山'))],
  ];
  for (const [q, expected] of CASES) {
    test(`${q} gives the set arithmetic of its terms`, async () => {
      const found = await searchAll(q);
      assert.deepEqual(sorted(found.ids), sorted(expected()));
      assert.equal(found.total, expected().size);
      assert.ok(found.total > 0);
    });
  }

  test('finds a quoted phrase across white space (section headings)', async () => {
    const heading = corpus.published.map((r) => /^\d (\S+)$/m.exec(r.bodyText)?.[0]).find((h) => h !== undefined)!;
    assert.ok((await assertTruth(`"${heading}"`)) > 0);
  });

  test('never finds syntax characters as syntax', async () => {
    const onlyQuote = await searchReports(site.db, { q: '"', filter: {}, page: 1, perPage: 20 });
    assert.deepEqual([onlyQuote.query, onlyQuote.total], [undefined, 0]);
    for (const q of ['NEAR(外交 中国)', '外交*', '*', 'title:外交', '外交 OR', '(中国', '^外交', 'a:b:c', '{外交}', '外交 AND 中国', '"外交" NOT 中国']) {
      await assertTruth(q);
    }
  });
});

describe('filters', () => {
  test('by year and category, the truth restricted to them', async () => {
    const diplomacy = await categoryIdOf(site, 'diplomacy');
    const local = await categoryIdOf(site, 'local');
    for (const q of ['外交', '中', '中国 -中国地方', '鳴門海峡']) {
      for (const filter of [{ year: 2016 }, { categoryId: diplomacy }, { categoryId: local }, { year: 2021, categoryId: diplomacy }, { year: 1999 }]) {
        await assertTruth(q, filter);
      }
    }
  });
});

describe('results', () => {
  test('show the title and a snippet, marking a match in one or the other', async () => {
    const found = await searchAll('外交 OR 鳴門海峡');
    for (const item of found.pages.flatMap((p) => p.items)) {
      const marks = [...item.title, ...item.snippet].filter((p) => p.isMatch).map((p) => normalizeForSearch(p.text));
      assert.ok(marks.length > 0, item.report.title);
      for (const m of marks) assert.ok(m.includes('外交') || m.includes('鳴門海峡'), m);
    }
  });

  test('are nothing for an empty box and a ValidationError for a query of exclusions only', async () => {
    const empty = await searchReports(site.db, { q: '\u3000', filter: {}, page: 1, perPage: 20 });
    assert.deepEqual({ query: empty.query, total: empty.total, items: empty.items }, { query: undefined, total: 0, items: [] });
    await assert.rejects(searchReports(site.db, { q: '-外交', filter: {}, page: 1, perPage: 20 }), { code: 'VALIDATION_FAILED' });
  });

  test('past the last page are empty, with the total', async () => {
    const result = await searchReports(site.db, { q: '鱧', filter: {}, page: 3, perPage: 20 });
    assert.deepEqual([result.total, result.items.length], [4, 0]);
  });
});

describe('property', () => {
  test('any substring of 1 to 10 characters of a published report finds that report, and exactly the reports containing it', async () => {
    const QUOTES = /["“”＂]/;
    const substring = fc
      .tuple(fc.nat(), fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 10 }))
      .map(([which, isTitle, at, length]) => {
        const report = corpus.published[which % corpus.published.length]!;
        const chars = [...(isTitle ? report.title : report.bodyText)];
        const start = at % chars.length;
        // Not across white space: the query would read it as two words.
        let end = start;
        while (end < chars.length && end - start < length && !/\s/.test(chars[end]!)) end++;
        return { report, text: chars.slice(start, end).join('') };
      })
      .filter(({ text }) => text !== '');
    await fc.assert(
      fc.asyncProperty(substring, async ({ report, text }) => {
        // A leading minus, a quote or a lone OR would be syntax: quote the words instead.
        const isSyntax = QUOTES.test(text.normalize('NFKC')) || text.normalize('NFKC').startsWith('-') || text.normalize('NFKC') === 'OR';
        if (isSyntax && QUOTES.test(text)) return;
        const q = isSyntax ? `"${text}"` : text;
        const query = parseSearchQuery(q)!;
        assert.deepEqual(
          query.all.map((g) => g.map((t) => t.text)),
          [[normalizeForSearch(text)]],
          q,
        );
        const found = await searchReports(site.db, { q, filter: {}, page: 1, perPage: 1000 });
        const ids = found.items.map((i) => i.report.id);
        assert.ok(ids.includes(report.id), `${q} misses report ${report.id}`);
        assert.deepEqual(sorted(ids), trueIds(corpus, query), q);
      }),
      { numRuns: 300 },
    );
  });
});
