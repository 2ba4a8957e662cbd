// The one condition "the report's confirmed activity record is of this kind" (issue 16), for
// the report lists (reports.ts) and the searches of both engines (search.ts, dialects/postgres-search.ts),
// and the kind the static search index holds for each report (confirmedActivityKinds).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from './database.js';

/** `reportId`: the column holding the report's id in the caller's query (`reports.id`, `r.id`). */
export function activityKindSql(reportId: string, kind: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(reportId)} in (select report_id from activity_records where kind = ${kind} and is_confirmed = 1)`;
}

/** The kind of each of `reportIds` that has a confirmed activity record (the kind activityKindSql matches it by). */
export async function confirmedActivityKinds(db: Db, reportIds: readonly number[]): Promise<Map<number, string>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db.selectFrom('activity_records').select(['report_id', 'kind']).where('is_confirmed', '=', 1).where('report_id', 'in', reportIds).execute();
  return new Map(rows.map((r) => [r.report_id, r.kind]));
}
