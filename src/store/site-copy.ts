// Row streaming for `katsudo copy-db` (actions/site/copy-database.ts): every table the schema
// has (dialects/table-catalog.ts), read in primary-key order a batch at a time and written in
// the same batches, so memory stays flat whatever the site's size. Ids are kept. A table is
// either copied or named in SKIPPED_TABLES with the reason; nothing is left out silently.
// Checksums use one canonical serialization of a row on both engines (columns by name, values
// as JSON), summed over rows so that the engines' different text orderings do not matter.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './database.js';
import { keepingIds, type TableShape } from './dialects/table-catalog.js';

/** Tables not copied, and why: short-lived sign-in state, and the search indexes (rebuilt instead). */
export const SKIPPED_TABLES: Readonly<Record<string, string>> = {
  sessions: 'sign-ins: everyone signs in again on the copy',
  pending_logins: 'a password accepted minutes ago, awaiting the second factor',
  webauthn_challenges: 'passkey challenges, valid for minutes',
  login_throttle: 'failed-login counters, valid for minutes',
  report_search: 'the search index: its formats differ by engine, rebuilt by reindex',
  page_search: 'the search index: its formats differ by engine, rebuilt by reindex',
};

/** Engine-specific parts of the search indexes (PostgreSQL's statistics tables): rebuilt with the index, never copied. */
const SEARCH_INDEX_PART = /^(report|page)_search_/;

/** Why a table is not copied, or undefined when it is. */
export function skipReason(table: string): string | undefined {
  return SKIPPED_TABLES[table] ?? (SEARCH_INDEX_PART.test(table) ? 'part of the search index: rebuilt by reindex' : undefined);
}

/** Tables whose rows the migrations write themselves (the content version's one row): replaced by the source's. */
export const SEEDED_TABLES: ReadonlySet<string> = new Set(['site_state']);

/** Rows per batch; parameters per statement stay far below both engines' limits (SQLite 32766). */
const BATCH_ROWS = 200;
const MAX_PARAMETERS = 30_000;

type Row = Record<string, unknown>;

export function batchSizeOf(shape: TableShape): number {
  return Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, shape.columns.length))));
}

export async function countRows(db: Db, table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * The table's rows a batch at a time in primary-key order (keyset: each batch starts after the
 * last key of the one before); a table without a key is read by offset, ordered by every column.
 */
export async function* readRows(db: Db, shape: TableShape, batchSize: number = batchSizeOf(shape)): AsyncGenerator<Row[]> {
  const columns = sql.join(shape.columns.map((c) => sql.ref(c)));
  const key = shape.primaryKey.length > 0 ? shape.primaryKey : shape.columns;
  const order = sql.join(key.map((c) => sql.ref(c)));
  let last: Row | undefined;
  for (let offset = 0; ; offset += batchSize) {
    const after = shape.primaryKey.length === 0 || last === undefined ? sql`` : sql`where (${order}) > (${sql.join(key.map((c) => (last as Row)[c]))})`;
    const page = shape.primaryKey.length === 0 ? sql`offset ${offset}` : sql``;
    const result = await sql<Row>`select ${columns} from ${sql.table(shape.name)} ${after} order by ${order} limit ${batchSize} ${page}`.execute(db);
    if (result.rows.length === 0) return;
    yield result.rows;
    if (result.rows.length < batchSize) return;
    last = result.rows[result.rows.length - 1];
  }
}

/** Writes rows read by readRows; self-references are written null here and set by restoreSelfReferences. */
export async function insertRows(db: Db, shape: TableShape, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const tuples = rows.map((row) => sql`(${sql.join(shape.columns.map((c) => (shape.selfReferences.includes(c) ? null : row[c])))})`);
  await sql`insert into ${sql.table(shape.name)} (${sql.join(shape.columns.map((c) => sql.ref(c)))}) ${keepingIds(db)} values ${sql.join(tuples)}`.execute(db);
}

/** Sets the self-referencing columns (a page's parent) once every row of the table exists. */
export async function restoreSelfReferences(from: Db, to: Db, shape: TableShape, batchSize?: number): Promise<void> {
  if (shape.selfReferences.length === 0) return;
  if (shape.primaryKey.length === 0) throw new Error(`${shape.name}: a self-referencing table without a primary key cannot be copied`);
  for await (const rows of readRows(from, shape, batchSize)) {
    for (const row of rows.filter((r) => shape.selfReferences.some((c) => r[c] !== null))) {
      const set = sql.join(shape.selfReferences.map((c) => sql`${sql.ref(c)} = ${row[c]}`));
      const where = sql.join(
        shape.primaryKey.map((k) => sql`${sql.ref(k)} = ${row[k]}`),
        sql` and `,
      );
      await sql`update ${sql.table(shape.name)} set ${set} where ${where}`.execute(to);
    }
  }
}

export interface TableSum {
  rows: number;
  /** Sum of the rows' canonical hashes, mod 2^128, as 32 hex digits. */
  checksum: string;
}

const MOD = 1n << 128n;

/** Counts and checksums a table by reading it with readRows (the same batches as the copy). */
export async function tableSum(db: Db, shape: TableShape, batchSize?: number): Promise<TableSum> {
  let rows = 0;
  let sum = 0n;
  for await (const batch of readRows(db, shape, batchSize)) {
    for (const row of batch) {
      sum = (sum + rowHash(shape, row)) % MOD;
      rows++;
    }
  }
  return { rows, checksum: sum.toString(16).padStart(32, '0') };
}

/** One row's canonical form: its columns by name, each value as JSON (bytes as base64); the same on both engines. */
export function canonicalRow(shape: TableShape, row: Row): string {
  const columns = [...shape.columns].sort();
  return JSON.stringify(columns.map((c) => [c, canonicalValue(row[c])]));
}

function canonicalValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

function rowHash(shape: TableShape, row: Row): bigint {
  return BigInt(`0x${createHash('sha256').update(canonicalRow(shape, row)).digest('hex').slice(0, 32)}`);
}
