// Who took part, read from the sentence patterns Japanese reports use:
//   「日本側からは,岸田外務大臣及び小野寺防衛大臣が,ロシア側からは,…が,それぞれ出席した」 (sides),
//   「…ロペス駐日大使と会談した」 (meetings), 「山本一郎氏(北浜商工会議所会頭)」 (a name with its role),
//   「佐藤経済産業大臣が答弁した」「大西町長から,…」「前田会長、小林副会長が出席」 (speakers and
//   those present), 「出席者:…」 (lists), and the subject of a sentence
//   that reports a meeting or visit (「山田議員は,…を視察した」).
// Every name returned is a slice of the text (see domain/fold-width.ts); a phrase that names no one
// (「防衛大臣」「両大臣」) is skipped rather than guessed.
import { isCountryName } from './country-names.js';
import { splitPerson, type PersonPhrase } from './split-person.js';

/** A participant before the record is assembled: where it was named, and the side it sat on. */
export interface FoundPerson extends PersonPhrase {
  index: number;
  side: string | null;
  isCountrySide: boolean;
}

const NAME_CHARS = String.raw`\p{sc=Han}\p{sc=Katakana}ー・々`;
const PERSON = String.raw`(?:[${NAME_CHARS}A-Za-z0-9&]{2,30}の)?[${NAME_CHARS}]{1,24}(?:氏|さん|様|君)?(?:\([^()]{1,40}\))?`;
const JOIN = String.raw`(?:、|,|及び|および|並びに|ならびに|と)`;
// Bounded, so that a hostile run of names costs linear time, not quadratic (bench/activity-extract.bench.ts).
const LIST = `${PERSON}(?:${JOIN}${PERSON}){0,15}`;

const LIST_BEFORE_MEETING = new RegExp(String.raw`(?<![\d${NAME_CHARS}])(${LIST})$`, 'u');
const MEETING = /(?:と|に)(?:の)?(?:ご)?(?:電話会談|会談|面会|懇談|面談|会見|意見交換|協議|挨拶|あいさつ)/g;
const SIDE_LIST = new RegExp(
  String.raw`([${NAME_CHARS}]{1,15})側から(?:は)?[,、]?\s*(.+?)が(?=\s*[,、]?\s*(?:[${NAME_CHARS}]{1,15}側から|それぞれ|共に|出席|参加|同席))`,
  'gu',
);
const ATTENDANCE = /出席|参加|同席/;
const WITH_ROLE = new RegExp(String.raw`(?<![${NAME_CHARS}])[${NAME_CHARS}]{1,12}(?:氏|さん|様)?\([^()]{1,40}\)`, 'gu');
const SPEAKER_END = String.raw`(?:(?:が|から)(?:答弁|挨拶|あいさつ|祝辞|式辞|講演|登壇)|(?:が|も)(?:同席|出席|参加)|(?:から|より)[,、]|(?:から|より)[^。]{0,80}?説明を受け)`;
const SPEAKER = new RegExp(String.raw`(?<![\d${NAME_CHARS}])(${LIST})${SPEAKER_END}`, 'gu');
const SPEAKER_HINT = new RegExp(SPEAKER_END, 'u');
const ROLL = /(?:出席者|参加者|同席者)\s*[:]\s*([^\n。]+)/g;
const ROLL_HINT = /出席者|参加者|同席者/;
const SUBJECT = new RegExp(String.raw`^\s*(?:\(\d+\)|\d+\s)?\s*(?:\d{1,2}月\d{1,2}日[,、]?\s*)?(${LIST})(?:は|が)[,、]?`, 'u');
const SUBJECT_VERBS = /会談|面会|懇談|協議|会見|視察|出席|参加|訪問|訪れ|意見交換|質問|質疑|登壇|演説|挨拶|要望|陳情|表敬/;

interface Sentence {
  text: string;
  index: number;
}

function sentencesOf(folded: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const m of folded.matchAll(/[^。\n]+/g)) sentences.push({ text: m[0], index: m.index! });
  return sentences;
}

/** The items of a list, split at 、 , 及び と and at a ・ that is not inside a katakana name; brackets are kept whole. */
function listItems(list: string, index: number): { text: string; index: number }[] {
  const items: { text: string; index: number }[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < list.length) {
    const c = list[i]!;
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    const join = depth > 0 ? 0 : joinLength(list, i);
    if (join > 0) {
      items.push({ text: list.slice(start, i), index: index + start });
      i += join;
      start = i;
      continue;
    }
    i++;
  }
  items.push({ text: list.slice(start), index: index + start });
  return items.filter((item) => item.text.trim() !== '');
}

function joinLength(list: string, i: number): number {
  const c = list[i]!;
  if (c === '、' || c === ',' || c === 'と') return 1;
  for (const word of ['及び', 'および', '並びに', 'ならびに']) if (list.startsWith(word, i)) return word.length;
  if (c !== '・') return 0;
  const isKana = (ch: string | undefined) => ch !== undefined && /[\p{sc=Katakana}ー]/u.test(ch);
  return isKana(list[i - 1]) && isKana(list[i + 1]) ? 0 : 1;
}

function peopleIn(list: string, index: number, side: string | null = null, isCountrySide = false): FoundPerson[] {
  const found: FoundPerson[] = [];
  for (const item of listItems(list, index)) {
    const person = splitPerson(item.text);
    if (person) found.push({ ...person, index: item.index + item.text.indexOf(person.name), side, isCountrySide });
  }
  return found;
}

function sidesIn(sentence: Sentence): FoundPerson[] {
  if (!ATTENDANCE.test(sentence.text)) return [];
  const matches = [...sentence.text.matchAll(SIDE_LIST)];
  const isCountrySide = matches.some((m) => isCountryName(m[1]!));
  return matches.flatMap((m) => peopleIn(m[2]!, sentence.index + m.index! + m[0].indexOf(m[2]!, m[1]!.length), m[1]!, isCountrySide));
}

function meetingsIn(sentence: Sentence): FoundPerson[] {
  const found: FoundPerson[] = [];
  for (const meeting of sentence.text.matchAll(MEETING)) {
    const from = Math.max(0, meeting.index! - 150);
    const m = LIST_BEFORE_MEETING.exec(sentence.text.slice(from, meeting.index!));
    if (m) found.push(...peopleIn(m[1]!, sentence.index + from + m.index!));
  }
  return found;
}

function subjectOf(sentence: Sentence): FoundPerson[] {
  if (!SUBJECT_VERBS.test(sentence.text)) return [];
  const m = SUBJECT.exec(sentence.text);
  return m ? peopleIn(m[1]!, sentence.index + m.index! + m[0].indexOf(m[1]!)) : [];
}

/**
 * The pattern's matches in the sentence; none without `hint`, what any match needs somewhere in
 * the sentence (the same matches, found sooner: trying a list pattern at every name character
 * was a third of the extractor's time).
 */
function matchesIn(sentence: Sentence, pattern: RegExp, group: number, hint: RegExp): FoundPerson[] {
  if (!hint.test(sentence.text)) return [];
  return [...sentence.text.matchAll(pattern)].flatMap((m) => peopleIn(m[group]!, sentence.index + m.index! + m[0].indexOf(m[group]!)));
}

/** Every person the text names as taking part, in the order first named, one entry per name. */
export function findParticipants(folded: string): FoundPerson[] {
  const found = sentencesOf(folded).flatMap((sentence) => [
    ...sidesIn(sentence),
    ...meetingsIn(sentence),
    ...subjectOf(sentence),
    ...matchesIn(sentence, WITH_ROLE, 0, /\(/),
    ...matchesIn(sentence, SPEAKER, 1, SPEAKER_HINT),
    ...matchesIn(sentence, ROLL, 1, ROLL_HINT),
  ]);
  found.sort((a, b) => a.index - b.index);
  const byName = new Map<string, FoundPerson>();
  for (const person of found) {
    const earlier = byName.get(person.name);
    if (!earlier) {
      byName.set(person.name, person);
      continue;
    }
    earlier.title ??= person.title;
    earlier.affiliation ??= person.affiliation;
    if (earlier.side === null) Object.assign(earlier, { side: person.side, isCountrySide: person.isCountrySide });
  }
  return [...byName.values()];
}
