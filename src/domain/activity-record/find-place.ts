// Where the activity took place, from the title and the lead paragraph only (later paragraphs
// talk of other places: 「次回はモスクワで開催する」): a 「場所:」 or 「会場:」 line, else the
// first place the lead names: 「…で開催された」, 「…において」, 「…で報告会を開いた」, 「…を視察した」, or a building or
// site followed by 「で」 (「議員会館で」「北浜駅前で」).

const PLACE_LINE = /^(?:場所|会場|於)\s*[:]\s*([^\n]{1,60})$/m;
const RUN = String.raw`[\p{sc=Han}\p{sc=Katakana}ー・々ヶA-Za-z0-9]`;
const PLACE = String.raw`(?<![\p{sc=Han}\p{sc=Katakana}ー・々ヶA-Za-z0-9])(${RUN}{2,30}(?:の${RUN}{2,20})?)`;
const SITE = '(?:館|庁|所|役場|駅前|駅|ホール|センター|会場|ホテル|公園|広場|学校|商店街|国会内)';
const PATTERNS = [
  new RegExp(`${PLACE}(?:において|にて|で(?:開催|行われ|開かれ|開き|開い|実施|行い|行った|会談|面会|懇談|質問|質疑))`, 'u'),
  new RegExp(`${PLACE}で[^、,。]{0,20}?(?:を|に)(?:開催|開き|開い|行い|行っ|質問|討論|演説)`, 'u'),
  new RegExp(`${PLACE}を(?:視察|訪問|訪れ)`, 'u'),
  new RegExp(`(?<![\\p{sc=Han}\\p{sc=Katakana}ー・々ヶ])(\\p{sc=Han}[\\p{sc=Han}\\p{sc=Katakana}ー・々ヶ]{0,20}${SITE})で`, 'u'),
];
const TIME_WORDS = /^(?:\d+月\d+日|本日|同日|当日|午前|午後|正午)+/;

/** The place the lead names, as written in `lead` (folded, see domain/fold-width.ts), or null. */
export function findPlace(lead: string): string | null {
  const line = PLACE_LINE.exec(lead);
  if (line) return line[1]!.trim();
  let first: { index: number; place: string } | undefined;
  for (const pattern of PATTERNS) {
    const m = pattern.exec(lead);
    if (!m || (first && first.index <= m.index)) continue;
    const place = m[1]!.replace(TIME_WORDS, '');
    if (place.length >= 2 && !/^\d/.test(place)) first = { index: m.index, place };
  }
  return first?.place ?? null;
}
