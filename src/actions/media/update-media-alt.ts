// Changing a media record's alt text (the description read out for an image).
import { checkAltText } from '../../domain/media-rules.js';
import { recordAudit } from '../../store/audit-log.js';
import type { Media } from '../../domain/media.js';
import { getMedia } from '../../store/media.js';
import { updateMediaAltText } from '../../store/media.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';
import { auditBy, type MediaActor } from './media-actor.js';

/**
 * @throws MediaNotFoundError
 * @throws ValidationError (field `altText`): empty for an image, or over 200 characters.
 */
export async function updateMediaAlt(ctx: ActionContext, input: { mediaId: number; altText: string; user: MediaActor }): Promise<Media> {
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const media = await getMedia(trx, input.mediaId);
    const altText = checkAltText(media.mime, input.altText);
    await updateMediaAltText(trx, media.id, altText);
    await recordAudit(trx, { ...auditBy(input.user), action: 'media.update', target: `media:${media.id}`, detail: { altText } }, nowIso);
    // Report pages show the alt text: cached copies must be rebuilt.
    await bumpContentVersion(trx);
    return { ...media, altText };
  });
}
