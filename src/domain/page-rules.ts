// What makes a fixed page acceptable: its slug (Japanese allowed, NFKC, never a path the
// site itself uses), its place in the tree (no cycles), and the same title, summary and
// body limits as a report (report-rules.ts, the one place for those).
import { ValidationError, type FieldMessages } from './errors.js';
import type { PageFields } from './page.js';
import { RESERVED_TOP_SEGMENTS } from './paths.js';
import { bodyLengthProblem, LIMITS } from './report-rules.js';
import { MAX_SLUG_LENGTH } from './slug.js';

/** Letters (any script), digits, marks, `-` and `_`; no `/`, `.`, spaces, `%` or `?`. */
const PAGE_SLUG = /^[\p{L}\p{N}\p{M}_-]+$/u;

/** The slug as stored: NFKC (全角 ＡＢＣ → ABC, half-width kana → full-width), trimmed, ASCII lower-cased. */
export function normalizePageSlug(slug: string): string {
  return slug
    .normalize('NFKC')
    .trim()
    .replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** Why `slug` (normalised) cannot name a page at this level, or undefined. */
export function pageSlugProblem(slug: string, isTopLevel: boolean, maxChars = MAX_SLUG_LENGTH): string | undefined {
  if (slug === '') return 'URL名を入力してください。';
  if ([...slug].length > maxChars) return `URL名は${maxChars}文字以内にしてください。`;
  if (!PAGE_SLUG.test(slug)) return 'URL名には文字・数字・ハイフン(-)・アンダースコア(_)だけを使えます(空白・スラッシュ・ピリオドは使えません)。';
  if (isTopLevel && RESERVED_TOP_SEGMENTS.has(slug)) return `「/${slug}/」はサイトがすでに使っているURLです。別のURL名にしてください。`;
  // /2024/ reads as a year; keep 4-digit names free for archives.
  if (isTopLevel && /^\d{4}$/.test(slug)) return 'URL名に4桁の数字だけは使えません(年別の一覧と紛らわしいため)。';
  return undefined;
}

/** A slug from the title when the form leaves it empty: the title itself, as far as it is allowed. */
export function slugFromTitle(title: string): string {
  return normalizePageSlug(title)
    .replace(/[^\p{L}\p{N}\p{M}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH);
}

/**
 * Whether putting page `pageId` under `parentId` makes a cycle: the parent is the page itself
 * or one of its descendants. `parentOf` gives each page's parent (the stored tree).
 */
export function makesCycle(pageId: number, parentId: number | null, parentOf: ReadonlyMap<number, number | null>): boolean {
  const seen = new Set<number>();
  for (let at = parentId; at !== null && at !== undefined; at = parentOf.get(at) ?? null) {
    if (at === pageId || seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

export type CheckedPageFields = PageFields;

/** WordPress's post_name is varchar(200): an imported page keeps a slug that long. */
export const MAX_IMPORTED_SLUG_LENGTH = 200;

export interface PageCheckOptions {
  /** From an importer: titles up to LIMITS.importedTitleChars and slugs up to MAX_IMPORTED_SLUG_LENGTH (as reports, report-rules.ts). */
  isImported?: boolean;
  /** The title already stored: kept unchanged, it passes whatever its length. */
  storedTitle?: string;
  /** The slug already stored: kept unchanged, it passes whatever its length. */
  storedSlug?: string;
}

/** Tidies the form and checks what needs no database; throws ValidationError with every problem at once. */
export function checkPageFields(input: PageFields, options: PageCheckOptions = {}): CheckedPageFields {
  const fields: FieldMessages = {};
  const title = input.title.replace(/\s+/g, ' ').trim();
  const titleChars = [...title].length;
  const maxTitle = options.isImported || (options.storedTitle !== undefined && title === options.storedTitle) ? LIMITS.importedTitleChars : LIMITS.titleChars;
  if (title === '') fields.title = 'タイトルを入力してください。';
  else if (titleChars > maxTitle) fields.title = `タイトルは${maxTitle}文字以内にしてください(現在${titleChars}文字)。`;

  const bodySource = input.bodySource.replace(/\r\n?/g, '\n');
  const bodyProblem = bodyLengthProblem(bodySource);
  if (bodyProblem) fields.bodySource = bodyProblem;

  const summary = input.summary.replace(/\s+/g, ' ').trim();
  if ([...summary].length > LIMITS.summaryChars) fields.summary = `概要は${LIMITS.summaryChars}文字以内にしてください。`;

  const typed = normalizePageSlug(input.slug);
  const slug = typed === '' ? slugFromTitle(title) : typed;
  const maxSlug = options.isImported || (options.storedSlug !== undefined && slug === options.storedSlug) ? MAX_IMPORTED_SLUG_LENGTH : MAX_SLUG_LENGTH;
  const slugMessage = title === '' && typed === '' ? undefined : pageSlugProblem(slug, input.parentId === null, maxSlug);
  if (slugMessage) fields.slug = slugMessage;

  if (!Number.isInteger(input.position) || input.position < 0 || input.position > 9999) fields.position = '表示順は0から9999までの整数で入力してください。';

  if (Object.keys(fields).length > 0) throw new ValidationError('入力内容に誤りがあります。', fields);
  return { title, slug, parentId: input.parentId, position: input.position, summary, bodySource };
}
