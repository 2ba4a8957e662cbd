// Deleting a report for good (the owner, from the trash only): the row, its tags,
// attachment links, revisions and the redirects leading to it. Media records and files
// stay: other reports may use them, and media has its own deletion.
import type { Kysely } from 'kysely';
import { assertCanDo } from '../../domain/report-workflow.js';
import type { Actor } from '../../domain/user.js';
import { paths } from '../../domain/paths.js';
import { recordAudit } from '../../store/audit-log.js';
import { deleteRedirectsTo } from '../../store/redirects.js';
import { deleteReportRow, getEditableReport } from '../../store/reports.js';
import { deleteRevisionsOf } from '../../store/revisions.js';
import { unindexReport } from '../../store/search.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { Database } from '../../store/database.js';
import type { ActionContext } from '../runtime/context.js';

/** The row and everything that is only the report's (search entry, revisions, redirects to it); checks are the caller's. */
export async function removeReportIn(trx: Kysely<Database>, report: { id: number; slug: string }): Promise<void> {
  await unindexReport(trx, report.id);
  await deleteRevisionsOf(trx, report.id);
  await deleteRedirectsTo(trx, paths.report(report.slug));
  await deleteReportRow(trx, report.id);
}

/** Throws ForbiddenError (not the owner), ReportStateError (not in the trash), ReportNotFoundError. */
export async function deleteReportPermanently(ctx: ActionContext, actor: Actor, reportId: number): Promise<void> {
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const report = await getEditableReport(trx, reportId);
    assertCanDo(actor, 'delete', report);
    await removeReportIn(trx, report);
    await bumpContentVersion(trx);
    // The title and slug stay in the log: the report itself is gone.
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        login: actor.login,
        ip: actor.ip,
        action: 'report.delete',
        target: `report:${report.id}`,
        detail: { title: report.title, slug: report.slug },
      },
      nowIso,
    );
  });
}
