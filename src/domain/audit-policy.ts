// How long the audit log keeps entries and how it folds repeats. A blocked address
// hammering the login form once wrote a row per attempt (~300 KB/s, issue 9); identical
// entries now share one row per window, and old entries are pruned.

/** Kept this long unless KATSUDO_AUDIT_RETENTION_DAYS says otherwise. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

/**
 * Identical entries (same action, login, address, target and detail) within one fixed
 * window of this length become one row with a count and the time of the last one.
 */
export const AUDIT_FOLD_WINDOW_MS = 10 * 60_000;

/** The number of the fold window `at` falls in (windows start at the Unix epoch). */
export function auditFoldWindow(at: Date): number {
  return Math.floor(at.getTime() / AUDIT_FOLD_WINDOW_MS);
}

/** Entries first recorded before this time are pruned. */
export function auditCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 24 * 60 * 60_000);
}
