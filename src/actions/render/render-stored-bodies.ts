// Rendering stored bodies again, with the code saving uses (renderBody: the same renderer and
// the same lookup of linked files), and writing the result with the item's search entry.
// Rendering only reads: it runs on a work thread's read-only connection (task
// `renderStored`) or inside the caller's transaction; writing is applyRerendered's.
import type { Kysely } from 'kysely';
import type { ItemKind } from '../../domain/item-ref.js';
import { searchDocument, type SearchDocument } from '../../domain/search/document.js';
import type { OutlineEntry } from '../../domain/text-format/render.js';
import type { Database } from '../../store/database.js';
import { indexPage } from '../../store/page-search.js';
import { findStoredBodies, writeRerenderedBody, type StoredBody } from '../../store/render-versions.js';
import { indexReport } from '../../store/search.js';
import { renderBody } from './report-body.js';

export interface RerenderedBody {
  stored: StoredBody;
  html: string;
  text: string;
  outline: OutlineEntry[];
  /**
   * The text differs from the stored one. When it does not (a renderer change that alters
   * only markup), the search entry, built from title and text, is left as it is: rewriting
   * every entry costs FTS5 merges of the whole index at commits on the main thread.
   */
  isTextChanged: boolean;
  /** Built when the text changed, for items published when read (the only ones with a search entry). */
  doc?: SearchDocument;
}

export async function renderStoredBodies(db: Kysely<Database>, input: { kind: ItemKind; ids: number[] }): Promise<RerenderedBody[]> {
  const results: RerenderedBody[] = [];
  for (const stored of await findStoredBodies(db, input.kind, input.ids)) {
    const { rendered } = await renderBody(db, stored.bodySource);
    const isTextChanged = rendered.text !== stored.bodyText;
    const doc = isTextChanged && stored.status === 'published' ? searchDocument(stored.title, rendered.text) : undefined;
    results.push({ stored, html: rendered.html, text: rendered.text, outline: rendered.outline, isTextChanged, ...(doc ? { doc } : {}) });
  }
  return results;
}

/**
 * Writes one re-rendering and, for a published item whose text changed, its search entry, in
 * the caller's transaction. False when the item changed since it was read (it is left to whoever changed it).
 */
export async function applyRerendered(trx: Kysely<Database>, kind: ItemKind, item: RerenderedBody): Promise<boolean> {
  const status = await writeRerenderedBody(trx, kind, item.stored, item);
  if (status === undefined) return false;
  if (status === 'published' && item.isTextChanged) {
    const doc = item.doc ?? searchDocument(item.stored.title, item.text);
    await (kind === 'report' ? indexReport(trx, item.stored.id, doc) : indexPage(trx, item.stored.id, doc));
  }
  return true;
}
