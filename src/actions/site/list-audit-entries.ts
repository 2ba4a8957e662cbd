// The audit log for the owner's page, newest first, a page at a time: entries before
// `beforeId` (keyset paging, stable while new entries arrive).
import type { AuditEntry } from '../../domain/audit-entry.js';
import { listAudit } from '../../store/audit-log.js';
import type { ActionContext } from '../runtime/context.js';

export function listAuditEntries(ctx: Pick<ActionContext, 'db'>, page: { limit: number; beforeId?: number }): Promise<AuditEntry[]> {
  return listAudit(ctx.db, page);
}
