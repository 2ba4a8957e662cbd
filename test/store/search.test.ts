import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { ValidationError } from '../../src/domain/errors.js';
import { searchDocument } from '../../src/domain/search/document.js';
import { normalizeForSearch } from '../../src/domain/search/normalize.js';
import { parseSearchQuery, type SearchQuery } from '../../src/domain/search/query.js';
import {
  clearSearchIndex,
  findFilteredHits,
  findSearchHits,
  indexReport,
  matchExpression,
  searchIndexBytes,
  unindexReport,
  wordExpressions,
  type SearchFilter,
} from '../../src/store/search.js';
import { engineOf } from '../../src/store/dialects/engine.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { draft, publishReport } from '../support/factories.js';
import { createReport } from '../../src/actions/reports/create-report.js';
import { buildSearchCorpus, categoryIdOf, hasAsWord, TIE_COUNT, TIE_TERM, trueIdsOf, type SearchCorpus } from '../support/search-corpus.js';

const ALL = { offset: 0, limit: 10_000 };

async function hits(site: TestSite, q: string, filter: SearchFilter = {}, page = ALL) {
  return findSearchHits(site.db, parseSearchQuery(q)!, filter, page);
}

describe('the index follows report writes', () => {
  let site: TestSite;
  before(async () => {
    site = await createTestSite();
  });
  after(() => site.cleanup());

  test('finds a report published, never a draft, and replaces or removes an entry', async () => {
    const published = await publishReport(site, { title: '鱒寿司の製造現場を視察', bodySource: '富山市で鱒寿司の製造現場を視察した。' });
    await createReport(site, draft({ title: '鱒寿司(下書き)', bodySource: '下書きの鱒寿司。' }), { status: 'draft' });
    assert.deepEqual(await hits(site, '鱒寿司'), { total: 1, ids: [published.id] });
    assert.deepEqual((await hits(site, '下書き')).total, 0);

    // Indexing again replaces the entry rather than adding a second one.
    await site.db.transaction().execute((trx) => indexReport(trx, published.id, searchDocument('ます寿司の製造現場を視察', '富山市でます寿司を見た。')));
    assert.deepEqual(await hits(site, 'ます寿司'), { total: 1, ids: [published.id] });
    assert.equal((await hits(site, '鱒寿司')).total, 0);
    await site.db.transaction().execute((trx) => indexReport(trx, published.id, searchDocument('ます寿司の製造現場を視察', '富山市でます寿司を見た。')));
    assert.deepEqual(await hits(site, 'ます寿司'), { total: 1, ids: [published.id] });

    await site.db.transaction().execute((trx) => unindexReport(trx, published.id));
    assert.equal((await hits(site, 'ます寿司')).total, 0);
    assert.equal((await hits(site, '富山')).total, 0);
  });

  test('leaves the index as it was when the report write fails', async () => {
    await publishReport(site, { title: '白えびの漁港を視察', bodySource: '白えびの漁港を視察した。', slug: 'shiroebi' });
    await assert.rejects(publishReport(site, { title: '白えびの加工場を視察', bodySource: '白えびの加工場を視察した。', slug: 'shiroebi' }));
    assert.equal((await hits(site, '白えび')).total, 1);
    assert.equal((await hits(site, '加工場')).total, 0);
  });

  test('is emptied by clearSearchIndex, and its size is measured', async () => {
    await publishReport(site, { title: 'ホタルイカの資源調査', bodySource: 'ホタルイカの資源調査について説明を受けた。' });
    const bytes = await searchIndexBytes(site.db);
    assert.ok(bytes > 0);
    await site.db.transaction().execute((trx) => clearSearchIndex(trx));
    assert.equal((await hits(site, 'ホタルイカ')).total, 0);
    assert.equal((await hits(site, 'の')).total, 0);
  });
});

describe('any query', () => {
  let site: TestSite;
  before(async () => {
    site = await createTestSite();
    for (const text of ['外交 と "中国" NEAR(a b) x:y *', '2+2 ADMM TPP', '-除外 OR 両方', "^{}[]()\\'"]) {
      await publishReport(site, { title: text, bodySource: text });
    }
  });
  after(() => site.cleanup());

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
    '[',
    ']',
    "'",
    '\\',
    ' ',
    '　',
    '外交',
    '中',
    'a',
    'x:y',
    '2',
    '\u0000',
    '\u0001',
    '\ud800',
    '\udc00',
    '𠮷',
    'ﾞ',
  ];
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
  const anyQuery = fc.oneof(
    fc.string({ unit: fc.constantFrom(...SYNTAX), maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 100 }),
    fc.string({ unit: codeUnit, maxLength: 60 }),
  );

  test('is parsed or refused with a ValidationError, and what is parsed never makes the search throw', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuery, fc.boolean(), async (input, isFiltered) => {
        let query: SearchQuery | undefined;
        try {
          query = parseSearchQuery(input);
        } catch (error) {
          assert.ok(error instanceof ValidationError, String(error));
          return;
        }
        if (!query) return;
        const result = await findSearchHits(site.db, query, isFiltered ? { year: 2024 } : {}, { offset: 0, limit: 20 });
        assert.ok(result.total >= result.ids.length);
      }),
      { numRuns: 1500 },
    );
  });

  test('finds the syntax characters themselves as text', async () => {
    assert.equal((await hits(site, 'x:y')).total, 1);
    assert.equal((await hits(site, 'NEAR(a')).total, 1);
    assert.equal((await hits(site, '"\\"')).total, 1);
    assert.equal((await hits(site, '*')).total, 1);
    assert.equal((await hits(site, '"-除外"')).total, 1);
  });

  test('ranks a filtered or many-term search for words that are only punctuation', async () => {
    // No word of the query can stand as a word, so there is no word score to order by.
    assert.equal((await hits(site, "'", { year: 2024 })).total, 1);
    assert.equal((await hits(site, '" ^', { year: 2024 })).total, 1);
    assert.equal((await hits(site, '" ^')).total, 1);
  });
});

describe('ranking', () => {
  let site: TestSite;
  let corpus: SearchCorpus;
  before(async () => {
    site = await createTestSite();
    corpus = await buildSearchCorpus(site, 260, 11);
  });
  after(() => site.cleanup());

  for (const term of ['外交', '中国', '交流', '地方', '国']) {
    test(`puts every report where ${term} stands as a word before every report where it is only inside another word`, async () => {
      const found = await hits(site, term);
      const byId = new Map(corpus.published.map((r) => [r.id, r]));
      const asWord = found.ids.map((id) => hasAsWord(byId.get(id)!, term));
      const firstInside = asWord.indexOf(false);
      const wordHits = firstInside === -1 ? asWord.length : firstInside;
      assert.ok(
        asWord.slice(wordHits).every((x) => !x),
        `${term}: a word hit after an inner hit`,
      );
      assert.ok(wordHits > 0, 'some reports have it as a word');
      // The traps: 外交 inside 海外交流 and 対外交渉, 中国 inside 中国地方.
      if (term === '外交' || term === '中国') assert.ok(asWord.length - wordHits > 5, 'some reports have it only inside words');
      assert.deepEqual(
        [...found.ids].sort((a, b) => a - b),
        trueIdsOf(corpus, term),
      );
    });
  }

  const SINGLE = [
    '外交',
    '中国',
    '協力',
    '地域',
    '交流',
    '説明',
    '支援',
    'について',
    'の',
    '外',
    '国',
    '2+2',
    'tpp',
    '中国地方',
    '海外交流',
    '外交 OR 中国',
    'TPP OR ADMM',
    '"1 二国間関係"',
    TIE_TERM,
    '外交 OR 国',
    'の -外交',
  ];
  for (const q of SINGLE) {
    test(`orders ${q} the same way on the fast path and on the general path, page after page`, async () => {
      const query = parseSearchQuery(q)!;
      const match = matchExpression(query)!;
      const words = wordExpressions(query);
      const total = (await findSearchHits(site.db, query, {}, { offset: 0, limit: 1 })).total;
      assert.ok(total > 0, q);
      const wordTotal =
        words.length === 0 ? 0 : corpus.published.filter((r) => query.all[0]!.some((t) => hasAsWord(r, t.text) && trueIdsOf(corpus, t.text).includes(r.id))).length;
      const offsets = [0, 20, 40, Math.max(0, wordTotal - 7), Math.max(0, total - 20), Math.max(0, total - 3)];
      const everything = await findSearchHits(site.db, query, {}, ALL);
      // PostgreSQL has one plan: there every page must be the slice of the whole order.
      const isPostgres = engineOf(site.db) === 'postgres';
      for (const offset of offsets) {
        const page = { offset, limit: 20 };
        const fast = await findSearchHits(site.db, query, {}, page);
        const general = isPostgres ? { total, ids: everything.ids.slice(offset, offset + 20) } : await findFilteredHits(site.db, match, words, {}, page);
        assert.deepEqual(fast, general, `${q} at ${offset}`);
      }
      if (!isPostgres) assert.deepEqual(everything, await findFilteredHits(site.db, match, words, {}, ALL));
      assert.equal(everything.ids.length, total);
    });
  }

  test('orders reports tied in score by newer activity date, then higher id, on both paths and across pages', async () => {
    const ties = corpus.published.filter((r) => r.bodyText.includes(TIE_TERM));
    assert.equal(ties.length, TIE_COUNT);
    const expected = [...ties].sort((a, b) => b.activityDate.localeCompare(a.activityDate) || b.id - a.id).map((r) => r.id);
    const party = await categoryIdOf(site, 'party');
    for (const filter of [{}, { categoryId: party }]) {
      const paged: number[] = [];
      for (let offset = 0; offset < TIE_COUNT; offset += 20) paged.push(...(await hits(site, TIE_TERM, filter, { offset, limit: 20 })).ids);
      assert.deepEqual(paged, expected, JSON.stringify(filter));
      assert.deepEqual((await hits(site, TIE_TERM, filter, { offset: 17, limit: 6 })).ids, expected.slice(17, 23));
    }
  });

  test('ranks a report with the term in its title above the same text with it only in the body', async () => {
    const inTitle = await publishReport(site, { title: '蛍烏賊の報告', bodySource: '今日の報告。', activityDate: '2013-01-01' });
    const inBody = await publishReport(site, { title: '今日の報告', bodySource: '蛍烏賊の報告。', activityDate: '2025-01-01' });
    assert.deepEqual((await hits(site, '蛍烏賊')).ids, [inTitle.id, inBody.id]);
  });

  test('ranks a term as words only where its words follow one another in the title or in the body, nothing between them', async () => {
    // Each report holds 外交政策 as text inside 対外交政策 (対外 | 交政 | 策: not as words), the
    // first two twice in a short body (the higher bm25), the last two once in a long one.
    const inside = '対外交政策の見直しと対外交政策の課題を議論した。';
    const longer = '委員から質問があり、担当者が答えた。'.repeat(20);
    const afterComma = await publishReport(site, { title: '委員会の報告', bodySource: `外交、政策の順に${inside}`, activityDate: '2003-01-01' });
    const acrossTitle = await publishReport(site, { title: '委員会の外交', bodySource: `政策の順に${inside}`, activityDate: '2003-01-02' });
    const together = await publishReport(site, { title: '委員会の報告', bodySource: `外交政策の順に対外交政策を議論した。${longer}`, activityDate: '2003-01-03' });
    // Followed by punctuation, the last word is marked in the index: it stands as words all the same.
    const beforeStop = await publishReport(site, { title: '委員会の報告', bodySource: `対外交政策を議論した。${longer}議題は外交政策。`, activityDate: '2003-01-04' });
    const mine = new Set([afterComma.id, acrossTitle.id, together.id, beforeStop.id]);
    for (const filter of [{}, { year: 2003 }]) {
      const order = (await hits(site, '外交政策', filter)).ids.filter((id) => mine.has(id));
      assert.equal(order.length, 4, JSON.stringify(filter));
      assert.deepEqual(new Set(order.slice(0, 2)), new Set([together.id, beforeStop.id]), `外交政策 stands as words in two reports ${JSON.stringify(filter)}`);
    }
  });

  test('normalises queries and text alike', async () => {
    assert.deepEqual(await hits(site, 'ＴＰＰ'), await hits(site, 'tpp'));
    assert.deepEqual((await hits(site, 'ｶﾞｿﾘﾝ税')).total, trueIdsOf(corpus, normalizeForSearch('ガソリン税')).length);
  });
});
