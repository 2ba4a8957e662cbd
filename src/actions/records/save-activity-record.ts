// Saving the record staff confirmed in the editor panel (issue 16 items 2 and 7): only someone
// who may edit the report, only a record that passes checkActivityRecord (nothing is written
// otherwise), and from then on the saved record is the truth. The related documents are the
// report's attachments; the organisations and countries are those its participants name.
import type { ActivityRecord } from '../../domain/activity-record/activity-record.js';
import { checkActivityRecord } from '../../domain/activity-record/check-activity-record.js';
import { affiliationsOf } from '../../domain/activity-record/affiliations.js';
import { assertCanDo } from '../../domain/report-workflow.js';
import type { Actor } from '../../domain/user.js';
import { getActivityKinds, saveActivityRecord } from '../../store/activity-records.js';
import { recordAudit } from '../../store/audit-log.js';
import { getEditableReport } from '../../store/reports.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';
import { relatedDocumentsOf } from './propose-activity-record.js';

/** What the panel posts: the documents, organisations and countries are not typed but derived. */
export type ActivityRecordInput = Omit<ActivityRecord, 'documents' | 'organisations' | 'countries'>;

/**
 * Throws ValidationError (a message per field: `kind`, `spans.0.end`, `participants.1.name` …),
 * ForbiddenError / ReportStateError (as for editing the report), ReportNotFoundError.
 */
export async function confirmActivityRecord(ctx: ActionContext, actor: Actor, reportId: number, input: ActivityRecordInput): Promise<ActivityRecord> {
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const report = await getEditableReport(trx, reportId);
    assertCanDo(actor, 'edit', report);
    const checked = checkActivityRecord({ ...input, organisations: [], countries: [], documents: [] }, await getActivityKinds(trx));
    const record = { ...checked, ...affiliationsOf(checked.participants), documents: await relatedDocumentsOf(trx, reportId) };
    await saveActivityRecord(trx, reportId, record, { isConfirmed: true, at: nowIso });
    await recordAudit(trx, { userId: actor.userId, login: actor.login, ip: actor.ip, action: 'report.record', target: `report:${reportId}` }, nowIso);
    // Public pages will show the record (issue 16 item 3): a published report's pages change.
    if (report.status === 'published') await bumpContentVersion(trx);
    return record;
  });
}
