// The published reports of a list in public order (newest activity first), read once per
// content version: the list pages take their slice of it, and a report page finds its
// neighbours in the main list's order instead of two queries of its own.
import type { Db } from '../../store/database.js';
import { findNeighbourIds, listReportIds, type ReportFilter } from '../../store/reports.js';
import { memoByContentVersion } from '../content-memo.js';

/** The ids of the published reports of `filter`, in the list's order. */
export async function loadListOrder(db: Db, filter: Omit<ReportFilter, 'status'>): Promise<readonly number[]> {
  const published = { ...filter, status: 'published' as const };
  return memoByContentVersion(db, `list ${JSON.stringify(published)}`, () => listReportIds(db, published));
}

/**
 * The published reports just before and after `report` in the public order. A report that
 * is not in the list read (unpublished since, or the version moved on between the two reads)
 * asks the database.
 */
export async function loadNeighbourIds(db: Db, report: { id: number; activityDate: string }): Promise<{ olderId?: number; newerId?: number }> {
  const order = await loadListOrder(db, {});
  // A scan of small integers: a few microseconds for 10,000 reports, and nothing more to keep.
  const at = order.indexOf(report.id);
  if (at < 0) return findNeighbourIds(db, report);
  return { olderId: order[at + 1], newerId: at === 0 ? undefined : order[at - 1] };
}
