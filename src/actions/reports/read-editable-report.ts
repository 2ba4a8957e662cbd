// A report as its edit, history and delete pages show it, whatever its status.
import type { EditableReport } from '../../domain/editable-report.js';
import { getEditableReport } from '../../store/reports.js';
import type { ActionContext } from '../runtime/context.js';

/** Throws ReportNotFoundError. */
export function readEditableReport(ctx: Pick<ActionContext, 'db'>, reportId: number): Promise<EditableReport> {
  return getEditableReport(ctx.db, reportId);
}
