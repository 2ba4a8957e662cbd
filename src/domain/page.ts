// The fixed page (固定ページ: 政策, 事務所案内 …): a report's body and workflow without date,
// category or tags, placed in one tree by its parent and its order among siblings.
import type { TrustedHtml } from './trusted-html.js';
import type { OutlineEntry } from './text-format/render.js';

export const PAGE_STATUSES = ['draft', 'published', 'trashed'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** What lists, the tree and the sitemap need of a page: no body. */
export interface PageSummary {
  id: number;
  slug: string;
  title: string;
  parentId: number | null;
  position: number;
  status: PageStatus;
  summary: string;
  authorId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface Page extends PageSummary {
  bodySource: string;
  bodyHtml: TrustedHtml;
  bodyText: string;
  outline: OutlineEntry[];
}

/** What the page form sends; an empty slug is made from the title. */
export interface PageFields {
  title: string;
  slug: string;
  parentId: number | null;
  position: number;
  summary: string;
  bodySource: string;
}
