// One schema, two dialects (issue 15 item 2): the migrations build the same tables on SQLite
// and PostgreSQL, compared table by table and column by column (names, mapped types,
// nullability, primary and unique keys, foreign keys, indexes).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { Db } from '../../src/store/database.js';
import { IMPLICIT_COLUMNS } from '../../src/store/dialects/table-catalog.js';
import { createTestSite } from '../support/db.js';
import { skipUnlessPostgres } from '../support/postgres.js';

interface TableShape {
  columns: string[];
  primaryKey: string[];
  unique: string[];
  foreignKeys: string[];
  indexes: string[];
}

/** The search indexes differ by design (FTS5 virtual tables / a table with a GIN-indexed array): checked apart. */
const SEARCH_TABLES = ['report_search', 'page_search'];

/** An index part that is not a column of the table is an expression; the engines spell those differently. */
const part = (name: string | null, columns: Set<string>) => (name !== null && columns.has(name) ? name : '<expression>');

async function sqliteSchema(db: Db): Promise<Map<string, TableShape>> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and sql not like 'create virtual table%'
    and name not like 'sqlite_%' and name not like 'kysely_%' and name not like 'report_search_%' and name not like 'page_search_%' order by name`.execute(db);
  const shapes = new Map<string, TableShape>();
  for (const { name } of tables.rows) {
    const info = await sql<{ name: string; type: string; notnull: number; pk: number }>`select * from pragma_table_info(${name})`.execute(db);
    const columnNames = new Set(info.rows.map((c) => c.name));
    const keyed = info.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    // A primary key column is NOT NULL on both engines (SQLite's pragma says 0 for `integer primary key`).
    const columns = info.rows.map((c) => `${c.name} ${c.type.toLowerCase()}${c.notnull || c.pk ? ' not null' : ''}`);
    const indexList = await sql<{ name: string; unique: number; origin: string }>`select * from pragma_index_list(${name})`.execute(db);
    const unique: string[] = [];
    const indexes: string[] = [];
    for (const index of indexList.rows) {
      if (index.origin === 'pk') continue;
      const parts = await sql<{ name: string | null }>`select name from pragma_index_info(${index.name}) order by seqno`.execute(db);
      const list = parts.rows.map((p) => part(p.name, columnNames)).join(', ');
      if (index.origin === 'u') unique.push(list);
      else indexes.push(`${index.name}${index.unique ? ' unique' : ''} (${list})`);
    }
    const fks = await sql<{ from: string; table: string; to: string; on_delete: string }>`select * from pragma_foreign_key_list(${name})`.execute(db);
    shapes.set(name, {
      columns,
      primaryKey: keyed.map((c) => c.name),
      unique: unique.sort(),
      foreignKeys: fks.rows.map((f) => `${f.from} -> ${f.table}.${f.to} on delete ${f.on_delete.toLowerCase()}`).sort(),
      indexes: indexes.sort(),
    });
  }
  return shapes;
}

const PG_DELETE_RULES: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

async function postgresSchema(db: Db): Promise<Map<string, TableShape>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    and table_name not like 'report_search_%' and table_name not like 'page_search_%' order by table_name`.execute(db);
  const shapes = new Map<string, TableShape>();
  for (const { name } of tables.rows) {
    const info = await sql<{ name: string; type: string; nullable: string }>`select column_name as name, data_type as type, is_nullable as nullable
      from information_schema.columns where table_schema = 'public' and table_name = ${name} order by ordinal_position`.execute(db);
    const implicit = IMPLICIT_COLUMNS[name] ?? [];
    const visible = info.rows.filter((c) => !implicit.includes(c.name));
    const columnNames = new Set(visible.map((c) => c.name));
    const indexRows = await sql<{ name: string; is_unique: boolean; constraint_type: string | null; parts: string[] }>`
      select c.relname as name, i.indisunique as is_unique, con.contype as constraint_type,
        array(select pg_get_indexdef(i.indexrelid, k, true) from generate_series(1, i.indnkeyatts) as k order by k) as parts
      from pg_index i join pg_class c on c.oid = i.indexrelid
      left join pg_constraint con on con.conindid = i.indexrelid and con.contype in ('p', 'u')
      where i.indrelid = ${name}::regclass`.execute(db);
    // pg_get_indexdef quotes names that are keywords ("position").
    const unquoted = (parts: string[]) => parts.map((p) => p.replace(/^"(.*)"$/, '$1'));
    const listOf = (parts: string[]) =>
      unquoted(parts)
        .map((p) => part(p, columnNames))
        .join(', ');
    const fks = await sql<{ from_column: string; to_table: string; to_column: string; rule: string }>`
      select a.attname as from_column, confrelid::regclass::text as to_table, b.attname as to_column, con.confdeltype as rule
      from pg_constraint con
      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
      join pg_attribute b on b.attrelid = con.confrelid and b.attnum = con.confkey[1]
      where con.contype = 'f' and con.conrelid = ${name}::regclass`.execute(db);
    shapes.set(name, {
      columns: visible.map((c) => `${c.name} ${c.type}${c.nullable === 'NO' ? ' not null' : ''}`),
      primaryKey: unquoted(indexRows.rows.find((i) => i.constraint_type === 'p')?.parts ?? []),
      unique: indexRows.rows
        .filter((i) => i.constraint_type === 'u')
        .map((i) => listOf(i.parts))
        .sort(),
      foreignKeys: fks.rows.map((f) => `${f.from_column} -> ${f.to_table}.${f.to_column} on delete ${PG_DELETE_RULES[f.rule]}`).sort(),
      indexes: indexRows.rows
        .filter((i) => i.constraint_type === null)
        .map((i) => `${i.name}${i.is_unique ? ' unique' : ''} (${listOf(i.parts)})`)
        .sort(),
    });
  }
  return shapes;
}

test('the migrations build the same tables, columns, keys and indexes on SQLite and PostgreSQL', { skip: skipUnlessPostgres() }, async () => {
  const sqlite = await createTestSite({ backend: 'sqlite' });
  const postgres = await createTestSite({ backend: 'postgres' });
  try {
    const expected = await sqliteSchema(sqlite.db);
    const actual = await postgresSchema(postgres.db);
    for (const table of SEARCH_TABLES) {
      assert.ok(actual.delete(table), `PostgreSQL has the search table ${table}`);
    }
    assert.deepEqual([...actual.keys()], [...expected.keys()], 'the same tables');
    for (const [table, shape] of expected) {
      assert.deepEqual(actual.get(table), shape, `table ${table}`);
    }
  } finally {
    await sqlite.cleanup();
    await postgres.cleanup();
  }
});

test(
  'the search tables on PostgreSQL keep the four token columns and the row size, without the unread terms and prefixes (migration 0032)',
  { skip: skipUnlessPostgres() },
  async () => {
    const site = await createTestSite({ backend: 'postgres' });
    try {
      await sql`insert into report_search (rowid, title, body, words, attachments) values (7, 'ab bc', 'cd', '', 'ef')`.execute(site.db);
      const row = await sql<{ size: number }>`select size from report_search where rowid = 7`.execute(site.db);
      assert.deepEqual(row.rows, [{ size: 4 }]);
      for (const table of ['report_search', 'page_search']) {
        const columns = await sql<{
          name: string;
        }>`select column_name as name from information_schema.columns where table_name = ${table} order by ordinal_position`.execute(site.db);
        assert.deepEqual(
          columns.rows.map((c) => c.name),
          ['rowid', 'title', 'body', 'words', 'attachments', 'size'],
          table,
        );
      }
      const indexes = await sql<{ name: string }>`select indexname as name from pg_indexes where indexname like '%_terms' or indexname like '%_prefixes'`.execute(
        site.db,
      );
      assert.deepEqual(indexes.rows, []);
    } finally {
      await site.cleanup();
    }
  },
);
