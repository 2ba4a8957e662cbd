// Taking a report out of the trash, as a draft.
import type { Actor } from '../../domain/user.js';
import type { ActionContext } from '../runtime/context.js';
import { transitionReport, type TransitionRequest, type TransitionResult } from './report-transition.js';

/** Throws ForbiddenError, ReportStateError, ReportNotFoundError, EditConflictError (stale expectedVersion). */
export async function restoreReport(ctx: ActionContext, actor: Actor, request: TransitionRequest): Promise<TransitionResult> {
  return transitionReport(ctx, actor, request, {
    action: 'restore',
    auditAction: 'report.restore',
    change: () => ({ status: 'draft', trashedAt: null }),
  });
}
