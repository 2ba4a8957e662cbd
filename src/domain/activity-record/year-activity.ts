// A year of activity in numbers (issue 16, the calendar on /activity/<year>/ and the home
// page's summary): reports per day, per month and per kind. Pure: the rows come from store.

export interface YearActivity {
  year: number;
  /** Reports per activity day (`2026-03-04` → 2); days without any are absent. */
  days: Map<string, number>;
  /** Reports per month, January first (12 numbers). */
  months: number[];
  /** Days with at least one report, per month (12 numbers). */
  monthDays: number[];
  /** Reports per kind of their confirmed record, most first; `kind: null` for reports without one. */
  kinds: { kind: string | null; count: number }[];
  total: number;
}

export function summariseYear(year: number, rows: readonly { activityDate: string; kind: string | null }[]): YearActivity {
  const days = new Map<string, number>();
  const months = Array.from({ length: 12 }, () => 0);
  const kinds = new Map<string | null, number>();
  for (const row of rows) {
    days.set(row.activityDate, (days.get(row.activityDate) ?? 0) + 1);
    const month = Number(row.activityDate.slice(5, 7));
    if (month >= 1 && month <= 12) months[month - 1]! += 1;
    kinds.set(row.kind, (kinds.get(row.kind) ?? 0) + 1);
  }
  const monthDays = Array.from({ length: 12 }, () => 0);
  for (const day of days.keys()) {
    const month = Number(day.slice(5, 7));
    if (month >= 1 && month <= 12) monthDays[month - 1]! += 1;
  }
  const byCount = [...kinds].map(([kind, count]) => ({ kind, count }));
  // Most first; reports without a kind last; ties in the collator's order.
  byCount.sort((a, b) => (a.kind === null ? 1 : 0) - (b.kind === null ? 1 : 0) || b.count - a.count || (a.kind ?? '').localeCompare(b.kind ?? '', 'ja'));
  return { year, days, months, monthDays, kinds: byCount, total: rows.length };
}
