import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchDocument } from '../../../src/domain/search/document.js';
import { normalizeForSearch } from '../../../src/domain/search/normalize.js';
import {
  forEachWordPlace,
  indexWords,
  termWords,
  WORD_END,
  WORD_GAP_MARK,
  WORD_START,
  wordEdges,
  wordPhraseVariants,
  wordsOf,
  wordTokens,
} from '../../../src/domain/search/words.js';

const words = (text: string) => wordsOf(normalizeForSearch(text));
/** indexWords with the mark written as `|`, for reading. */
const marked = (text: string) => indexWords(normalizeForSearch(text)).map((w) => w.replace(WORD_GAP_MARK, '|'));

test('finds 外交 as a word in 日本の外交, not inside 海外交流 or 対外交渉', () => {
  assert.ok(words('日本の外交の基本方針を説明した。').includes('外交'));
  assert.ok(!words('中学生の海外交流事業について説明があった。').includes('外交'));
  assert.ok(!words('今後の対外交渉では地方の実情を踏まえてほしい。').includes('外交'));
});

test('finds 中国 as a word in 中国の動向, not inside 中国地方', () => {
  assert.ok(words('中国の動向を含む地域の安全保障環境').includes('中国'));
  assert.ok(!words('中国地方の各県が連携して取り組む').includes('中国'));
});

test('leaves punctuation out of the words and encodes ASCII symbols inside a word', () => {
  assert.deepEqual(words('「外交」、中国。'), ['外交', '中国']);
  assert.deepEqual(wordsOf('example.jp'), ['example．jp']);
});

test('cuts a very long word to its first 32 characters, the rest being no word', () => {
  assert.deepEqual(wordsOf('a'.repeat(100)), ['a'.repeat(32)]);
  const places: [number, number][] = [];
  forEachWordPlace(`${'a'.repeat(40)}の`, (start, end) => places.push([start, end]));
  assert.deepEqual(places, [
    [0, 32],
    [40, 41],
  ]);
});

test('gives the places of the words in UTF-16 units, a surrogate pair counting two', () => {
  const places: [number, number, boolean][] = [];
  forEachWordPlace('𠮷野家の3.5%', (start, end, isLatin) => places.push([start, end, isLatin]));
  assert.deepEqual(places, [
    [0, 3, false],
    [3, 4, false],
    [4, 5, false],
    [5, 8, true],
  ]);
});

test('marks in the index each word that the next word of its text does not follow at once', () => {
  assert.deepEqual(marked('外交、政策'), ['外交|', '政策|']);
  assert.deepEqual(marked('外交 政策'), ['外交|', '政策|']);
  assert.deepEqual(marked('外交政策'), ['外交', '政策|']);
  assert.deepEqual(marked('日本の外交政策を説明した。'), ['日本', 'の', '外交', '政策', 'を', '説明', 'した|']);
  // A long Latin run: its first 32 letters are a word, cut from the next word by the rest.
  assert.deepEqual(marked(`${'x'.repeat(40)}と`), [`${'x'.repeat(32)}|`, 'と|']);
  assert.deepEqual(indexWords(''), []);
  assert.equal(wordTokens('外交、政策'), `外交${WORD_GAP_MARK} 政策${WORD_GAP_MARK}`);
});

test('gives the words of a query term made of words only, to be found one after another', () => {
  assert.deepEqual(termWords('外交'), ['外交']);
  assert.deepEqual(termWords('外交政策'), ['外交', '政策']);
  // 子育て is 子育 | て: the script changes; the text is cut the same way, so the term is found as words.
  assert.deepEqual(termWords('子育て支援'), ['子育', 'て', '支援']);
  assert.deepEqual(termWords('example.jp'), ['example．jp']);
  assert.deepEqual(termWords('𠮷野家'), ['𠮷野', '家']);
});

test('gives no words for a term holding punctuation, a space or a cut-off word: it never stands as words', () => {
  assert.deepEqual(termWords('2+2'), []);
  assert.deepEqual(termWords('外交、'), []);
  assert.deepEqual(termWords('、外交'), []);
  assert.deepEqual(termWords('外交 政策'), []);
  assert.deepEqual(termWords('x'.repeat(40)), []);
  assert.deepEqual(termWords('x'.repeat(32)), ['x'.repeat(32)]);
  assert.deepEqual(termWords('「」'), []);
  assert.deepEqual(termWords(''), []);
});

test("gives the two token sequences of the index that stand for a term's words", () => {
  assert.deepEqual(wordPhraseVariants(['外交', '政策']), [
    ['外交', '政策'],
    ['外交', `政策${WORD_GAP_MARK}`],
  ]);
  assert.deepEqual(wordPhraseVariants(['外交']), [['外交'], [`外交${WORD_GAP_MARK}`]]);
  assert.deepEqual(wordPhraseVariants([]), []);
});

test('gives where words start and end, per UTF-16 unit', () => {
  const S = WORD_START;
  const E = WORD_END;
  // 外交 | 、 | 政策 | の
  assert.deepEqual([...wordEdges('外交、政策の')], [S, E, 0, S, E, S | E]);
  // 𠮷野 | 家: a surrogate pair's flags on its first unit.
  assert.deepEqual([...wordEdges('𠮷野家')], [S, 0, E, S | E]);
  assert.deepEqual([...wordEdges('𠮷')], [S | E, 0]);
  // A cut-off long word ends at its 32nd letter; its rest has no edges.
  const long = wordEdges(`${'x'.repeat(34)}.`);
  assert.deepEqual([...long], [S, ...new Array(30).fill(0), E, 0, 0, 0]);
});

test("builds a search document from the normalised title and text, the title's last word marked", () => {
  const doc = searchDocument('ＴＰＰの説明', '髙橋氏と外交\n政策');
  assert.equal(doc.title, 'tp pp pの の説 説明 明');
  assert.equal(doc.body, '高橋 橋氏 氏と と外 外交 交 政策 策');
  const M = WORD_GAP_MARK;
  assert.equal(doc.words, `tpp の 説明${M} 高橋 氏 と 外交${M} 政策${M}`);
  // A title ending in 外交 and a body opening with 政策: the words never run on from one into the other.
  assert.equal(searchDocument('日本の外交', '政策の説明').words, `日本 の 外交${M} 政策 の 説明${M}`);
});

test('cuts a run of kanji into two-character words from its start: 海外 | 交流, 安全 | 保障, 国土 | 交通 | 省', () => {
  assert.deepEqual(words('海外交流事業'), ['海外', '交流', '事業']);
  assert.deepEqual(words('安全保障'), ['安全', '保障']);
  assert.deepEqual(words('国土交通省'), ['国土', '交通', '省']);
  assert.deepEqual(words('厚生労働委員会'), ['厚生', '労働', '委員', '会']);
  assert.deepEqual(words('相手国'), ['相手', '国']);
});

test('cuts a three-kanji run after a prefix, and a longer odd run at a suffix', () => {
  assert.deepEqual(words('新政策'), ['新', '政策']);
  assert.deepEqual(words('各地域'), ['各', '地域']);
  assert.deepEqual(words('二国間関係'), ['二国', '間', '関係']);
  assert.deepEqual(words('中山間地域'), ['中山', '間', '地域']);
  assert.deepEqual(words('研究者会議'), ['研究', '者', '会議']);
});

test('keeps the names of the Chūgoku region whole, so 中国 (China) does not stand in them', () => {
  assert.deepEqual(words('中国地方整備局'), ['中国地方', '整備', '局']);
  assert.deepEqual(words('中国山地'), ['中国山地']);
  assert.deepEqual(words('中国電力の発電所'), ['中国電力', 'の', '発電', '所']);
  assert.deepEqual(words('中国経済'), ['中国', '経済']);
});

test('takes a run of kana as one word: particles, okurigana, katakana loanwords', () => {
  assert.deepEqual(words('日本の外交について説明した。'), ['日本', 'の', '外交', 'について', '説明', 'した']);
  assert.deepEqual(words('マイナンバーカードとデジタル・トランスフォーメーション'), ['マイナンバーカード', 'と', 'デジタル', 'トランスフォーメーション']);
  assert.deepEqual(words('ｶﾞｿﾘﾝ税'), ['ガソリン', '税']);
  assert.deepEqual(words('すごーい'), ['すごーい']);
});

test('takes Latin words and numbers whole, with the dots and commas inside them, and one kanji as a word', () => {
  assert.deepEqual(words('G7サミットとTPP11'), ['g7', 'サミット', 'と', 'tpp11']);
  assert.deepEqual(words('2024年度の予算は1,000億円、成長率は3.5%'), ['2024', '年度', 'の', '予算', 'は', '1，000', '億円', '成長', '率', 'は', '3．5']);
  assert.deepEqual(words('霞ヶ関の国'), ['霞ヶ', '関', 'の', '国']);
  assert.deepEqual(words('鱧'), ['鱧']);
  assert.deepEqual(words('𠮷野家'), ['𠮷野', '家']);
});

test('finds a term as words in a text exactly when one of its token sequences stands among the index words', () => {
  const standsIn = (term: string, text: string) => {
    const index = ` ${indexWords(normalizeForSearch(text)).join(' ')} `;
    return wordPhraseVariants(termWords(normalizeForSearch(term))).some((variant) => index.includes(` ${variant.join(' ')} `));
  };
  assert.ok(standsIn('外交政策', '日本の外交政策を説明した'));
  assert.ok(standsIn('外交政策', '外交政策'));
  assert.ok(standsIn('外交', '外交、政策'));
  assert.ok(standsIn('政策', '外交、政策'));
  assert.ok(!standsIn('外交政策', '外交、政策'));
  assert.ok(!standsIn('外交政策', '外交 政策'));
  assert.ok(standsIn('日本の外交の基本方針', '日本の外交の基本方針を説明した'));
  assert.ok(!standsIn('外交', '海外交流事業'));
  assert.ok(!standsIn('国', '全国'));
  assert.ok(standsIn('国', '国の動き'));
});

test("finds a term as words exactly where the text's word edges over it equal the term's own (the static search's test)", () => {
  const byEdges = (term: string, text: string) => {
    const t = normalizeForSearch(term);
    const x = normalizeForSearch(text);
    if (termWords(t).length === 0) return false;
    const own = wordEdges(t);
    const edges = wordEdges(x);
    for (let at = x.indexOf(t); at !== -1; at = x.indexOf(t, at + 1)) if (own.every((e, i) => edges[at + i] === e)) return true;
    return false;
  };
  const byIndex = (term: string, text: string) => {
    const index = ` ${indexWords(normalizeForSearch(text)).join(' ')} `;
    return wordPhraseVariants(termWords(normalizeForSearch(term))).some((variant) => index.includes(` ${variant.join(' ')} `));
  };
  const texts = ['日本の外交政策を説明した', '外交、政策', '外交 政策', '対外交政策', '新外交政策の議論', '𠮷野家の牛丼', 'example.jp の 3.14', `${'x'.repeat(40)}と`];
  const terms = ['外交', '政策', '外交政策', '交政', '𠮷野', '𠮷野家', '家の', 'example.jp', '3.14', '3', 'x'.repeat(32), `${'x'.repeat(32)}と`, 'と', 'の外交'];
  for (const text of texts) for (const term of terms) assert.equal(byEdges(term, text), byIndex(term, text), `${term} in ${text}`);
});
