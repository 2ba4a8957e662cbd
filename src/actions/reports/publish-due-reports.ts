// The scheduler's step: publish every scheduled report whose time has come. The
// conditional UPDATE in publishDueScheduled decides, so two processes running this at the
// same moment publish each report once, and only the rows one run changed are indexed
// and recorded by it.
import { searchDocument } from '../../domain/search/document.js';
import { recordAudit } from '../../store/audit-log.js';
import { listSummariesWithText, publishDueScheduled } from '../../store/reports.js';
import { indexReport } from '../../store/search.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';

/** The login recorded in the audit log for what the scheduler does. */
export const SCHEDULER_LOGIN = 'scheduler';

/** Returns the ids this run published, in id order. */
export async function publishDueReports(ctx: ActionContext): Promise<number[]> {
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    // The UPDATE comes first: on SQLite it takes the write lock before this transaction
    // reads anything, so a concurrent run waits for it instead of failing on a stale snapshot.
    const ids = await publishDueScheduled(trx, nowIso);
    if (ids.length === 0) return ids;
    for (const { summary, bodyText } of await listSummariesWithText(trx, ids)) {
      await indexReport(trx, summary.id, searchDocument(summary.title, bodyText));
      await recordAudit(
        trx,
        {
          login: SCHEDULER_LOGIN,
          action: 'report.publish',
          target: `report:${summary.id}`,
          detail: { from: 'scheduled', to: 'published', publishedAt: summary.publishedAt },
        },
        nowIso,
      );
    }
    await bumpContentVersion(trx);
    return ids;
  });
}
