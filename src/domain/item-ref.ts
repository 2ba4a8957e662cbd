// Which item something belongs to: a report or a fixed page. Revisions and attachment lists
// are shared by both (one table each, a column per kind); this is how a caller names the owner.

export type ItemKind = 'report' | 'page';

export interface ItemRef {
  kind: ItemKind;
  id: number;
}

/** What staff call each kind in messages: 「この報告は…」「このページは…」. */
export const ITEM_NOUNS: Record<ItemKind, string> = { report: '報告', page: 'ページ' };

/** The owner as actions take it: `{ reportId }` (as before pages existed) or `{ pageId }`. */
export type ItemIdInput = { reportId: number; pageId?: undefined } | { pageId: number; reportId?: undefined };

export function itemOf(input: ItemIdInput): ItemRef {
  return input.pageId !== undefined ? { kind: 'page', id: input.pageId } : { kind: 'report', id: input.reportId };
}

/** The audit log's target: `report:12`, `page:3`. */
export function itemTarget(item: ItemRef): string {
  return `${item.kind}:${item.id}`;
}
