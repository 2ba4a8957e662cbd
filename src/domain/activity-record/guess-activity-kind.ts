// The kind of an activity, guessed from its title first (the words staff chose) and then from
// the words of its text. Kinds of the default list have their own words; a kind the owner
// added is recognised by its own name (each part of 「A・B」 on its own).
import { OTHER_ACTIVITY_KIND } from './activity-record.js';

const KIND_WORDS: Record<string, RegExp> = {
  '会談・協議': /会談|協議(?!会)|閣僚対話|表敬|2\+2/g,
  委員会質疑: /(?:委員会|分科会|審査会)(?:で|の|における)?(?:質疑|質問|答弁)|質疑/g,
  本会議: /本会議/g,
  視察: /視察/g,
  '要望・陳情': /要望|陳情|要請/g,
  '意見交換・会合': /意見交換|懇談|会合|勉強会|車座/g,
  街頭活動: /街頭|駅頭|辻立ち/g,
  '国政報告会・集会': /報告会|集会|タウンミーティング|後援会の?(?:総会|大会)/g,
  '式典・行事': /式典|(?:入学|卒業|開会|閉会|竣工|起工|落成|記念|追悼|成人|表彰|入隊|入庁)式|慰霊祭|祭り|祭典|行事|運動会/g,
  記者会見: /記者会見/g,
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordsOf(kind: string): RegExp | undefined {
  const known = KIND_WORDS[kind];
  if (known) return known;
  const parts = kind.split('・').filter((part) => part.length >= 2);
  return parts.length === 0 ? undefined : new RegExp(parts.map(escapeRegExp).join('|'), 'g');
}

function count(text: string, words: RegExp): number {
  words.lastIndex = 0;
  let n = 0;
  for (const _ of text.matchAll(words)) n++;
  return n;
}

/** The kind from `kinds` that the title names (first in list order), else the one the text names most; else 「その他」. */
export function guessActivityKind(title: string, text: string, kinds: readonly string[]): string {
  const candidates = kinds.filter((kind) => kind !== OTHER_ACTIVITY_KIND).map((kind) => ({ kind, words: wordsOf(kind) }));
  for (const { kind, words } of candidates) if (words && count(title, words) > 0) return kind;
  let best: { kind: string; hits: number } | undefined;
  for (const { kind, words } of candidates) {
    const hits = words ? count(text, words) : 0;
    if (hits > 0 && (!best || hits > best.hits)) best = { kind, hits };
  }
  if (best) return best.kind;
  return kinds.includes(OTHER_ACTIVITY_KIND) || kinds.length === 0 ? OTHER_ACTIVITY_KIND : kinds[kinds.length - 1]!;
}
