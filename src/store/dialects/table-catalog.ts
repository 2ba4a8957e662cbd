// What tables the migrated schema has, read from the engine's own catalog (sqlite_master and
// its pragmas / information_schema and pg_catalog), for the whole-site copy (store/site-copy.ts):
// a table a later migration adds is copied without anyone listing it. Contract: listTables
// gives the ordinary tables only (no migration bookkeeping, no engine tables, no FTS5 virtual
// tables or their shadow tables); columnsOf includes SQLite's implicit rowid where PostgreSQL
// has it as a real column; moveIdentitySequences is a no-op on SQLite (AUTOINCREMENT follows
// the ids inserted).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../database.js';
import { engineOf } from './engine.js';

export interface TableShape {
  name: string;
  /** Every column, in the schema's order. */
  columns: string[];
  /** The primary key's columns; empty when the table has none. */
  primaryKey: string[];
  /** Columns referencing this same table (pages.parent_id): copied after the rows they point to exist. */
  selfReferences: string[];
  /** The other tables this one's foreign keys point to. */
  references: string[];
}

/**
 * Columns that one engine has implicitly and the other explicitly: SQLite's rowid orders a
 * file's uses in attachments, PostgreSQL has it as an identity column (dialects/auto-id.ts).
 */
export const IMPLICIT_COLUMNS: Readonly<Record<string, readonly string[]>> = { attachments: ['rowid'] };

const MIGRATION_TABLES = /^kysely_/;

export async function listTables(db: Db): Promise<TableShape[]> {
  const names = engineOf(db) === 'postgres' ? await postgresTableNames(db) : await sqliteTableNames(db);
  const shapes: TableShape[] = [];
  for (const name of names) shapes.push(engineOf(db) === 'postgres' ? await postgresShape(db, name) : await sqliteShape(db, name));
  return shapes;
}

async function sqliteTableNames(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_master where type = 'table' order by name`.execute(db);
  const virtual = rows.rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
  return rows.rows
    .map((r) => r.name)
    .filter((name) => !name.startsWith('sqlite_') && !MIGRATION_TABLES.test(name))
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)))
    .concat(virtual)
    .sort();
}

async function sqliteShape(db: Db, name: string): Promise<TableShape> {
  const info = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name})`.execute(db);
  const fks = await sql<{ from: string; table: string }>`select "from", "table" from pragma_foreign_key_list(${name})`.execute(db);
  const implicit = IMPLICIT_COLUMNS[name] ?? [];
  const columns = [...implicit, ...info.rows.map((c) => c.name)];
  const declared = info.rows
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  return shapeOf(name, columns, declared.length > 0 ? declared : [...implicit], fks.rows);
}

async function postgresTableNames(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.rows.map((r) => r.name).filter((name) => !MIGRATION_TABLES.test(name));
}

async function postgresShape(db: Db, name: string): Promise<TableShape> {
  const info = await sql<{ name: string; generated: string }>`select column_name as name, is_generated as generated from information_schema.columns
    where table_schema = current_schema() and table_name = ${name} order by ordinal_position`.execute(db);
  const keys = await sql<{ name: string }>`select a.attname as name from pg_index i
    join lateral unnest(i.indkey) with ordinality as k(attnum, n) on true
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    where i.indrelid = ${name}::regclass and i.indisprimary order by k.n`.execute(db);
  const fks = await sql<{ from: string; table: string }>`select a.attname as "from", c.confrelid::regclass::text as "table" from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.conrelid = ${name}::regclass and c.contype = 'f'`.execute(db);
  // Generated columns (the search tables' size) are computed by the server, never written.
  const columns = info.rows.filter((c) => c.generated !== 'ALWAYS').map((c) => c.name);
  return shapeOf(
    name,
    columns,
    keys.rows.map((k) => k.name),
    fks.rows,
  );
}

function shapeOf(name: string, columns: string[], primaryKey: string[], fks: { from: string; table: string }[]): TableShape {
  return {
    name,
    columns,
    primaryKey,
    selfReferences: fks.filter((f) => f.table === name).map((f) => f.from),
    references: [...new Set(fks.filter((f) => f.table !== name).map((f) => f.table))].sort(),
  };
}

/**
 * PostgreSQL: moves every identity column's sequence past the largest id in its table, so the
 * next insert after a copy (which kept the ids) does not collide. SQLite needs nothing.
 */
export async function moveIdentitySequences(db: Db): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  const identities = await sql<{ table: string; column: string }>`select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(db);
  for (const { table, column } of identities.rows) {
    // setval(…, max, true) makes the next value max + 1; an empty table starts again at 1.
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}

/**
 * The words an insert that keeps its ids needs before `values`: PostgreSQL refuses a value for a
 * `generated always` identity column (attachments.rowid) without them; SQLite has no such words.
 */
export function keepingIds(db: Db): RawBuilder<unknown> {
  return engineOf(db) === 'postgres' ? sql`overriding system value` : sql``;
}
