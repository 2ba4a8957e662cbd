// Taking a draft back from review (the writer, or an editor sending it back).
import type { Actor } from '../../domain/user.js';
import type { ActionContext } from '../runtime/context.js';
import { transitionReport, type TransitionRequest, type TransitionResult } from './report-transition.js';

/** Throws ForbiddenError, ReportStateError, ReportNotFoundError, EditConflictError (stale expectedVersion). */
export async function withdrawSubmission(ctx: ActionContext, actor: Actor, request: TransitionRequest): Promise<TransitionResult> {
  return transitionReport(ctx, actor, request, {
    action: 'withdraw',
    auditAction: 'report.withdraw',
    change: () => ({ status: 'draft', submittedAt: null }),
  });
}
