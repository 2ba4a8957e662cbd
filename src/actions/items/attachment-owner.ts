// What the attachment actions (attach, detach, reorder) need of the report or fixed page whose
// list they change: that it exists, and its search entry brought up to date afterwards (the
// text of attached PDFs is searchable with a published item).
import type { Kysely } from 'kysely';
import { PageNotFoundError, ReportNotFoundError } from '../../domain/errors.js';
import type { ItemRef } from '../../domain/item-ref.js';
import type { Database } from '../../store/database.js';
import { refreshPageIndex } from '../../store/page-search.js';
import { findPage } from '../../store/pages.js';
import { findReportById } from '../../store/reports.js';
import { refreshReportIndex } from '../../store/search.js';

/** The owner's status. Throws ReportNotFoundError, PageNotFoundError. */
export async function getOwnerStatus(trx: Kysely<Database>, item: ItemRef): Promise<string> {
  if (item.kind === 'page') {
    const page = await findPage(trx, item.id);
    if (!page) throw new PageNotFoundError(String(item.id));
    return page.status;
  }
  const report = await findReportById(trx, item.id);
  if (!report) throw new ReportNotFoundError(String(item.id));
  return report.status;
}

/** Re-indexes a published owner after its attachment list changed. */
export async function refreshOwnerIndex(trx: Kysely<Database>, item: ItemRef, status: string): Promise<void> {
  if (status !== 'published') return;
  if (item.kind === 'page') await refreshPageIndex(trx, item.id);
  else await refreshReportIndex(trx, item.id);
}
