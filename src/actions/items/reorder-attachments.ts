// Putting a report's or fixed page's attachments in a new order.
import { ValidationError } from '../../domain/errors.js';
import { itemOf, itemTarget, type ItemIdInput } from '../../domain/item-ref.js';
import { recordAudit } from '../../store/audit-log.js';
import { attachedMediaIds, setAttachmentPosition } from '../../store/media.js';
import { bumpContentVersion } from '../../store/site-state.js';
import { getOwnerStatus } from './attachment-owner.js';
import type { ActionContext } from '../runtime/context.js';
import { auditBy, type MediaActor } from '../media/media-actor.js';

const STALE_LIST = '添付資料の一覧が変更されています。ページを読み込み直してから並べ替えてください。';

/**
 * `mediaIds` is the full list of the item's attachments in the wanted order.
 * @throws ReportNotFoundError, PageNotFoundError
 * @throws ValidationError (field `order`) when the list is not exactly the attached media,
 *   e.g. someone attached or removed one meanwhile.
 */
export async function reorderAttachments(ctx: ActionContext, input: ItemIdInput & { mediaIds: number[]; user: MediaActor }): Promise<void> {
  const item = itemOf(input);
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await getOwnerStatus(trx, item);
    const current = await attachedMediaIds(trx, item);
    const isSameSet = input.mediaIds.length === current.length && new Set(input.mediaIds).size === current.length && input.mediaIds.every((id) => current.includes(id));
    if (!isSameSet) throw new ValidationError(STALE_LIST, { order: STALE_LIST });
    for (const [position, mediaId] of input.mediaIds.entries()) await setAttachmentPosition(trx, item, mediaId, position);
    await recordAudit(trx, { ...auditBy(input.user), action: 'media.reorder', target: itemTarget(item), detail: { mediaIds: input.mediaIds } }, nowIso);
    await bumpContentVersion(trx);
  });
}
