// Pruning the audit log: entries older than the retention period are deleted in small
// batches, and the pruning itself is recorded, so a gap in the log always has an explanation.
import { auditCutoff } from '../../domain/audit-policy.js';
import { deleteAuditBefore, recordAudit } from '../../store/audit-log.js';
import type { ActionContext } from '../runtime/context.js';

/** Small enough that each delete holds the write lock only briefly. */
const BATCH = 1000;

/** Deletes entries first recorded more than `retentionDays` ago; returns how many. */
export async function pruneAuditLog(ctx: ActionContext, retentionDays: number): Promise<number> {
  const now = ctx.now();
  const before = auditCutoff(now, retentionDays).toISOString();
  let deleted = 0;
  for (;;) {
    const count = await deleteAuditBefore(ctx.db, before, BATCH);
    deleted += count;
    if (count < BATCH) break;
  }
  if (deleted > 0) {
    await ctx.db
      .transaction()
      .execute((trx) => recordAudit(trx, { login: 'scheduler', action: 'audit.prune', detail: { deleted, before, retentionDays } }, now.toISOString()));
  }
  return deleted;
}
