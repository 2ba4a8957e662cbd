// One row of the audit log as it is read back: who did what, when, from where, with
// identical acts folded into one row (domain/audit-policy.ts).

export interface AuditEntry {
  id: number;
  at: string;
  /** Null for an anonymous act (a failed login) or the system (the scheduler, an import). */
  userId: number | null;
  login: string;
  action: string;
  target: string;
  detail: string;
  ip: string;
  /** How many identical entries this row stands for, the first at `at`, the last at `lastAt`. */
  count: number;
  lastAt: string;
}
