// Every public activity record in batches by report id (issue 16 item 6): the open data files
// and their benchmark read the database a batch at a time, so memory stays flat however many
// records the site holds.
import { listPublicActivityRecords, type PublicActivityRecord } from '../../store/public-activity-records.js';
import type { SiteDeps } from '../site-deps.js';

/** Records per read: six queries each, a few hundred KB of rows. */
export const ACTIVITY_BATCH = 500;

export async function* publicActivityBatches(deps: Pick<SiteDeps, 'ctx'>, batchSize = ACTIVITY_BATCH): AsyncGenerator<PublicActivityRecord[]> {
  let after = 0;
  for (;;) {
    const batch = await listPublicActivityRecords(deps.ctx.db, after, batchSize);
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1]!.reportId;
  }
}
