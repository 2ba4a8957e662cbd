// Where the activity took place, from the title and the lead paragraph only (later paragraphs
// talk of other places: 「次回はモスクワで開催する」): a 「場所:」 or 「会場:」 line, 「…で開催された」,
// 「…において」, or what was visited (「…を視察した」).

const PLACE_LINE = /^(?:場所|会場|於)\s*[:]?\s*([^\n]{1,60})$/m;
const HELD_AT = /(?:^|[、,。は\s(が])([^、,。はがをにで\s()]{2,30}?)(?:で|において|にて)(?:開催|行われ|開かれ|実施|行い|行った|開い|会談|面会|懇談)/;
const VISITED = /(?:^|[、,。は\s(が])([^、,。はがをにで\s()]{2,30}?)を(?:視察|訪問|訪れ)/;
const TIME_WORDS = /^(?:\d+月\d+日|本日|同日|当日|午前|午後|正午)+/;

/** The place the lead names, as written in `folded` (fold-width.ts), or null. */
export function findPlace(lead: string): string | null {
  const line = PLACE_LINE.exec(lead);
  if (line) return line[1]!.trim();
  for (const pattern of [HELD_AT, VISITED]) {
    const m = pattern.exec(lead);
    const place = m?.[1]!.replace(TIME_WORDS, '');
    if (place) return place;
  }
  return null;
}
