// Import sources: which report (or fixed page) each imported item (a WordPress post or page, a saved page, a text
// file) became, and a hash of what was imported, so a second run updates or leaves alone
// instead of duplicating. A row goes with its report (on delete cascade).
import { sql, type Kysely, type OnConflictBuilder } from 'kysely';
import type { Database } from './database.js';
import { DeferredRows } from './deferred-rows.js';
import { lockKeys } from './dialects/lock-keys.js';

type Q = Kysely<Database>;

/** Which importer read the item: 'wxr', 'html', 'text' (free text so later importers add their own). */
export type SourceKind = string;

export interface ImportSource {
  kind: SourceKind;
  /** The item's stable identity within its kind: '<base_site_url>#<post_id>', a page URL, a file path. */
  key: string;
  reportId: number;
  /** SHA-256 (hex) of what was imported (the importer decides what goes into it). */
  contentHash: string;
  importedAt: string;
}

/**
 * Makes a second import of the same item wait until this transaction ends (PostgreSQL; SQLite
 * has one writer), so it finds the report this one made instead of making another. Call it
 * first in the transaction that looks the item up and writes it.
 */
export async function lockImportSource(trx: Q, kind: SourceKind, key: string): Promise<void> {
  await lockKeys(trx, 'import_source', [`${kind}\n${key}`]);
}

export async function findImportSource(db: Q, kind: SourceKind, key: string): Promise<ImportSource | undefined> {
  const row = await db
    .selectFrom('import_sources')
    .select(['source_kind', 'source_key', 'report_id', 'content_hash', 'imported_at'])
    .where('source_kind', '=', kind)
    .where('source_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  return { kind: row.source_kind, key: row.source_key, reportId: row.report_id, contentHash: row.content_hash, importedAt: row.imported_at };
}

/**
 * Records (or moves) the item's report and hash, with the version and status the report has
 * now (call it after the import's own writes), for isChangedSinceImport. One statement: the
 * version and status are read by the insert itself (a round trip fewer on PostgreSQL).
 */
export async function saveImportSource(trx: Q, source: ImportSource): Promise<void> {
  if (heldSources.note(trx, source)) return;
  await trx
    .insertInto('import_sources')
    .columns(['source_kind', 'source_key', 'report_id', 'content_hash', 'imported_at', 'item_version', 'item_status'])
    .expression(
      trx
        .selectFrom('reports')
        .select([
          sql<string>`${source.kind}`.as('source_kind'),
          sql<string>`${source.key}`.as('source_key'),
          'id as report_id',
          sql<string>`${source.contentHash}`.as('content_hash'),
          sql<string>`${source.importedAt}`.as('imported_at'),
          'version as item_version',
          'status as item_status',
        ])
        .where('id', '=', source.reportId),
    )
    .onConflict(replaceSource)
    .execute();
}

/**
 * Sources held back in an import's batch (store/deferred-rows.ts): the reports' versions and
 * statuses read in one statement, the rows written in another. The runner never puts one key
 * twice in a batch (an upsert may not touch a row twice).
 */
const heldSources = new DeferredRows<ImportSource>(async (trx, sources) => {
  const states = new Map(
    (
      await trx
        .selectFrom('reports')
        .select(['id', 'version', 'status'])
        .where('id', 'in', [...new Set(sources.map((s) => s.reportId))])
        .execute()
    ).map((r) => [r.id, r]),
  );
  const rows = sources.flatMap((s) => {
    const state = states.get(s.reportId);
    if (!state) return [];
    return [
      {
        source_kind: s.kind,
        source_key: s.key,
        report_id: s.reportId,
        content_hash: s.contentHash,
        imported_at: s.importedAt,
        item_version: state.version,
        item_status: state.status,
      },
    ];
  });
  if (rows.length > 0) await trx.insertInto('import_sources').values(rows).onConflict(replaceSource).execute();
});

function replaceSource(oc: OnConflictBuilder<Database, 'import_sources'>) {
  return oc.columns(['source_kind', 'source_key']).doUpdateSet((eb) => ({
    report_id: eb.ref('excluded.report_id'),
    content_hash: eb.ref('excluded.content_hash'),
    imported_at: eb.ref('excluded.imported_at'),
    item_version: eb.ref('excluded.item_version'),
    item_status: eb.ref('excluded.item_status'),
  }));
}

async function itemState(db: Q, table: 'reports' | 'pages', id: number) {
  return db.selectFrom(table).select(['version', 'status', 'updated_at']).where('id', '=', id).executeTakeFirst();
}

/**
 * Whether the report (or page) an earlier run wrote was changed here since: edited (another
 * version), published, unpublished, scheduled or trashed (another status). Rows from before
 * migration 0021 kept no version: for them any write after the import counts (updated_at).
 */
export async function isChangedSinceImport(db: Q, item: 'report' | 'page', kind: SourceKind, key: string): Promise<boolean> {
  const row =
    item === 'report'
      ? await db
          .selectFrom('import_sources')
          .select(['report_id as id', 'imported_at', 'item_version', 'item_status'])
          .where('source_kind', '=', kind)
          .where('source_key', '=', key)
          .executeTakeFirst()
      : await db
          .selectFrom('page_import_sources')
          .select(['page_id as id', 'imported_at', 'item_version', 'item_status'])
          .where('source_kind', '=', kind)
          .where('source_key', '=', key)
          .executeTakeFirst();
  if (!row) return false;
  const state = await itemState(db, item === 'report' ? 'reports' : 'pages', row.id);
  if (!state) return false;
  if (row.item_version === null || row.item_status === null) return state.updated_at > row.imported_at;
  return state.version !== row.item_version || state.status !== row.item_status;
}

/** Every item of a kind imported into a report (a report may have several sources). */
export async function listImportSourcesOf(db: Q, reportId: number): Promise<ImportSource[]> {
  const rows = await db
    .selectFrom('import_sources')
    .select(['source_kind', 'source_key', 'report_id', 'content_hash', 'imported_at'])
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ kind: row.source_kind, key: row.source_key, reportId: row.report_id, contentHash: row.content_hash, importedAt: row.imported_at }));
}

export async function countImportSources(db: Q, kind: SourceKind): Promise<number> {
  const row = await db
    .selectFrom('import_sources')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source_kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The reporter's name from the old site, or null to clear it. */
export async function setReportAuthorName(trx: Q, reportId: number, authorName: string | null): Promise<void> {
  await trx.updateTable('reports').set({ author_name: authorName }).where('id', '=', reportId).execute();
}

export async function findReportAuthorName(db: Q, reportId: number): Promise<string | null> {
  const row = await db.selectFrom('reports').select('author_name').where('id', '=', reportId).executeTakeFirst();
  return row?.author_name ?? null;
}

/** Which page an imported item (a WordPress page) became, and the hash of what was imported. */
export interface PageImportSource {
  kind: SourceKind;
  key: string;
  pageId: number;
  contentHash: string;
  importedAt: string;
}

export async function findPageImportSource(db: Q, kind: SourceKind, key: string): Promise<PageImportSource | undefined> {
  const row = await db
    .selectFrom('page_import_sources')
    .select(['page_id', 'content_hash', 'imported_at'])
    .where('source_kind', '=', kind)
    .where('source_key', '=', key)
    .executeTakeFirst();
  return row ? { kind, key, pageId: row.page_id, contentHash: row.content_hash, importedAt: row.imported_at } : undefined;
}

/** Records (or moves) the item's page and hash, with the page's version and status now (as saveImportSource). */
export async function savePageImportSource(trx: Q, source: PageImportSource): Promise<void> {
  const state = await itemState(trx, 'pages', source.pageId);
  const values = {
    page_id: source.pageId,
    content_hash: source.contentHash,
    imported_at: source.importedAt,
    item_version: state?.version ?? null,
    item_status: state?.status ?? null,
  };
  await trx
    .insertInto('page_import_sources')
    .values({ source_kind: source.kind, source_key: source.key, ...values })
    .onConflict((oc) => oc.columns(['source_kind', 'source_key']).doUpdateSet(values))
    .execute();
}
