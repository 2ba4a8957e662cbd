// The audit log: who did what, when, from where. Written inside the transaction of the
// change it records, so a change and its entry are kept or lost together. Identical entries
// within a fold window share a row (a count and the last time), and old entries are pruned,
// so the log stays bounded however often an attacker knocks (domain/audit-policy.ts).
import { sql, type Insertable, type Kysely } from 'kysely';
import type { AuditEntry } from '../domain/audit-entry.js';
import { auditFoldWindow } from '../domain/audit-policy.js';
import type { AuditLogTable, Database } from './database.js';
import { DeferredRows } from './deferred-rows.js';

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

/**
 * Records one entry, or counts it on the row of an identical one (same action, login,
 * address, target and detail) in the same fold window. One upsert on the unique fold index,
 * so simultaneous writers, in one process or several, add to the same row.
 */
export async function recordAudit(trx: Q, entry: AuditEntryInput, nowIso: string): Promise<void> {
  const row = {
    at: nowIso,
    last_at: nowIso,
    fold_window: auditFoldWindow(new Date(nowIso)),
    user_id: entry.userId ?? null,
    login: entry.login ?? '',
    action: entry.action,
    target: entry.target ?? '',
    detail: entry.detail ? JSON.stringify(entry.detail) : '',
    ip: entry.ip ?? '',
    count: 1,
  };
  if (!heldEntries.note(trx, row)) await upsertEntries(trx, [row]);
}

type AuditRow = Omit<Insertable<AuditLogTable>, 'id' | 'count'> & { count: number; fold_window: number };

/** Entries held back in an import's batch (store/deferred-rows.ts), written as one upsert. */
const heldEntries = new DeferredRows<AuditRow>((trx, rows) => upsertEntries(trx, foldRows(rows)));

/** Identical entries of one statement made one row first: an upsert may not touch a row twice. */
function foldRows(rows: AuditRow[]): AuditRow[] {
  const byKey = new Map<string, AuditRow>();
  for (const row of rows) {
    const key = JSON.stringify([row.fold_window, row.action, row.login, row.ip, row.target, row.detail]);
    const same = byKey.get(key);
    if (!same) byKey.set(key, { ...row });
    else {
      same.count += row.count;
      if (row.at < same.at) same.at = row.at;
      if (row.last_at! > same.last_at!) same.last_at = row.last_at;
    }
  }
  return [...byKey.values()];
}

async function upsertEntries(trx: Q, rows: AuditRow[]): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['fold_window', 'action', 'login', 'ip', 'target', 'detail']).doUpdateSet((eb) => ({
        count: eb('audit_log.count', '+', eb.ref('excluded.count')),
        // The later of the two; a CASE, since SQLite's two-argument max() is greatest() in PostgreSQL.
        last_at: sql<string>`case when ${eb.ref('excluded.last_at')} > ${eb.ref('audit_log.last_at')} then ${eb.ref('excluded.last_at')} else ${eb.ref('audit_log.last_at')} end`,
      })),
    )
    .execute();
}

/**
 * Deletes up to `limit` of the oldest entries first recorded before `beforeIso` and returns
 * how many went; callers repeat while it returns `limit`, so no single write holds the
 * database for long. Uses the (at, id) index: no full scan.
 */
export async function deleteAuditBefore(db: Q, beforeIso: string, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('audit_log')
    .where('id', 'in', (eb) => eb.selectFrom('audit_log').select('id').where('at', '<', beforeIso).orderBy('at').limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Newest first; `beforeId` pages back through older entries. */
export async function listAudit(db: Q, options: { limit: number; beforeId?: number; action?: string }): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  if (options.action) query = query.where('action', '=', options.action);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    login: r.login,
    action: r.action,
    target: r.target,
    detail: r.detail,
    ip: r.ip,
    count: r.count,
    lastAt: r.last_at,
  }));
}
