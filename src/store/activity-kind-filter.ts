// The one condition "the report's confirmed activity record is of this kind" (issue 16), for
// the report lists (reports.ts) and the searches of both engines (search.ts, dialects/postgres-search.ts).
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** `reportId`: the column holding the report's id in the caller's query (`reports.id`, `r.id`). */
export function activityKindSql(reportId: string, kind: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(reportId)} in (select report_id from activity_records where kind = ${kind} and is_confirmed = 1)`;
}
