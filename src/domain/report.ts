// The activity report (活動報告) and the small types around it.
import type { TrustedHtml } from './trusted-html.js';
import type { OutlineEntry } from './text-format/render.js';

export const REPORT_STATUSES = ['draft', 'scheduled', 'published', 'trashed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface Category {
  id: number;
  slug: string;
  name: string;
}

export interface Attachment {
  mediaId: number;
  sha256: string;
  label: string;
  fileName: string;
  mime: string;
  bytes: number;
  pages: number | null;
  summary: string;
  /** Pixel size of an image as displayed (EXIF orientation applied); null for documents. */
  width: number | null;
  height: number | null;
  /** This use's alt text, else the media record's default ('' when neither has one). */
  altText: string;
  /** This use's own alt text; null when it has none yet (altText then shows the media default). */
  useAltText?: string | null;
  /** The WebP copies of an image, narrowest first (media-path.ts mediaVariantPath). */
  variants: { width: number; height: number }[];
}

/** What lists, feeds and archives need of a report: no body. */
export interface ReportSummary {
  id: number;
  slug: string;
  title: string;
  /** The day the activity happened, ISO `YYYY-MM-DD`. */
  activityDate: string;
  publishedAt: string | null;
  updatedAt: string;
  status: ReportStatus;
  summary: string;
  category: Category | null;
  tags: string[];
}

export interface Report extends ReportSummary {
  bodySource: string;
  bodyHtml: TrustedHtml;
  bodyText: string;
  outline: OutlineEntry[];
  attachments: Attachment[];
  version: number;
  createdAt: string;
}

/**
 * What the public report page shows of a report: no source, and of the text only its start,
 * the page's description when there is no summary (description.ts; the whole text is 2–4 KB
 * read through the row's overflow pages for every page of a static build).
 */
export interface PublicReport extends ReportSummary {
  bodyHtml: TrustedHtml;
  /** The text's first DESCRIPTION_CHARS characters (description.ts). */
  textStart: string;
  outline: OutlineEntry[];
  attachments: Attachment[];
}

/** Input for writing a report; the body is in the text format (see text-format/render.ts). */
export interface ReportDraft {
  title: string;
  activityDate: string;
  bodySource: string;
  summary?: string;
  categorySlug?: string | null;
  tags?: string[];
  slug?: string;
}

/** Published reports in one month of activity (archive navigation). */
export interface MonthCount {
  year: number;
  month: number;
  count: number;
}

export interface TagCount {
  name: string;
  count: number;
}
