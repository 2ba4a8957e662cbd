// A revision: the editable fields of a report as one save left them. Every save keeps
// one, so history, diffs, restore and edit conflicts all speak this shape.
import type { ReportStatus } from './report.js';

/** The fields an author edits. */
export interface RevisionContent {
  title: string;
  slug: string;
  /** ISO `YYYY-MM-DD`. */
  activityDate: string;
  categoryId: number | null;
  /** The category's name when the revision was read; null without a category (or if it is gone). */
  categoryName: string | null;
  tags: string[];
  summary: string;
  bodySource: string;
}

export interface Revision extends RevisionContent {
  id: number;
  /** The report it belongs to; 0 for a page's revision. */
  reportId: number;
  /** The page it belongs to (fixed pages share revisions with reports); null for a report's. */
  pageId: number | null;
  /** The report's version this save produced (for a refused save: the version it was based on). */
  version: number;
  status: ReportStatus;
  authorId: number | null;
  /** Display name of the author, null if the account is gone. */
  authorName: string | null;
  /** Why it exists beyond an ordinary save: 「版3から復元」, 「競合のため保存されなかった版」 … */
  note: string;
  createdAt: string;
}

/** A history line: the revision without its body. */
export type RevisionSummary = Omit<Revision, 'bodySource' | 'summary'>;

export const REVISION_NOTES = {
  conflict: '競合のため保存されなかった版',
  baseline: '編集前の版',
  restoredFrom: (version: number) => `版${version}から復元`,
} as const;

/** Whether two contents are the same for the reader (the category by id). */
export function isSameContent(a: RevisionContent, b: RevisionContent): boolean {
  return (
    a.title === b.title &&
    a.slug === b.slug &&
    a.activityDate === b.activityDate &&
    a.categoryId === b.categoryId &&
    a.summary === b.summary &&
    a.bodySource === b.bodySource &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

/** What an EditConflictError carries in `details` when a status change (publish …) was based on an old version. */
export interface StaleVersion {
  reportId: number;
  /** The report as it is stored now. */
  current: { version: number; content: RevisionContent };
  /** The version the refused request started from. */
  baseVersion: number;
}

/** What an EditConflictError carries in `details` when a save was refused. */
export interface EditConflict extends StaleVersion {
  /** What the refused save asked for, kept so the page can show it again. */
  submitted: RevisionContent;
  /** The revision that keeps the refused text in the history. */
  refusedRevisionId: number;
}
