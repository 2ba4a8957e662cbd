// The integer primary key a row gets on insert: SQLite's `integer primary key autoincrement`
// (never reusing an id, as every SQLite database has had since migration 0001) and PostgreSQL's
// identity column. BY DEFAULT rather than ALWAYS, so a copy between databases keeps its ids.
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { engineOf } from './engine.js';

export function autoId<DB>(db: Kysely<DB>): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  if (engineOf(db) === 'postgres') return (c) => c.primaryKey().generatedByDefaultAsIdentity();
  return (c) => c.primaryKey().autoIncrement();
}
