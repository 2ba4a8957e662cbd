// Moving a report to the trash: off the site and out of search, restorable.
import type { Actor } from '../../domain/user.js';
import type { ActionContext } from '../runtime/context.js';
import { transitionReport, type TransitionRequest, type TransitionResult } from './report-transition.js';

/** Throws ForbiddenError, ReportStateError, ReportNotFoundError, EditConflictError (stale expectedVersion). */
export async function trashReport(ctx: ActionContext, actor: Actor, request: TransitionRequest): Promise<TransitionResult> {
  return transitionReport(ctx, actor, request, {
    action: 'trash',
    auditAction: 'report.trash',
    change: (_report, nowIso) => ({ status: 'trashed', trashedAt: nowIso, scheduledAt: null, submittedAt: null }),
  });
}
