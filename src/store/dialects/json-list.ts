// A list read inside another row's query, as JSON: a report's tags or attachments come back
// in the report's own row instead of a second query (on PostgreSQL each query is a round trip
// with its own parse and plan; issue 15 item 8). Contract:
// - `jsonList(db, value, orderBy)` is an aggregate: put it as the only selection of a
//   correlated subquery. It gives a JSON array of `value` over that subquery's rows in the
//   order of `orderBy` (explicit inside the aggregate, never the subquery's order), and `[]`
//   for no rows, never null.
// - `jsonRow(db, columns)` is one row as a JSON object: `columns` maps each key to a column
//   reference (`table.column`).
// - `parseJsonList(value)` reads the result: SQLite returns the JSON text, pg parses json
//   columns itself. Numbers come back as numbers, text as strings, NULL as null on both.
// Synchronous builders; the SQL is the same but for the function names: json_agg and
// json_build_object on PostgreSQL, json_group_array and json_object on SQLite (3.44+ for
// ORDER BY inside an aggregate).
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../database.js';
import { engineOf } from './engine.js';

export function jsonList(db: Kysely<Database>, value: Expression<unknown>, orderBy: Expression<unknown>[]): RawBuilder<unknown> {
  const order = sql.join(orderBy);
  if (engineOf(db) === 'postgres') return sql`coalesce(json_agg(${value} order by ${order}), '[]')`;
  return sql`json_group_array(${value} order by ${order})`;
}

export function jsonRow(db: Kysely<Database>, columns: Record<string, string>): RawBuilder<unknown> {
  const pairs = sql.join(Object.entries(columns).map(([key, column]) => sql`${sql.lit(key)}, ${sql.ref(column)}`));
  return engineOf(db) === 'postgres' ? sql`json_build_object(${pairs})` : sql`json_object(${pairs})`;
}

export function parseJsonList<T>(value: unknown): T[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}
