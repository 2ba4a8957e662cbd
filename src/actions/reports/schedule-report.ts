// Scheduling a draft (or moving a scheduled report) to be published at a future moment;
// publishDueReports does the publishing.
import { ValidationError } from '../../domain/errors.js';
import { parsePublishAt } from '../../domain/report-workflow.js';
import type { Actor } from '../../domain/user.js';
import type { ActionContext } from '../runtime/context.js';
import { requireBody, transitionReport, type TransitionRequest, type TransitionResult } from './report-transition.js';

export interface ScheduleRequest extends TransitionRequest {
  /** `YYYY-MM-DDTHH:mm` (Japan time, as a datetime-local field sends it) or an ISO instant with zone. */
  publishAt: string;
}

/**
 * Throws ValidationError on field `scheduledAt` (not a real moment, or not in the future)
 * or `bodySource` (empty), and what transitionReport throws.
 */
export async function scheduleReport(ctx: ActionContext, actor: Actor, request: ScheduleRequest): Promise<TransitionResult & { scheduledAt: string }> {
  const at = parsePublishAt(request.publishAt);
  if (!at) throw new ValidationError('入力内容に誤りがあります。', { scheduledAt: '公開日時を正しく入力してください(例: 2024-05-01 09:00)。' });
  if (at.getTime() <= ctx.now().getTime()) {
    throw new ValidationError('入力内容に誤りがあります。', {
      scheduledAt: '公開予約の日時は、現在より後にしてください。すぐに公開するときは「今すぐ公開」を使ってください。',
    });
  }
  const scheduledAt = at.toISOString();
  const result = await transitionReport(ctx, actor, request, {
    action: 'schedule',
    auditAction: 'report.schedule',
    check: requireBody('公開予約して'),
    change: () => ({ status: 'scheduled', scheduledAt, submittedAt: null }),
    detail: { scheduledAt },
  });
  return { ...result, scheduledAt };
}
