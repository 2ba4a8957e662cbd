// Alt texts other reports and pages give the same files, offered beside an attachment
// that has none of its own yet (never copied without the writer choosing one).
import type { ItemRef } from '../../domain/item-ref.js';
import { otherUseAltTexts, type OtherAltUse } from '../../store/media.js';
import type { ActionContext } from '../runtime/context.js';

/** By media id, oldest use first; `item`'s own uses are left out. */
export function suggestAltTexts(ctx: Pick<ActionContext, 'db'>, item: ItemRef, mediaIds: number[]): Promise<Map<number, OtherAltUse[]>> {
  return otherUseAltTexts(ctx.db, item, mediaIds);
}
