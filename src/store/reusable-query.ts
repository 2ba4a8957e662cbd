// A hot query built and compiled once per connection, then run with new values. Kysely
// builds and compiles every query anew (immutable builder nodes, then the SQL text): for the
// small reads of a public page (a report, its tags, attachments, record) that cost as much
// CPU as SQLite's own work. The query is built once with a marker in place of each value;
// each run puts the values where the markers landed in the compiled parameters, so the SQL
// text (and so the prepared statement of statement-cache.ts) is the same every time.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './database.js';

/** Values a reusable query takes: single values only (a list would change the SQL text). */
export type QueryValue = string | number | bigint | null;

/** Stands in for a value while the query is compiled. */
class Marker {
  constructor(readonly name: string) {}
}

interface Plan {
  compiled: CompiledQuery;
  /** For each compiled parameter, the name of the value it takes, or undefined to keep it as compiled. */
  slots: Array<string | undefined>;
}

/**
 * Wraps `build`, which must pass each value of `values` to Kysely as a value (never test it,
 * format it or put it in a list): the query it describes is compiled once per connection
 * (a transaction is a connection of its own) and run with each call's values.
 * @throws Error when a value does not reach the compiled parameters (a misuse, found by the first call).
 */
export function reusableQuery<V extends Record<string, QueryValue>, R>(
  build: (db: Kysely<Database>, values: V) => Compilable<R>,
): (db: Kysely<Database>, values: V) => Promise<R[]> {
  const plans = new WeakMap<Kysely<Database>, Plan>();
  const planFor = (db: Kysely<Database>, values: V): Plan => {
    const known = plans.get(db);
    if (known) return known;
    const names = Object.keys(values);
    const markers = Object.fromEntries(names.map((name) => [name, new Marker(name)])) as unknown as V;
    const compiled = build(db, markers).compile();
    const slots = compiled.parameters.map((p) => (p instanceof Marker ? p.name : undefined));
    const missing = names.filter((name) => !slots.includes(name));
    if (missing.length > 0) throw new Error(`reusableQuery: ${missing.join(', ')} not among the compiled parameters of ${compiled.sql}`);
    const plan = { compiled, slots };
    plans.set(db, plan);
    return plan;
  };
  return async (db, values) => {
    const { compiled, slots } = planFor(db, values);
    const parameters = slots.map((name, i) => (name === undefined ? compiled.parameters[i] : values[name]));
    const result = await db.executeQuery<R>({ ...compiled, parameters });
    return result.rows;
  };
}
