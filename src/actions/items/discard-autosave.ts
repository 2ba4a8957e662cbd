// Empties the user's autosave slot for an item (store/autosaves.ts) when they decline to
// restore what it kept. Saving the item empties it too (actions/items/save-item.ts).
import type { ItemKind } from '../../domain/item-ref.js';
import type { Actor } from '../../domain/user.js';
import { deleteAutosave } from '../../store/autosaves.js';
import type { ActionContext } from '../runtime/context.js';

export async function discardAutosave(ctx: ActionContext, actor: Actor, slot: { kind: ItemKind; itemId: number }): Promise<void> {
  await deleteAutosave(ctx.db, actor.userId, slot.kind, slot.itemId);
}
