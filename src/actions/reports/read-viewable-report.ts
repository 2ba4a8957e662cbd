// A report the actor may open in the admin (edit, history, record and bulk pages): the
// stored report, refused to a writer who did not write it (domain/report-access.ts).
import type { EditableReport } from '../../domain/editable-report.js';
import { ForbiddenError } from '../../domain/errors.js';
import { mayOpenReport } from '../../domain/report-access.js';
import type { Actor } from '../../domain/user.js';
import type { ActionContext } from '../runtime/context.js';
import { readEditableReport } from './read-editable-report.js';

/** Throws ReportNotFoundError, ForbiddenError. */
export async function readViewableReport(ctx: Pick<ActionContext, 'db'>, actor: Actor, reportId: number): Promise<EditableReport> {
  const report = await readEditableReport(ctx, reportId);
  if (!mayOpenReport(actor, report)) throw new ForbiddenError('自分が作成した報告だけを開けます。');
  return report;
}
