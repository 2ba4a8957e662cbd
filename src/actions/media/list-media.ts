// The media library: newest first, a page at a time, optionally only PDFs or only images,
// with each image's WebP variants (for thumbnails), the reports using each record, and
// whether each PDF's text is searchable.
import type { MediaUser } from '../../domain/errors.js';
import { listMediaTextStates, type MediaTextState } from '../../store/media-text.js';
import type { Media } from '../../domain/media.js';
import { listMediaPage, listVariants, type MediaKind, type MediaVariant } from '../../store/media.js';
import type { ActionContext } from '../runtime/context.js';
import { listMediaUsers } from './list-media-users.js';

export const MEDIA_PAGE_SIZE = 30;

export interface MediaListItem extends Media {
  variants: MediaVariant[];
  usedBy: MediaUser[];
  /** PDFs only. */
  textState?: MediaTextState;
}

export interface MediaList {
  items: MediaListItem[];
  total: number;
  /** 1-based. */
  page: number;
  pageCount: number;
}

/** A page past the end gives no items (the caller answers 404 or shows the last page). */
export async function listMedia(ctx: ActionContext, query: { page?: number; perPage?: number; kind?: MediaKind } = {}): Promise<MediaList> {
  const perPage = query.perPage ?? MEDIA_PAGE_SIZE;
  const page = Math.max(1, query.page ?? 1);
  const { total, items } = await listMediaPage(ctx.db, {
    limit: perPage,
    offset: (page - 1) * perPage,
    ...(query.kind === undefined ? {} : { kind: query.kind }),
  });
  const variants = await listVariants(
    ctx.db,
    items.map((m) => m.sha256),
  );
  const users = await listMediaUsers(ctx.db, items);
  const texts = await listMediaTextStates(
    ctx.db,
    items.map((m) => m.id),
  );
  return {
    items: items.map((m) => {
      const textState = texts.get(m.id);
      return { ...m, variants: variants.get(m.sha256) ?? [], usedBy: users.get(m.id) ?? [], ...(textState ? { textState } : {}) };
    }),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
  };
}
