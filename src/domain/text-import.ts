// Reading one plain-text report file (as staff save it from Word or e-mail, or as a
// page of an old site was saved as text) into title, activity date and body.
//
// The rule, documented for users in docs/import-text.md:
// 1. Leading lines that are a site header are skipped: a line ending in 議員 or
//    公式サイト/ホームページ (「衆議院議員」「山川さくら公式サイト」), a section name
//    (「活動報告」「お知らせ」…) or a breadcrumb (「ホーム > 活動報告」).
// 2. The first other non-blank line is the title.
// 3. A line right after the title that holds only a date (2024年5月1日, 令和6年5月1日(水),
//    2024/05/01) is the activity date and is not part of the body.
// 4. Everything after is the body, in the report text format.
// The activity date comes from, in order: a full --date; the date line; the first date
// written in the body's lead paragraph (「11月2日,…」), whose missing year is taken from a
// partial --date (2013 or 2013-11).
import { findDateInText, isValidDay, parseIsoDate, toIsoDate } from './dates.js';
import { ValidationError } from './errors.js';

export interface ImportedText {
  title: string;
  activityDate: string;
  bodySource: string;
  /** Site header lines that were skipped, for the import summary. */
  skippedHeader: string[];
}

const SECTION_NAMES = new Set([
  '活動報告', '活動日誌', '活動記録', '国会活動', '地元活動', '議員活動', 'お知らせ', 'ニュース', '新着情報', 'トピックス', 'ブログ',
]);

function isHeaderLine(line: string): boolean {
  const t = line.normalize('NFKC').trim();
  if (SECTION_NAMES.has(t)) return true;
  if (/(議員|公式サイト|公式ホームページ|ホームページ|オフィシャルサイト|official site)$/i.test(t)) return true;
  return /^(ホーム|トップ|home|top)\s*[>＞›»]/i.test(t);
}

const DATE_LINE = /^\s*(?:(?:令和|平成|昭和)(?:元|[0-9０-９]{1,2})年|[0-9０-９]{4}年)?\s*[0-9０-９]{1,2}月\s*[0-9０-９]{1,2}日\s*(?:[(（][日月火水木金土](?:曜日?)?[)）])?\s*$|^\s*[0-9０-９]{4}[/.\-][0-9０-９]{1,2}[/.\-][0-9０-９]{1,2}\s*$/;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as given to --date. */
export interface DateHint {
  year: number;
  month?: number;
  day?: number;
}

export function parseDateHint(text: string): DateHint | undefined {
  const full = parseIsoDate(text);
  if (full) return full;
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const hint: DateHint = { year: Number(m[1]) };
  if (m[2] !== undefined) hint.month = Number(m[2]);
  if (!isValidDay(hint.year, hint.month ?? 1, 1)) return undefined;
  return hint;
}

export function parseImportedText(content: string, hint?: DateHint): ImportedText {
  const lines = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  const skippedHeader: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (!isHeaderLine(line)) break;
    skippedHeader.push(line.trim());
  }
  const title = (lines[i] ?? '').trim();
  if (title === '') throw new ValidationError('ファイルに本文がありません(空のファイルです)。', { title: 'タイトル行がありません。' });
  i++;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  let dateLine: string | undefined;
  if (i < lines.length && DATE_LINE.test(lines[i]!)) {
    dateLine = lines[i]!.trim();
    i++;
  }
  const bodySource = lines.slice(i).join('\n').replace(/^\n+|\s+$/g, '');
  if (bodySource === '') throw new ValidationError('本文がありません。', { bodySource: 'タイトルの後に本文がありません。' });
  const activityDate = resolveDate(hint, dateLine, bodySource);
  return { title, activityDate, bodySource, skippedHeader };
}

function resolveDate(hint: DateHint | undefined, dateLine: string | undefined, body: string): string {
  if (hint?.day !== undefined) return toIsoDate({ year: hint.year, month: hint.month!, day: hint.day });
  const lead = body.split(/\n\s*\n/)[0] ?? '';
  const found = findDateInText(dateLine ?? lead);
  if (!found) {
    throw new ValidationError('活動日が分かりません。', {
      activityDate: '本文の冒頭に日付(例: 11月2日)がありません。--date YYYY-MM-DD で活動日を指定してください。',
    });
  }
  const year = found.year ?? hint?.year;
  if (year === undefined) {
    throw new ValidationError('活動日の年が分かりません。', {
      activityDate: `本文の日付「${found.match}」に年がありません。--date ${'YYYY'} で年を指定してください。`,
    });
  }
  if (!isValidDay(year, found.month, found.day)) {
    throw new ValidationError('活動日が正しくありません。', {
      activityDate: `「${found.match}」(${year}年)は実在しない日付です。`,
    });
  }
  return toIsoDate({ year, month: found.month, day: found.day });
}
