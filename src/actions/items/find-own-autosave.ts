// The user's own autosave slot of an editor (kept by keep-autosave.ts), for the offer to
// restore it; undefined `itemId` is the form of a new item.
import type { ItemKind } from '../../domain/item-ref.js';
import { findAutosave, NEW_ITEM_ID } from '../../store/autosaves.js';
import type { ActionContext } from '../runtime/context.js';

export async function findOwnAutosave(
  ctx: Pick<ActionContext, 'db'>,
  userId: number,
  kind: ItemKind,
  itemId: number | undefined,
): Promise<{ savedAt: string; fields: Record<string, string> } | undefined> {
  const slot = await findAutosave(ctx.db, userId, kind, itemId ?? NEW_ITEM_ID);
  return slot && { savedAt: slot.savedAt, fields: slot.fields };
}
