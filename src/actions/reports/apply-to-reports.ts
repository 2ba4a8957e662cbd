// Bulk actions of the report list (issue 12 item 6): trash, restore, publish or change the
// category of several reports. Each report goes through the same action as its own button
// (permissions and workflow rules hold per report, from the version the list showed); a
// refused one is reported with its reason and the others are done.
import { AppError, NotFoundError } from '../../domain/errors.js';
import type { BulkAction } from '../../domain/report-bulk.js';
import type { Actor } from '../../domain/user.js';
import type { EditableReport } from '../../domain/editable-report.js';
import type { ActionContext } from '../runtime/context.js';
import { publishReport } from './publish-report.js';
import { restoreReport } from './restore-report.js';
import { saveReport } from './save-report.js';
import { trashReport } from './trash-report.js';

/** More than a list page shows; a longer list is cut here. */
export const MAX_BULK_REPORTS = 100;

export interface BulkRequest {
  reportIds: readonly number[];
  action: BulkAction;
  /** For `category`: the new category, null for none. */
  categoryId?: number | null;
}

export interface BulkOutcome {
  done: { id: number; title: string }[];
  refused: { id: number; title: string; reason: string }[];
}

/**
 * @param open loads a report the actor may open (the web's rule: writers their own only), or throws an AppError
 */
export async function applyToReports(ctx: ActionContext, actor: Actor, request: BulkRequest, open: (id: number) => Promise<EditableReport>): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { done: [], refused: [] };
  for (const id of [...new Set(request.reportIds)].slice(0, MAX_BULK_REPORTS)) {
    let title = `報告 ${id}`;
    try {
      const report = await open(id);
      title = report.title;
      await applyToReport(ctx, actor, report, request);
      outcome.done.push({ id, title });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome.refused.push({ id, title, reason: reasonOf(error) });
    }
  }
  return outcome;
}

async function applyToReport(ctx: ActionContext, actor: Actor, report: EditableReport, request: BulkRequest): Promise<void> {
  const transition = { reportId: report.id, expectedVersion: report.version };
  switch (request.action) {
    case 'trash':
      await trashReport(ctx, actor, transition);
      return;
    case 'restore':
      await restoreReport(ctx, actor, transition);
      return;
    case 'publish':
      await publishReport(ctx, actor, transition);
      return;
    case 'category':
      await saveReport(ctx, actor, {
        title: report.title,
        activityDate: report.activityDate,
        categoryId: request.categoryId ?? null,
        tags: report.tags,
        slug: report.slug,
        summary: report.summary,
        bodySource: report.bodySource,
        reportId: report.id,
        expectedVersion: report.version,
        note: 'カテゴリーを一括変更',
      });
  }
}

/** The Japanese message of a refusal (a field message for a refused save, say the empty body of a publish). */
function reasonOf(error: AppError): string {
  if (error instanceof NotFoundError) return '見つかりません(すでに削除された可能性があります)。';
  const fields = (error as { fields?: Record<string, string> }).fields;
  const first = fields ? Object.values(fields)[0] : undefined;
  return first ?? error.message;
}
