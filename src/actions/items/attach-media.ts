// Listing a media record under a report's or fixed page's attachments, with the label shown
// as the link text and a short summary beside it. Attaching one already listed updates its texts.
import { itemOf, itemTarget, type ItemIdInput } from '../../domain/item-ref.js';
import { checkAltText, checkAttachmentText } from '../../domain/media-rules.js';
import { recordAudit } from '../../store/audit-log.js';
import { attachMedia, attachedMediaIds, getMedia, setAttachmentPosition } from '../../store/media.js';
import { bumpContentVersion } from '../../store/site-state.js';
import { getOwnerStatus, refreshOwnerIndex } from './attachment-owner.js';
import type { ActionContext } from '../runtime/context.js';
import { auditBy, type MediaActor } from '../media/media-actor.js';

/** `reportId` or `pageId`: whose list it joins. */
export type AttachMediaInput = ItemIdInput & {
  mediaId: number;
  label: string;
  /** At most 200 characters; '' for none. */
  summary?: string;
  /** 0-based place in the list; at the end when absent. Later attachments move down. */
  position?: number;
  /**
   * This use's alt text (what an image says in this report or page): '' clears it, absent
   * keeps it; a new attachment starts without one (the media default is shown meanwhile).
   */
  altText?: string;
  user: MediaActor;
};

/**
 * @throws ReportNotFoundError, PageNotFoundError, MediaNotFoundError
 * @throws ValidationError (fields `label`, `summary`, `altText`): empty or over-long label, over-long summary or alt text.
 */
export async function attachMediaToReport(ctx: ActionContext, input: AttachMediaInput): Promise<void> {
  const text = checkAttachmentText({ label: input.label, ...(input.summary === undefined ? {} : { summary: input.summary }) });
  const item = itemOf(input);
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const status = await getOwnerStatus(trx, item);
    const media = await getMedia(trx, input.mediaId);
    // Empty is allowed here (the use then shows the media default until it gets its own).
    const altText = input.altText === undefined ? undefined : input.altText.trim() === '' ? null : checkAltText(media.mime, input.altText);
    const order = (await attachedMediaIds(trx, item)).filter((id) => id !== media.id);
    const at = Math.min(Math.max(0, input.position ?? order.length), order.length);
    order.splice(at, 0, media.id);
    for (const [position, mediaId] of order.entries()) {
      if (mediaId === media.id)
        await attachMedia(trx, { ...input, mediaId, label: text.label, summary: text.summary, position, ...(altText === undefined ? {} : { altText }) });
      else await setAttachmentPosition(trx, item, mediaId, position);
    }
    // The PDF's text is searchable with the item from now on.
    await refreshOwnerIndex(trx, item, status);
    await recordAudit(trx, { ...auditBy(input.user), action: 'media.attach', target: itemTarget(item), detail: { mediaId: media.id, label: text.label } }, nowIso);
    await bumpContentVersion(trx);
  });
}
