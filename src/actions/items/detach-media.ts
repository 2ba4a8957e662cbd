// Removing a media record from a report's or fixed page's attachments. The record and its
// file stay in the library; a link to it in the body keeps working.
import { MediaNotFoundError } from '../../domain/errors.js';
import { itemOf, itemTarget, type ItemIdInput } from '../../domain/item-ref.js';
import { recordAudit } from '../../store/audit-log.js';
import { detachMediaRow } from '../../store/media.js';
import { bumpContentVersion } from '../../store/site-state.js';
import { getOwnerStatus, refreshOwnerIndex } from './attachment-owner.js';
import type { ActionContext } from '../runtime/context.js';
import { auditBy, type MediaActor } from '../media/media-actor.js';

/** @throws ReportNotFoundError, PageNotFoundError, MediaNotFoundError (when the item does not list that media). */
export async function detachMedia(ctx: ActionContext, input: ItemIdInput & { mediaId: number; user: MediaActor }): Promise<void> {
  const item = itemOf(input);
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const status = await getOwnerStatus(trx, item);
    if (!(await detachMediaRow(trx, item, input.mediaId))) {
      throw new MediaNotFoundError(`${input.mediaId} in ${itemTarget(item)}`);
    }
    // The file's text no longer finds the item.
    await refreshOwnerIndex(trx, item, status);
    await recordAudit(trx, { ...auditBy(input.user), action: 'media.detach', target: itemTarget(item), detail: { mediaId: input.mediaId } }, nowIso);
    await bumpContentVersion(trx);
  });
}
