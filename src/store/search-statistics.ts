// bm25's statistics as FTS5 keeps them: the row count and the total size in tokens of each
// index (report_search, page_search), read from its averages record (rowid 1 of the `_data`
// shadow table: SQLite varints, the row count then one total per column; see
// https://sqlite.org/fts5.html, "Virtual table shadow tables", and ext/fts5/fts5_index.c).
// The static search index (exporter/search/) needs them to rank exactly as the server does:
// in a contentless_delete table a removed row is not subtracted from them, so they cannot be
// recomputed from the published items. PostgreSQL keeps them the same way in `<table>_stats`.
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { engineOf } from './dialects/engine.js';

export interface SearchStatistics {
  rows: number;
  /** Tokens of every column of every row (bm25's average row size is totalTokens / rows). */
  totalTokens: number;
}

/** SQLite's varint: big-endian 7-bit groups, the ninth byte whole. */
function varints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    let value = 0;
    for (let i = 0; i < 9 && at < bytes.length; i++) {
      const b = bytes[at++]!;
      if (i === 8) {
        value = value * 256 + b;
        break;
      }
      value = value * 128 + (b & 0x7f);
      if (b < 0x80) break;
    }
    out.push(value);
  }
  return out;
}

export async function readSearchStatistics(db: Kysely<Database>, table: 'report_search' | 'page_search'): Promise<SearchStatistics> {
  if (engineOf(db) === 'postgres') {
    // The same counts, kept the same way beside the table (dialects/search-table.ts).
    const stats = await sql<SearchStatistics>`select row_count as rows, token_count as "totalTokens" from ${sql.table(`${table}_stats`)}`.execute(db);
    return stats.rows[0] ?? { rows: 0, totalTokens: 0 };
  }
  const result = await sql<{ block: Uint8Array | null }>`select block from ${sql.table(`${table}_data`)} where id = 1`.execute(db);
  const block = result.rows[0]?.block;
  if (!block || block.length === 0) return { rows: 0, totalTokens: 0 };
  const [rows = 0, ...columns] = varints(block);
  return { rows, totalTokens: columns.reduce((sum, n) => sum + n, 0) };
}
