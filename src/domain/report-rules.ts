// What makes a report acceptable before it is stored. Messages are Japanese: they are
// shown next to the form field (and printed by the CLI after the field name).
import { isIsoDate } from './dates.js';
import { ValidationError, type FieldMessages } from './errors.js';
import type { ReportDraft } from './report.js';
import { slugProblem } from './slug.js';

export const LIMITS = {
  /**
   * Titles typed in the editor. A title that came from elsewhere (a WordPress post: its
   * post_title is a TEXT column, 65,535 bytes) is stored in full up to importedTitleChars,
   * and the editor keeps such a stored title as it is; the site shortens what it shows in
   * <title> and OGP (see displayTitle).
   */
  titleChars: 200,
  importedTitleChars: 65_535,
  summaryChars: 400,
  bodyChars: 200_000,
  tags: 20,
  tagChars: 40,
} as const;

export interface CheckedDraft {
  title: string;
  activityDate: string;
  bodySource: string;
  summary: string;
  categorySlug: string | null;
  tags: string[];
  slug: string | undefined;
}

/** Tags are compared after NFKC and trimming, so ＴＰＰ and TPP are one tag. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Tags as staff type them in one field: separated by 「、」, commas (half- or full-width) or spaces. */
export function splitTags(text: string): string[] {
  return text.split(/[、,,\s]+/u).filter((tag) => tag !== '');
}

function countChars(text: string): number {
  return [...text].length;
}

/** The message saving and previewing give for a body longer than LIMITS.bodyChars. */
export function bodyLengthProblem(bodySource: string): string | undefined {
  if (bodySource.length <= LIMITS.bodyChars) return undefined;
  return `本文が長すぎます(上限${LIMITS.bodyChars.toLocaleString('ja-JP')}文字)。`;
}

/** Throws ValidationError (field `bodySource`) for a body that saving would refuse as too long. */
export function checkBodyLength(bodySource: string): void {
  const problem = bodyLengthProblem(bodySource);
  if (problem) throw new ValidationError('入力内容に誤りがあります。', { bodySource: problem });
}

/**
 * Checks and tidies a draft; throws ValidationError listing every problem at once.
 * `isBodyRequired: false` lets an editor keep a draft before its body is written.
 */
export function checkDraft(
  draft: ReportDraft,
  options: {
    isBodyRequired?: boolean;
    /** An importer's title: allowed up to LIMITS.importedTitleChars instead of titleChars. */
    isImported?: boolean;
    /** The title already stored: kept unchanged, it passes whatever its length. */
    storedTitle?: string;
  } = {},
): CheckedDraft {
  const fields: FieldMessages = {};
  const title = draft.title.replace(/\s+/g, ' ').trim();
  const maxTitle = options.isImported || (options.storedTitle !== undefined && title === options.storedTitle) ? LIMITS.importedTitleChars : LIMITS.titleChars;
  if (title === '') fields.title = 'タイトルを入力してください。';
  else if (countChars(title) > maxTitle) fields.title = `タイトルは${maxTitle}文字以内にしてください(現在${countChars(title)}文字)。`;

  const activityDate = draft.activityDate.trim();
  if (activityDate === '') fields.activityDate = '活動日を入力してください。';
  else if (!isIsoDate(activityDate)) fields.activityDate = '活動日は実在する日付を YYYY-MM-DD の形で入力してください(例: 2024-05-01)。';

  const bodySource = draft.bodySource.replace(/\r\n?/g, '\n');
  const bodyProblem = bodySource.trim() === '' ? options.isBodyRequired !== false && '本文を入力してください。' : bodyLengthProblem(bodySource);
  if (bodyProblem) fields.bodySource = bodyProblem;

  const summary = (draft.summary ?? '').replace(/\s+/g, ' ').trim();
  if (countChars(summary) > LIMITS.summaryChars) fields.summary = `概要は${LIMITS.summaryChars}文字以内にしてください。`;

  const tags = [...new Set((draft.tags ?? []).map(normalizeTag).filter((t) => t !== ''))];
  if (tags.length > LIMITS.tags) fields.tags = `タグは${LIMITS.tags}個までです。`;
  else if (tags.some((t) => countChars(t) > LIMITS.tagChars)) fields.tags = `タグは1つ${LIMITS.tagChars}文字以内にしてください。`;
  else if (tags.some((t) => /[/?#\\]/.test(t))) fields.tags = 'タグに / ? # \\ は使えません。';

  const slug = draft.slug?.trim() || undefined;
  const slugMessage = slug === undefined ? undefined : slugProblem(slug);
  if (slugMessage) fields.slug = slugMessage;

  if (Object.keys(fields).length > 0) throw new ValidationError('入力内容に誤りがあります。', fields);
  return {
    title,
    activityDate,
    bodySource,
    summary,
    categorySlug: draft.categorySlug?.trim() || null,
    tags,
    slug,
  };
}

/** Characters of a title shown in <title> and og:title (which X's cards read too) before it is cut. */
export const DISPLAY_TITLE_CHARS = 60;

/**
 * A title as the page head shows it: in full up to DISPLAY_TITLE_CHARS characters, else cut
 * there (at a space or punctuation near the end when there is one) and ended with 「…」.
 * The stored title is never shortened; this is only what browsers and link previews show.
 */
export function displayTitle(title: string, maxChars = DISPLAY_TITLE_CHARS): string {
  const chars = [...title];
  if (chars.length <= maxChars) return title;
  const head = chars.slice(0, maxChars - 1);
  const minimum = Math.floor(maxChars * 0.7);
  for (let i = head.length - 1; i >= minimum; i--) {
    if (/[\s、。，．,.・:：;；)）」』】]/.test(head[i]!))
      return `${head
        .slice(0, i + 1)
        .join('')
        .trimEnd()}…`;
  }
  return `${head.join('')}…`;
}
