// Taking a published or scheduled report off the site: it becomes a draft again.
import type { Actor } from '../../domain/user.js';
import type { ActionContext } from '../runtime/context.js';
import { transitionReport, type TransitionRequest, type TransitionResult } from './report-transition.js';

/** Throws ForbiddenError, ReportStateError, ReportNotFoundError, EditConflictError (stale expectedVersion). */
export async function unpublishReport(ctx: ActionContext, actor: Actor, request: TransitionRequest): Promise<TransitionResult> {
  return transitionReport(ctx, actor, request, {
    action: 'unpublish',
    auditAction: 'report.unpublish',
    change: () => ({ status: 'draft', scheduledAt: null }),
  });
}
