// Prepared statements kept for reuse: Kysely's SQLite driver prepares every query anew, and
// preparing costs about as much as running a small statement (an import runs ~30 per post).
// The SQL text is the key (Kysely writes parameters as ?), so each distinct query is
// prepared once per connection. Bounded: the oldest entry goes when the cache is full
// (queries built from user input, such as searches with many terms, vary without end).
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

const MAX_STATEMENTS = 500;

/** The same connection, with `prepare` answered from a cache. */
export function withStatementCache(db: SqliteDatabase): SqliteDatabase {
  const cache = new Map<string, Statement>();
  const prepare = (source: string): Statement => {
    const cached = cache.get(source);
    // A statement still iterating (a stream) cannot run again until it is done.
    if (cached && !cached.busy) return cached;
    const statement = db.prepare(source);
    if (cached) return statement;
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
