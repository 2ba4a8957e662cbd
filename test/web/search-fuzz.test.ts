// Thousands of random search words, as browsers and hand-written URLs send them: whatever
// q holds, the search page answers 200 or 400 with a Japanese page and the API with JSON.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../support/app.js';
import { addCategory, publishReport, setSettings } from '../support/factories.js';

let t: TestApp;

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await setSettings(site);
      await addCategory(site, 'diplomacy', '外交・安全保障');
      await publishReport(site, {
        title: '外交の報告 "引用" (括弧)',
        bodySource: '外交: TPP と ２＋２ の会合。-減税 OR 増税 NEAR 髙橋 * <script>',
        activityDate: '2024-05-01',
        categorySlug: 'diplomacy',
      });
      for (let i = 1; i <= 22; i++) await publishReport(site, { title: `地元の集会${i}`, activityDate: `2023-01-${String(i).padStart(2, '0')}` });
    },
  });
});
after(async () => t.close());

/** Percent-encodes every UTF-8 byte; a lone surrogate gets the three bytes UTF-8 forbids. */
function encodeLoosely(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (cp >= 0xd800 && cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    const bytes =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/** Text a reader might type, or anything at all: operators, quotes, brackets, any code unit. */
const typed = fc.oneof(
  fc.constantFrom(
    '外交',
    '外',
    'TPP',
    'ＴＰＰ',
    '2+2',
    '２＋２',
    '髙橋',
    'a',
    '地元',
    'OR',
    'ＯＲ',
    'or',
    'NEAR',
    'NEAR/3',
    'AND',
    'NOT',
    '*',
    '^',
    '"',
    '“',
    '”',
    '＂',
    '(',
    ')',
    '（',
    '）',
    ':',
    'title:',
    'body:',
    '{title body}:',
    '-',
    '－',
    '−',
    '--',
    '-"',
    ' ',
    '　',
    '\t',
    '\n',
    '\u0000',
    '\u0085',
    '\u200b',
    '\ufeff',
    '\ufffe',
    '\ud800',
    '\udfff',
    '<script>',
    '&amp;',
    '%',
  ),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

/** Pieces of a raw query value: typed text encoded, or encodings a browser would never send. */
const rawPiece = fc.oneof(
  { weight: 6, arbitrary: typed.map(encodeLoosely) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '%E3%81',
      '%FF',
      '%',
      '%G1',
      '%C0%AF',
      '%ED%A0%80',
      '%F4%90%80%80',
      '%E3%80%80',
      '+',
      '%20',
      '%2B',
      '%22',
      '%00',
      '%1F',
      '%7F',
      '%C2%85',
      '&',
      '=',
      '#',
      '%26q%3D',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0')}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('%22'.repeat(10000), '+'.repeat(3000), '%E3%80%80'.repeat(1000), 'OR+'.repeat(500), '-'.repeat(300), encodeLoosely('外交 '.repeat(80))),
  },
);
const q = fc.array(rawPiece, { maxLength: 12 }).map((pieces) => pieces.join(''));
const extra = fc.constantFrom('', '&page=2', '&page=999999', '&year=2024', '&year=', '&category=diplomacy', '&category=', '&limit=5', '&limit=100', '&q=again');

async function assertAnswered(url: string, isApi: boolean): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url });
  assert.ok(res.statusCode < 500, `${url.slice(0, 300)} → ${res.statusCode}`);
  if (res.statusCode === 200 || res.statusCode === 400) {
    if (isApi) {
      assert.match(res.headers['content-type'] as string, /^application\/json/, url.slice(0, 300));
      JSON.parse(res.body);
    } else {
      assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/, url.slice(0, 300));
      assert.match(res.body, /<html lang="ja">/, url.slice(0, 300));
      // Nothing the reader sent may stay a control character in the page.
      assert.doesNotMatch(res.body.replace(/[\t\n\r]/g, ''), /[\u0000-\u001f\u007f-\u009f]/, url.slice(0, 300));
    }
  }
  return res.statusCode;
}

for (const [name, path, isApi] of [
  ['the search page', '/search', false],
  ['the search API', '/api/v1/search', true],
] as const) {
  test(`answers thousands of random words on ${name} with 200 or 400, never a 5xx`, async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(q, extra, async (value, more) => {
        const status = await assertAnswered(`${path}?q=${value}${more}`, isApi);
        seen.set(status, (seen.get(status) ?? 0) + 1);
      }),
      { numRuns: 2000, seed: 20261126 },
    );
    // The generator reaches found, refused and past-the-end answers, not only one kind.
    assert.ok((seen.get(200) ?? 0) > 100 && (seen.get(400) ?? 0) > 100, JSON.stringify([...seen]));
  });
}

test('answers the hard cases of the issue with 200 or 400, never a 5xx', async () => {
  const cases = [
    `q=${'%22'.repeat(10000)}`,
    `q=${'+'.repeat(5000)}`,
    `q=${'%E3%80%80'.repeat(3000)}${encodeURIComponent('外交')}`,
    `q=${'a'.repeat(100000)}`,
    'q=%E3%81',
    'q=%FF%FE',
    `q=${Array.from({ length: 32 }, (_, b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`,
    `q=${encodeURIComponent('NEAR(外交 TPP) title:外交 * "" ( ) : -')}`,
    // Words of symbols only, where no term stands as a word: once with a filter, once as two terms.
    'q=%2B&year=2024',
    'q=%2B+%2B',
  ];
  for (const query of cases) {
    for (const path of ['/search', '/api/v1/search']) {
      const status = await assertAnswered(`${path}?${query}`, path.startsWith('/api/'));
      assert.ok(status === 200 || status === 400, `${path}?${query.slice(0, 80)} → ${status}`);
    }
  }
});
