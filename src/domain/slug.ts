// Slugs: the stable, readable part of a report's URL (/activity/<slug>/).
// The default is the activity date (2013-11-02), with -2, -3 … for further reports of
// the same day: readable in any language, stable, and sortable.

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;

/** Why `slug` is not acceptable (a Japanese message for the form), or undefined. */
export function slugProblem(slug: string): string | undefined {
  if (slug === '') return 'URL名を入力してください。';
  if (slug.length > MAX_SLUG_LENGTH) return `URL名は${MAX_SLUG_LENGTH}文字以内にしてください。`;
  if (!SLUG.test(slug)) return 'URL名には半角の英小文字・数字・ハイフン(-)だけを使えます(先頭と末尾にハイフンは使えません)。';
  // /activity/2013/ is the year archive, so a 4-digit slug would be unreachable.
  if (/^\d{4}$/.test(slug)) return 'URL名に4桁の数字だけは使えません(年別一覧と重なります)。';
  return undefined;
}

export function isValidSlug(slug: string): boolean {
  return slugProblem(slug) === undefined;
}

/** The first of base, base-2, base-3 … that is not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Lower-cases and joins ASCII words; anything else becomes a separator. */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}
