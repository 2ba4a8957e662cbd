// `katsudo copy-db`: a whole site from one database to another (SQLite or PostgreSQL, either
// way). Contract: the target must hold no site yet (else CopyRefusedError, nothing written);
// every table of the schema is copied with its ids, except SKIPPED_TABLES (sign-in state, and
// the search indexes, which are rebuilt on the target by reindex); the copy is one transaction
// on the target, read from one snapshot of the source; afterwards every copied table is
// counted and checksummed on both sides, and a difference is a CopyMismatchError.
// Media files are not in the database: the target uses the same media directory.
import { CopyMismatchError, CopyRefusedError } from '../../domain/errors.js';
import { listTables, moveIdentitySequences, type TableShape } from '../../store/dialects/table-catalog.js';
import { countRows, insertRows, readRows, restoreSelfReferences, SEEDED_TABLES, skipReason, tableSum, type TableSum } from '../../store/site-copy.js';
import type { Db } from '../../store/database.js';
import type { ActionContext } from '../runtime/context.js';
import { reindexSearch } from '../search/reindex.js';

export type CopyPhase = 'copy' | 'verify' | 'reindex';

export interface CopyProgress {
  phase: CopyPhase;
  table: string;
  done: number;
  total: number;
}

export interface CopiedTable extends TableSum {
  name: string;
}

export interface CopyResult {
  /** Every copied table, in the order written, with its count and checksum (equal on both sides). */
  tables: CopiedTable[];
  /** Tables of the schema not copied (SKIPPED_TABLES). */
  skipped: string[];
  /** Reports put into the target's search index. */
  indexed: number;
}

export interface CopyOptions {
  onProgress?: (progress: CopyProgress) => void;
  /** Rows per read and per insert (keyset pages); by default as many as keep a statement's parameters within bounds (batchSizeOf). */
  batchRows?: number;
}

export async function copySite(from: ActionContext, to: ActionContext, options: CopyOptions = {}): Promise<CopyResult> {
  const { onProgress = () => {}, batchRows } = options;
  const { copied, skipped } = await copiedTables(from.db, to.db);
  await refuseNonEmpty(to.db, copied);
  await to.db.transaction().execute(async (target) => {
    await from.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (source) => {
        for (const table of copied) {
          if (SEEDED_TABLES.has(table.name)) await target.deleteFrom(table.name as 'site_state').execute();
          const total = await countRows(source, table.name);
          let done = 0;
          for await (const rows of readRows(source, table, batchRows)) {
            await insertRows(target, table, rows);
            done += rows.length;
            onProgress({ phase: 'copy', table: table.name, done, total });
          }
          if (total === 0) onProgress({ phase: 'copy', table: table.name, done, total });
          await restoreSelfReferences(source, target, table, batchRows);
        }
        await moveIdentitySequences(target);
      });
  });
  const indexed = await reindexSearch(to, (done, total) => onProgress({ phase: 'reindex', table: 'report_search', done, total }));
  return { tables: await verify(from.db, to.db, copied, onProgress, batchRows), skipped, indexed };
}

/**
 * The tables to copy, in write order, and the names of those skipped. Both databases are
 * migrated by this katsudo, so the copied tables and their columns agree; a difference is a
 * bug, said plainly. Skipped tables (the search indexes) may differ by engine.
 */
async function copiedTables(from: Db, to: Db): Promise<{ copied: TableShape[]; skipped: string[] }> {
  const [source, target] = await Promise.all([listTables(from), listTables(to)]);
  const describe = (shapes: TableShape[]) =>
    shapes
      .filter((t) => skipReason(t.name) === undefined)
      .map((t) => `${t.name}(${[...t.columns].sort().join(',')})`)
      .join(' ');
  if (describe(source) !== describe(target)) throw new Error(`the two databases' schemas differ:\nfrom: ${describe(source)}\nto:   ${describe(target)}`);
  return {
    copied: writeOrder(source.filter((t) => skipReason(t.name) === undefined)),
    skipped: source.filter((t) => skipReason(t.name) !== undefined).map((t) => t.name),
  };
}

/** Tables after the tables their foreign keys point to (the schema has no cycles but self-references). */
export function writeOrder(tables: TableShape[]): TableShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableShape[] = [];
  const visiting = new Set<string>();
  const visit = (table: TableShape) => {
    if (ordered.includes(table)) return;
    if (visiting.has(table.name)) throw new Error(`foreign keys form a cycle through ${table.name}`);
    visiting.add(table.name);
    for (const name of table.references) {
      const referenced = byName.get(name);
      if (referenced !== undefined) visit(referenced);
    }
    visiting.delete(table.name);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

async function refuseNonEmpty(db: Db, tables: TableShape[]): Promise<void> {
  const holding: string[] = [];
  for (const table of tables) if (!SEEDED_TABLES.has(table.name) && (await countRows(db, table.name)) > 0) holding.push(table.name);
  if (holding.length > 0) {
    throw new CopyRefusedError(
      `コピー先のデータベースにはすでにデータがあります(${holding.slice(0, 5).join('、')}${holding.length > 5 ? ' ほか' : ''})。上書きを防ぐため、何も書き込まずに止めました。空のデータベースを指定してください。`,
    );
  }
}

async function verify(from: Db, to: Db, tables: TableShape[], onProgress: (progress: CopyProgress) => void, batchRows: number | undefined): Promise<CopiedTable[]> {
  const sums: CopiedTable[] = [];
  const differing: string[] = [];
  for (const [index, table] of tables.entries()) {
    const [source, target] = await Promise.all([tableSum(from, table, batchRows), tableSum(to, table, batchRows)]);
    if (source.rows !== target.rows || source.checksum !== target.checksum) {
      differing.push(`${table.name}(コピー元 ${source.rows} 行、コピー先 ${target.rows} 行${source.rows === target.rows ? '、内容が違います' : ''})`);
    }
    sums.push({ name: table.name, ...source });
    onProgress({ phase: 'verify', table: table.name, done: index + 1, total: tables.length });
  }
  if (differing.length > 0) {
    throw new CopyMismatchError(
      `コピー後の確認で、コピー元とコピー先が一致しない表がありました: ${differing.join('、')}。コピー中にサイトが更新された可能性があります。サーバーを止めて、空のデータベースにもう一度コピーしてください。`,
    );
  }
  return sums;
}
