// The heading a name is listed under on /people/: the gojūon row of its first kana
// (あ行 … わ行), A–Z for Latin letters, and 漢字 / その他 for the rest. Names are sorted by
// the Japanese collator within a row; a kanji name's reading is not known, so kanji names
// are ordered as written (the collator's JIS order), the best katakana-free text allows.
const ROWS: readonly [string, string][] = [
  ['あ行', 'あいうえおぁぃぅぇぉゔ'],
  ['か行', 'かきくけこがぎぐげごゕゖ'],
  ['さ行', 'さしすせそざじずぜぞ'],
  ['た行', 'たちつてとだぢづでどっ'],
  ['な行', 'なにぬねの'],
  ['は行', 'はひふへほばびぶべぼぱぴぷぺぽ'],
  ['ま行', 'まみむめも'],
  ['や行', 'やゆよゃゅょ'],
  ['ら行', 'らりるれろ'],
  ['わ行', 'わゐゑをんゎ'],
];

/** The order of the headings on /people/. */
export const KANA_ROW_ORDER: readonly string[] = [...ROWS.map(([row]) => row), 'A–Z', '漢字', 'その他'];

const KATAKANA_TO_HIRAGANA = 0x60;

export function kanaRowOf(name: string): string {
  const first = name.normalize('NFKC').codePointAt(0) ?? 0;
  const hiragana = first >= 0x30a1 && first <= 0x30f6 ? first - KATAKANA_TO_HIRAGANA : first;
  const row = ROWS.find(([, chars]) => chars.includes(String.fromCodePoint(hiragana)));
  if (row) return row[0];
  if (/[A-Za-z]/.test(String.fromCodePoint(first))) return 'A–Z';
  if (/\p{Script=Han}/u.test(String.fromCodePoint(first))) return '漢字';
  return 'その他';
}

const COLLATOR = new Intl.Collator('ja');

/** Japanese order of names (kana by gojūon, then kanji), for sorting within and across rows. */
export function compareJapaneseNames(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}
