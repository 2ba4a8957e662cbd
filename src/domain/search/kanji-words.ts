// How a run of kanji is cut into words for ranking (domain/search/words.ts), without a
// dictionary: most Sino-Japanese words are two characters long (二字熟語), and longer
// compounds are mostly built of them (安全|保障, 海外|交流, 国土|交通|省), so a run is cut
// into pairs from its start, an odd last character standing alone (相手|国, 自治|体).
// Small tables mend the commonest misreadings of odd runs, which have one lone character:
// - a three-character run opening with a prefix (新|政策, 各|地域, 全|世界) is cut after it;
// - in a longer one the lone character is the first suffix found at a pair's place
//   (二国|間|関係, 研究|者|会議), else the last one (国土|交通|省);
// - names of the Chūgoku region (中国地方, 中国山地, …) are kept whole, so that 中国 (China)
//   does not stand as a word inside them.
// Pure and table-driven, so the browser's static search reproduces it exactly
// (docs/search.md, "Ranking").

/** Prefixes (接頭辞) that open a three-character compound: 新|政策, 各|地域, 全|世界. */
const PREFIXES = new Set([...'各全新旧非不未再同両諸総元現副超無約毎翌昨今来']);

/** Suffixes (接尾辞) that end a word inside a longer compound: 二国|間|関係, 研究|者|会議. */
const SUFFIXES = new Set([...'間者的等省庁県市町村区体化性費官局']);

/** Compounds read as one word although they start with a word of another meaning. */
const KEPT_WHOLE: readonly string[] = ['中国地方', '中国山地', '中国四国', '中国電力', '中国新聞', '中国自動車道', '中国運輸局', '中国経済産業局', '中国財務局'];

/** KEPT_WHOLE by their first two characters, longest first. */
const KEPT_BY_START = new Map<string, string[]>();
for (const word of [...KEPT_WHOLE].sort((a, b) => b.length - a.length)) {
  const start = word.slice(0, 2);
  KEPT_BY_START.set(start, [...(KEPT_BY_START.get(start) ?? []), word]);
}

/** The words of a stretch holding no kept-whole compound (one string per character). */
function pairsOf(chars: readonly string[], out: string[]): void {
  const lone = chars.length % 2 === 0 ? -1 : loneAt(chars);
  for (let at = 0; at < chars.length;) {
    if (at === lone || at + 1 === chars.length) {
      out.push(chars[at]!);
      at++;
    } else {
      out.push(chars[at]! + chars[at + 1]!);
      at += 2;
    }
  }
}

/** Where the lone character of an odd stretch stands (an even index). */
function loneAt(chars: readonly string[]): number {
  if (chars.length === 3 && PREFIXES.has(chars[0]!)) return 0;
  for (let i = 2; i < chars.length - 1; i += 2) if (SUFFIXES.has(chars[i]!)) return i;
  return chars.length - 1;
}

/** Appends to `out` the words of `run`, a run of kanji. */
export function kanjiWords(run: string, out: string[]): void {
  // Most runs are two characters, and most hold no kept-whole compound.
  if (run.length <= 2) {
    out.push(run);
    return;
  }
  const chars = Array.from(run);
  let from = 0;
  for (let i = 0; i + 1 < chars.length; i++) {
    const candidates = KEPT_BY_START.get(chars[i]! + chars[i + 1]!);
    if (!candidates) continue;
    const rest = chars.slice(i).join('');
    const kept = candidates.find((word) => rest.startsWith(word));
    if (!kept) continue;
    pairsOf(chars.slice(from, i), out);
    out.push(kept);
    from = i + Array.from(kept).length;
    i = from - 1;
  }
  pairsOf(chars.slice(from), out);
}
