// A person as one item of a list names them: 「岸田外務大臣」, 「ラヴロフ外相」, 「山本一郎氏」,
// 「北浜商工会議所の山本会頭」, 「山本一郎氏(北浜商工会議所会頭)」. Returns the name as written
// and what the words around it say of the person; undefined when the item names nobody
// (a bare title such as 「防衛大臣」, a pronoun such as 「両大臣」, or any other phrase).
import { isCountryName } from './country-names.js';
import { TITLE, TITLE_HEAD_AT_END } from './person-titles.js';

export interface PersonPhrase {
  name: string;
  title: string | null;
  /** The organisation or country the item names before の or inside the brackets. */
  affiliation: string | null;
}

const ITEM = /^(?:([^の()]{2,30})の)?([\p{sc=Han}\p{sc=Katakana}ー・々]{1,24}?)(氏|さん|様|君)?(?:\(([^()]{1,40})\))?$/u;
const KATAKANA_NAME = /^([\p{sc=Katakana}ー・]*\p{sc=Katakana}[\p{sc=Katakana}ー・]*)(\p{sc=Han}.*)?$/u;
/** Words a run of kanji may start with before the name: 「本日山本氏」. */
const LEADING_TIME_WORDS = /^(?:本日|今日|同日|当日|翌日|先日|昨日|今回|午前|午後|正午|更に|次いで|引き続き)+/;
const NOT_A_NAME = /^(?:両|各|同|諸|全|当|先方|相手|関係|歴代|日本|政府|地元)/;

/** What the brackets after a name say: 「北浜商工会議所会頭」 → 北浜商工会議所 + 会頭; 「北浜市水道局」 → an affiliation alone. */
function splitRole(role: string): { title: string | null; affiliation: string | null } {
  const text = role.trim();
  for (let i = 0; i < text.length; i++) {
    if (!TITLE.test(text.slice(i))) continue;
    const affiliation = text.slice(0, i).replace(/の$/, '').trim();
    return { title: text.slice(i), affiliation: affiliation === '' ? null : affiliation };
  }
  return { title: null, affiliation: /^[\p{sc=Han}\p{sc=Katakana}ー・々A-Za-z]{2,}$/u.test(text) ? text : null };
}

/** Name lengths to try, most common first: two-kanji surnames, then 林, then 小野寺. */
const NAME_LENGTHS = [2, 1, 3];

/** 「小野寺防衛大臣」 → 小野寺 + 防衛大臣: the first name length whose rest is a known title. */
function splitKanji(run: string): { name: string; title: string | null } | undefined {
  if (TITLE.test(run)) return undefined;
  for (const n of NAME_LENGTHS) {
    if (n < run.length && TITLE.test(run.slice(n))) return { name: run.slice(0, n), title: run.slice(n) };
  }
  // An unknown qualifier (「大野農政部長」「佐藤海洋気象大臣」): most surnames are two kanji.
  const head = TITLE_HEAD_AT_END.exec(run);
  if (head && run.length - head[0].length > 2) return { name: run.slice(0, 2), title: run.slice(2) };
  // A full name fused with a title: 「山本一郎会長」.
  if (run.length > 4 && TITLE.test(run.slice(4))) return { name: run.slice(0, 4), title: run.slice(4) };
  return undefined;
}

function splitFused(run: string, isHonorific: boolean): { name: string; title: string | null } | undefined {
  const katakana = KATAKANA_NAME.exec(run);
  if (katakana) {
    const rest = katakana[2] ?? '';
    if (katakana[1]!.replace(/[・ー]/g, '').length < 2) return undefined;
    if (rest === '') return isHonorific ? { name: katakana[1]!, title: null } : undefined;
    return TITLE.test(rest) || TITLE_HEAD_AT_END.test(rest) ? { name: katakana[1]!, title: rest } : undefined;
  }
  if (!/^[\p{sc=Han}々]+$/u.test(run)) return undefined;
  if (isHonorific) return run.length >= 2 && run.length <= 6 && !TITLE.test(run) ? { name: run, title: null } : undefined;
  return splitKanji(run);
}

export function splitPerson(item: string): PersonPhrase | undefined {
  const m = ITEM.exec(item.trim().replace(LEADING_TIME_WORDS, ''));
  if (!m) return undefined;
  const [, before, run, honorific, role] = m;
  // Brackets alone (「高橋場長(北浜市水道局)」) do not make a bare run a name: 「ファクトシート(PDF)」.
  const person = splitFused(run!, honorific !== undefined);
  // 「メキシコ国防大臣」「中国外務大臣」: a country's minister, whose name the text does not give.
  if (!person || NOT_A_NAME.test(person.name) || isCountryName(person.name)) return undefined;
  const fromRole = role === undefined ? { title: null, affiliation: null } : splitRole(role);
  return {
    name: person.name,
    title: person.title ?? fromRole.title,
    affiliation: before?.trim() || fromRole.affiliation,
  };
}
