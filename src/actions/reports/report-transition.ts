// The shared shape of every status change (submit, publish, schedule, unpublish, trash,
// restore): load, check the workflow, change the status only if nobody changed it first,
// keep the search index and the content version in step, and record it, in one transaction.
import { EditConflictError, ReportStateError, ValidationError } from '../../domain/errors.js';
import { assertCanDo, WORKFLOW_MESSAGES, type ReportAction } from '../../domain/report-workflow.js';
import type { Actor } from '../../domain/user.js';
import type { StaleVersion } from '../../domain/revision.js';
import { searchDocument } from '../../domain/search/document.js';
import type { ReportStatus } from '../../domain/report.js';
import { recordAudit } from '../../store/audit-log.js';
import type { EditableReport } from '../../domain/editable-report.js';
import { getEditableReport, setReportStatus, type StatusChange } from '../../store/reports.js';
import { indexReport, unindexReport } from '../../store/search.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';
import { contentOf } from './save-report.js';

export interface TransitionRequest {
  reportId: number;
  /**
   * The version the page showed. When given and the report has been saved since, nothing
   * happens and EditConflictError says so: nobody publishes text they have not seen.
   */
  expectedVersion?: number;
}

export interface TransitionSpec {
  action: ReportAction;
  /** Audit log action code, e.g. 'report.publish'. */
  auditAction: string;
  /** The new workflow columns, from the report as loaded in the transaction. */
  change: (report: EditableReport, nowIso: string) => StatusChange;
  /** Further checks on the loaded report (throw ValidationError). */
  check?: (report: EditableReport) => void;
  detail?: Record<string, unknown>;
}

export interface TransitionResult {
  id: number;
  slug: string;
  status: ReportStatus;
  version: number;
}

export async function transitionReport(ctx: ActionContext, actor: Actor, request: TransitionRequest, spec: TransitionSpec): Promise<TransitionResult> {
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const report = await getEditableReport(trx, request.reportId);
    assertCanDo(actor, spec.action, report);
    if (request.expectedVersion !== undefined && request.expectedVersion !== report.version) {
      const details: StaleVersion = {
        reportId: report.id,
        current: { version: report.version, content: contentOf(report) },
        baseVersion: request.expectedVersion,
      };
      throw new EditConflictError(WORKFLOW_MESSAGES.staleVersion('report'), details);
    }
    spec.check?.(report);
    const change = spec.change(report, nowIso);
    if (!(await setReportStatus(trx, report.id, [report.status], change, nowIso))) {
      throw new ReportStateError(WORKFLOW_MESSAGES.statusChanged('report'));
    }
    const wasPublic = report.status === 'published';
    const isPublic = change.status === 'published';
    if (isPublic) await indexReport(trx, report.id, searchDocument(report.title, report.bodyText));
    else if (wasPublic) await unindexReport(trx, report.id);
    if (wasPublic || isPublic) await bumpContentVersion(trx);
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        login: actor.login,
        ip: actor.ip,
        action: spec.auditAction,
        target: `report:${report.id}`,
        detail: { from: report.status, to: change.status, ...spec.detail },
      },
      nowIso,
    );
    return { id: report.id, slug: report.slug, status: change.status, version: report.version };
  });
}

/** Publishing, scheduling and asking for review need a body. */
export function requireBody(what: string): (report: EditableReport) => void {
  return (report) => {
    if (report.bodySource.trim() === '') throw new ValidationError('入力内容に誤りがあります。', { bodySource: `本文を入力してから${what}ください。` });
  };
}
