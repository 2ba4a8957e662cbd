// Which database engine a Kysely handle (or a transaction of it) runs on. Store modules and
// migrations branch on it only where the two engines need different SQL (docs/ARCHITECTURE.md,
// "One schema, two dialects"); everything else is written once.
import { PostgresAdapter, type Kysely } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

export function engineOf<DB>(db: Kysely<DB>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
