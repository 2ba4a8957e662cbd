// The audit log: who did what, when, from where. Written inside the transaction of the
// change it records, so a change and its entry are kept or lost together.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

type Q = Kysely<Database>;

export interface AuditEntryInput {
  /** The acting user; undefined for an anonymous act (a failed login) or the system (the scheduler). */
  userId?: number;
  /** The login as typed or as it was then, kept even if the user is later deleted. */
  login?: string;
  /** What happened, a stable English code: 'login', 'report.publish', 'user.add', … */
  action: string;
  /** What it happened to, e.g. 'report:12' or 'user:3'. */
  target?: string;
  /** Anything else worth keeping, as short JSON. */
  detail?: Record<string, unknown>;
  ip?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  login: string;
  action: string;
  target: string;
  detail: string;
  ip: string;
}

export async function recordAudit(trx: Q, entry: AuditEntryInput, nowIso: string): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: nowIso,
      user_id: entry.userId ?? null,
      login: entry.login ?? '',
      action: entry.action,
      target: entry.target ?? '',
      detail: entry.detail ? JSON.stringify(entry.detail) : '',
      ip: entry.ip ?? '',
    })
    .execute();
}

/** Newest first; `beforeId` pages back through older entries. */
export async function listAudit(db: Q, options: { limit: number; beforeId?: number; action?: string }): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  if (options.action) query = query.where('action', '=', options.action);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, at: r.at, userId: r.user_id, login: r.login, action: r.action, target: r.target, detail: r.detail, ip: r.ip }));
}
