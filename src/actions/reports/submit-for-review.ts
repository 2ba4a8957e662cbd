// Asking an editor to review a draft (a writer's way to publish).
import type { Actor } from '../../domain/user.js';
import type { ActionContext } from '../runtime/context.js';
import { transitionReport, requireBody, type TransitionRequest, type TransitionResult } from './report-transition.js';

/** Throws ForbiddenError, ReportStateError, ReportNotFoundError, EditConflictError (stale expectedVersion), ValidationError (empty body). */
export async function submitForReview(ctx: ActionContext, actor: Actor, request: TransitionRequest): Promise<TransitionResult> {
  return transitionReport(ctx, actor, request, {
    action: 'submit',
    auditAction: 'report.submit',
    check: requireBody('確認依頼を出して'),
    change: (_report, nowIso) => ({ status: 'draft', submittedAt: nowIso }),
  });
}
