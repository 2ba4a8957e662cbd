// The search index of published fixed pages (page_search, migration 0012): the columns and
// match expressions of report_search (store/search.ts), its own rowid space (page ids), so
// report searches are untouched. Pages are few: ranking is bm25 then title, no fast paths.
import { sql, type Kysely } from 'kysely';
import { attachmentTokens, searchDocument, type SearchDocument } from '../domain/search/document.js';
import type { SearchQuery } from '../domain/search/query.js';
import type { Database } from './database.js';
import { engineOf } from './dialects/engine.js';
import { findPostgresHits } from './dialects/postgres-search.js';
import { clearSearchTable, insertSearchEntry } from './dialects/search-table.js';
import { listAttachmentTexts } from './media-text.js';
import { BM25_WEIGHTS, matchExpression } from './search.js';

type Q = Kysely<Database>;

/** Adds or replaces the page's entry, with the text of the PDFs it lists under its attachments. */
export async function indexPage(trx: Q, pageId: number, doc: SearchDocument): Promise<void> {
  await unindexPage(trx, pageId);
  const attachments = attachmentTokens((await listAttachmentTexts(trx, { kind: 'page', id: pageId })).map((a) => a.text));
  await insertSearchEntry(trx, 'page_search', pageId, { ...doc, attachments });
}

/** Brings the page's entry up to date after an attachment change: indexed if published, removed otherwise. */
export async function refreshPageIndex(trx: Q, pageId: number): Promise<void> {
  const page = await trx.selectFrom('pages').select(['title', 'body_text', 'status']).where('id', '=', pageId).executeTakeFirst();
  if (page?.status === 'published') await indexPage(trx, pageId, searchDocument(page.title, page.body_text));
  else await unindexPage(trx, pageId);
}

export async function unindexPage(trx: Q, pageId: number): Promise<void> {
  await sql`delete from page_search where rowid = ${pageId}`.execute(trx);
}

/** Ids of the published pages matching the query, best first, and how many match. */
export async function findPageHits(db: Q, query: SearchQuery, page: { offset: number; limit: number }): Promise<{ total: number; ids: number[] }> {
  if (engineOf(db) === 'postgres') return findPostgresHits(db, 'page_search', query, {}, page);
  const match = matchExpression(query);
  if (match === undefined) return { total: 0, ids: [] };
  const rows = await sql<{ id: number; total: number }>`
    with hits as materialized (
      select rowid as id, bm25(page_search, ${BM25_WEIGHTS}) as score from page_search where page_search match ${match})
    select h.id, count(*) over () as total from hits h join pages p on p.id = h.id
    where p.status = 'published' order by h.score, p.id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return { total: Number(rows.rows[0]?.total ?? 0), ids: rows.rows.map((r) => r.id) };
}

/** Rebuilds the whole page index from the published pages (katsudo reindex). */
export async function rebuildPageIndex(trx: Q, documentOf: (title: string, bodyText: string) => SearchDocument): Promise<void> {
  await clearSearchTable(trx, 'page_search');
  const pages = await trx.selectFrom('pages').select(['id', 'title', 'body_text']).where('status', '=', 'published').execute();
  for (const page of pages) await indexPage(trx, page.id, documentOf(page.title, page.body_text));
}
