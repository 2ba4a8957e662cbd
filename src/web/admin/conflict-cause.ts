// What the edit page says about a conflict (issue 12 item 7), from its cause as
// actions/items/find-conflict-cause.ts finds it: one's own other tab, or the others named.
import type { ConflictCause } from '../../actions/items/find-conflict-cause.js';
import type { ItemKind } from '../../domain/item-ref.js';
import { ITEM_NOUNS } from '../../domain/item-ref.js';
import { REVISION_NOTES } from '../../domain/revision.js';

/** The heading of the conflict message: 「あなたが別のタブで…」 or 「田中さんが…」. */
export function conflictHeading(cause: ConflictCause, kind: ItemKind): string {
  const noun = ITEM_NOUNS[kind];
  if (cause.isOwnOtherTab) return `あなた自身が別のタブ(またはウィンドウ)でこの${noun}を先に保存したため、保存しませんでした`;
  const who = cause.otherNames.length > 0 ? cause.otherNames.map((n) => `${n}さん`).join('、') : 'ほかの人';
  return `${who}がこの${noun}を先に保存したため、保存しませんでした`;
}

/** What to do next, naming the save button that this item's status really has. */
export function conflictAdvice(saveLabel: string, kind: ItemKind): string {
  return `入力した内容は失われていません。フォームにそのまま残してあり、変更履歴にも「${REVISION_NOTES.conflict}」として残しました。差分で保存されている${ITEM_NOUNS[kind]}との違いを確かめ、必要な変更を取り込んでから「${saveLabel}」を押すと、あなたの入力で上書きします。`;
}
