// Publishing a draft or a scheduled report now. A report published before keeps its first publication time.
import type { Actor } from '../../domain/user.js';
import type { ActionContext } from '../runtime/context.js';
import { transitionReport, requireBody, type TransitionRequest, type TransitionResult } from './report-transition.js';

/** Throws ForbiddenError, ReportStateError, ReportNotFoundError, EditConflictError (stale expectedVersion), ValidationError (empty body). */
export async function publishReport(ctx: ActionContext, actor: Actor, request: TransitionRequest): Promise<TransitionResult> {
  return transitionReport(ctx, actor, request, {
    action: 'publish',
    auditAction: 'report.publish',
    check: requireBody('公開して'),
    change: (report, nowIso) => ({ status: 'published', publishedAt: report.publishedAt ?? nowIso, scheduledAt: null, submittedAt: null }),
  });
}
