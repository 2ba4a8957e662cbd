// Putting a report's attachments in a new order.
import { ReportNotFoundError, ValidationError } from '../domain/errors.js';
import { recordAudit } from '../store/audit-log.js';
import { attachedMediaIds, setAttachmentPosition } from '../store/media.js';
import { findReportById } from '../store/reports.js';
import { bumpContentVersion } from '../store/site-state.js';
import type { ActionContext } from './context.js';
import { auditBy, type MediaActor } from './media-actor.js';

const STALE_LIST = '添付資料の一覧が変更されています。ページを読み込み直してから並べ替えてください。';

/**
 * `mediaIds` is the full list of the report's attachments in the wanted order.
 * @throws ReportNotFoundError
 * @throws ValidationError (field `order`) when the list is not exactly the attached media,
 *   e.g. someone attached or removed one meanwhile.
 */
export async function reorderAttachments(ctx: ActionContext, input: { reportId: number; mediaIds: number[]; user: MediaActor }): Promise<void> {
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findReportById(trx, input.reportId))) throw new ReportNotFoundError(String(input.reportId));
    const current = await attachedMediaIds(trx, input.reportId);
    const isSameSet =
      input.mediaIds.length === current.length && new Set(input.mediaIds).size === current.length && input.mediaIds.every((id) => current.includes(id));
    if (!isSameSet) throw new ValidationError(STALE_LIST, { order: STALE_LIST });
    for (const [position, mediaId] of input.mediaIds.entries()) await setAttachmentPosition(trx, input.reportId, mediaId, position);
    await recordAudit(trx, { ...auditBy(input.user), action: 'media.reorder', target: `report:${input.reportId}`, detail: { mediaIds: input.mediaIds } }, nowIso);
    await bumpContentVersion(trx);
  });
}
