// Outcomes are the sentences that end by stating an agreement or a decision: 「…で一致した。」
// 「…ことで合意しました。」 「…ことを確認した。」 「…が決定された。」. The verb must end the sentence:
// 「今回一致した協力の一覧」 mentions an agreement but states none.

// 確認 also means inspecting (「現場を確認した」): it states an outcome only after what was agreed (「…ことを確認した」).
const OUTCOME_END = /(?:一致|合意|決定|(?:こと|旨|方針|認識|方向性|分担|考え)(?:を|で)?確認)(?:した|しました|された|されました|いたしました)\)?$/;
const MARKER = /^\s*(?:\(\d{1,2}\)|\d{1,2}\s+|[①-⑳])\s*/;

/** The outcome sentences of `original` (read through `folded`, its domain/fold-width.ts copy), as written, each with its 。. */
export function findOutcomes(original: string, folded: string): string[] {
  const outcomes: string[] = [];
  for (const m of folded.matchAll(/[^。\n]+。?/g)) {
    const sentence = m[0].replace(/。$/, '').trimEnd();
    if (!OUTCOME_END.test(sentence)) continue;
    const marker = MARKER.exec(m[0])?.[0].length ?? 0;
    const written = original.slice(m.index! + marker, m.index! + m[0].length).trim();
    if (!outcomes.includes(written)) outcomes.push(written);
  }
  return outcomes;
}
