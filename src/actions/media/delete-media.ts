// Deleting a media record: refused while any report or page uses it (list-media-users.ts),
// checked inside the transaction that deletes, so no use can slip in between. The row goes in one
// transaction with its audit entry; the file (and the WebP variants) leave the disk only
// after the commit and only when no other record still holds the same bytes.
import { MediaInUseError } from '../../domain/errors.js';
import { recordAudit } from '../../store/audit-log.js';
import { removeMediaFile } from '../../store/media-files.js';
import { deleteMediaRow, deleteOrphanVariants, getMedia, isContentStored } from '../../store/media.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';
import { listMediaUsers } from './list-media-users.js';
import { auditBy, type MediaActor } from './media-actor.js';

/**
 * @throws MediaNotFoundError when there is no such record.
 * @throws MediaInUseError listing the reports and pages (kind, id, title, status) that use it.
 */
export async function deleteMedia(ctx: ActionContext, input: { mediaId: number; user: MediaActor }): Promise<void> {
  const nowIso = ctx.now().toISOString();
  const unneeded = await ctx.db.transaction().execute(async (trx) => {
    const media = await getMedia(trx, input.mediaId);
    const users = (await listMediaUsers(trx, [media])).get(media.id) ?? [];
    if (users.length > 0) throw new MediaInUseError(media.id, users);
    await deleteMediaRow(trx, media.id);
    const files = (await isContentStored(trx, media.sha256, 'media')) ? [] : [media.sha256, ...(await deleteOrphanVariants(trx, media.sha256))];
    await recordAudit(
      trx,
      { ...auditBy(input.user), action: 'media.delete', target: `media:${media.id}`, detail: { fileName: media.originalName, sha256: media.sha256 } },
      nowIso,
    );
    await bumpContentVersion(trx);
    return files;
  });
  for (const sha256 of unneeded) {
    if (!(await isContentStored(ctx.db, sha256))) removeMediaFile(ctx, sha256);
  }
}
