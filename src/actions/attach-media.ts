// Listing a media record under a report's attachments, with the label shown as the link
// text and a short summary beside it. Attaching one already listed updates its texts.
import { ReportNotFoundError } from '../domain/errors.js';
import { checkAttachmentText } from '../domain/media-rules.js';
import { recordAudit } from '../store/audit-log.js';
import { attachMedia, attachedMediaIds, getMedia, setAttachmentPosition } from '../store/media.js';
import { findReportById } from '../store/reports.js';
import { refreshReportIndex } from '../store/search.js';
import { bumpContentVersion } from '../store/site-state.js';
import type { ActionContext } from './context.js';
import { auditBy, type MediaActor } from './media-actor.js';

export interface AttachMediaInput {
  reportId: number;
  mediaId: number;
  label: string;
  /** At most 200 characters; '' for none. */
  summary?: string;
  /** 0-based place in the list; at the end when absent. Later attachments move down. */
  position?: number;
  user: MediaActor;
}

/**
 * @throws ReportNotFoundError, MediaNotFoundError
 * @throws ValidationError (fields `label`, `summary`): empty or over-long label, over-long summary.
 */
export async function attachMediaToReport(ctx: ActionContext, input: AttachMediaInput): Promise<void> {
  const text = checkAttachmentText({ label: input.label, ...(input.summary === undefined ? {} : { summary: input.summary }) });
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const report = await findReportById(trx, input.reportId);
    if (!report) throw new ReportNotFoundError(String(input.reportId));
    const media = await getMedia(trx, input.mediaId);
    const order = (await attachedMediaIds(trx, input.reportId)).filter((id) => id !== media.id);
    const at = Math.min(Math.max(0, input.position ?? order.length), order.length);
    order.splice(at, 0, media.id);
    for (const [position, mediaId] of order.entries()) {
      const texts = mediaId === media.id ? text : undefined;
      if (texts) await attachMedia(trx, { reportId: input.reportId, mediaId, label: texts.label, summary: texts.summary, position });
      else await setAttachmentPosition(trx, input.reportId, mediaId, position);
    }
    // The PDF's text is searchable with the report from now on.
    if (report.status === 'published') await refreshReportIndex(trx, report.id);
    await recordAudit(
      trx,
      { ...auditBy(input.user), action: 'media.attach', target: `report:${input.reportId}`, detail: { mediaId: media.id, label: text.label } },
      nowIso,
    );
    await bumpContentVersion(trx);
  });
}
