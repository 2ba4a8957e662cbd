// Removing a media record from a report's attachments. The record and its file stay in
// the library; a link to it in the body keeps working.
import { MediaNotFoundError, ReportNotFoundError } from '../domain/errors.js';
import { recordAudit } from '../store/audit-log.js';
import { detachMediaRow } from '../store/media.js';
import { findReportById } from '../store/reports.js';
import { refreshReportIndex } from '../store/search.js';
import { bumpContentVersion } from '../store/site-state.js';
import type { ActionContext } from './context.js';
import { auditBy, type MediaActor } from './media-actor.js';

/** @throws ReportNotFoundError, MediaNotFoundError (when the report does not list that media). */
export async function detachMedia(ctx: ActionContext, input: { reportId: number; mediaId: number; user: MediaActor }): Promise<void> {
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const report = await findReportById(trx, input.reportId);
    if (!report) throw new ReportNotFoundError(String(input.reportId));
    if (!(await detachMediaRow(trx, input.reportId, input.mediaId))) {
      throw new MediaNotFoundError(`${input.mediaId} in report ${input.reportId}`);
    }
    // The file's text no longer finds the report.
    if (report.status === 'published') await refreshReportIndex(trx, report.id);
    await recordAudit(trx, { ...auditBy(input.user), action: 'media.detach', target: `report:${input.reportId}`, detail: { mediaId: input.mediaId } }, nowIso);
    await bumpContentVersion(trx);
  });
}
