// Restoring an older revision: its content is saved as a new version (with the note
// 「版Nから復元」), through the same checks and writes as an ordinary save.
import type { Actor } from '../../domain/user.js';
import { assertCanDo } from '../../domain/report-workflow.js';
import { REVISION_NOTES } from '../../domain/revision.js';
import { getEditableReport } from '../../store/reports.js';
import { getRevision } from '../../store/revisions.js';
import type { ActionContext } from '../runtime/context.js';
import { checkFields, settle, updateContentIn, type SavedReport } from './save-report.js';

export interface RestoreRevisionRequest {
  reportId: number;
  revisionId: number;
  /** The version the history page showed. */
  expectedVersion: number;
}

/**
 * Throws RevisionNotFoundError (also for another report's revision), ValidationError (the
 * old slug now belongs to another report, its category is gone), ForbiddenError,
 * ReportStateError, ReportNotFoundError, EditConflictError.
 */
export async function restoreRevision(ctx: ActionContext, actor: Actor, request: RestoreRevisionRequest): Promise<SavedReport> {
  const nowIso = ctx.now().toISOString();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const report = await getEditableReport(trx, request.reportId);
    assertCanDo(actor, 'edit', report);
    const revision = await getRevision(trx, request.revisionId, report.id);
    const content = await checkFields(trx, revision, report);
    return updateContentIn(
      trx,
      actor,
      report,
      content,
      {
        expectedVersion: request.expectedVersion,
        note: REVISION_NOTES.restoredFrom(revision.version),
        keepRefused: false,
        refusedRevisionId: revision.id,
        auditAction: 'report.restore_revision',
      },
      nowIso,
    );
  });
  return settle(outcome);
}
