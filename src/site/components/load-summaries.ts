// Report summaries (title, dates, category, tags, summary) by id, kept for the content
// version: a report is listed on five pages or more (the list, its year, month, category and
// tags) and shown beside its two neighbours, and each read of its summary walks the row past
// its body. The static build reads each one once; the server's cache misses share them too.
import type { ReportSummary } from '../../domain/report.js';
import type { Db } from '../../store/database.js';
import { listSummariesByIds } from '../../store/reports.js';
import { memoByContentVersion } from '../content-memo.js';

/**
 * Summaries kept per version unless the caller keeps fewer (SiteDeps.summariesKept): a
 * 10,000-report site's take 8 MB of heap, 15 MB of RSS.
 */
const MAX_SUMMARIES = 20_000;

/** The published or unpublished reports of `ids` in that order (ids not found left out); past `maxKept` the memo starts afresh. */
export async function loadSummaries(db: Db, ids: readonly number[], maxKept = MAX_SUMMARIES): Promise<ReportSummary[]> {
  const known = await memoByContentVersion(db, 'summaries', async () => new Map<number, ReportSummary>());
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    const found = await listSummariesByIds(db, missing);
    if (known.size + found.length > maxKept) known.clear();
    for (const summary of found) known.set(summary.id, summary);
  }
  return ids.map((id) => known.get(id)).filter((s): s is ReportSummary => s !== undefined);
}
