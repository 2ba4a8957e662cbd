// Reading the text of a report — as staff save it from Word or e-mail, or as a page of an
// old site was copied as text — into title, activity date and body, leaving out the site
// around it. The rules, with examples, are in docs/import-text.md:
// 1. Before the title, site chrome (domain/page-chrome.ts) and datelines
//    (domain/dateline.ts) are left out; the first other line is the title, unless it is a
//    whole paragraph: then there is no title and none is invented (--title gives one).
// 2. Datelines, meta lines and share buttons right after the title are left out too.
// 3. The body runs to the end, or to where blog chrome follows the report (share buttons,
//    前の記事/次の記事, comments, related entries, a footer), or to the next entry of a page
//    that lists several dated entries (each an entry of its own with `split`).
// 4. The activity date comes from a dateline on, after or before the title; else the first
//    date of the body's lead paragraph that is no reference to another day (or a relative day
//    such as 昨日, counted from the page's own date); else a dateline under the body; else the
//    page's 更新日. --date fills only what the text leaves open (the year, or the whole day).
// A text that came out as one long line is cut at its spaces and read by the same rules.
import { isValidDay, parseIsoDate, toIsoDate, type DayParts } from './dates.js';
import { firstDatingDate, readDateline, readRelativeDay, resolveRelativeDay, type Dateline } from './dateline.js';
import { ValidationError } from './errors.js';
import { findWrittenDates, type WrittenDate } from './japanese-dates.js';
import { CHROME_KIND_LABELS, chromeKindOf, isSidebarHeading, splitGluedChrome, type ChromeKind } from './page-chrome.js';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as given to --date. */
export interface DateHint {
  year: number;
  month?: number;
  day?: number;
}

export interface TextImportOptions {
  dateHint?: DateHint;
  /** The title to use (--title); a first line equal to it is not repeated in the body. */
  title?: string;
}

/** A line left out of the report, for the summary and --explain. */
export interface DroppedLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  reason: string;
}

/** Where the activity date came from. */
export interface DateSource {
  /** 1-based line number, when a line of the text gave it. */
  line?: number;
  text: string;
  how: string;
}

export interface ImportedText {
  title: string;
  activityDate: string;
  bodySource: string;
  /** The texts of the lines left out before the title (site header), for the summary. */
  skippedHeader: string[];
  /** Every line left out, with the reason. */
  dropped: DroppedLine[];
  /** 1-based line number of the title; undefined when --title gave it. */
  titleLine?: number;
  dateSource: DateSource;
  /** Things the importer should know that did not stop the import (a list page, a relative date). */
  warnings: string[];
}

interface Line {
  no: number;
  text: string;
  /** Cut from one long line: joined back with a space in the body. */
  isSegment?: boolean;
}

interface DatelineAt {
  line: Line;
  dateline: Dateline;
  where: 'before' | 'on' | 'after' | 'below';
}

/** A line longer than this, or one holding a sentence, is a paragraph and never a title. */
const MAX_TITLE_CHARS = 80;

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

/**
 * The report a text holds: its first entry, with a warning when the page lists more.
 * @throws ValidationError when the text has no title, body or date (the message says which lines were read).
 */
export function parseImportedText(content: string, hint?: DateHint, options: Omit<TextImportOptions, 'dateHint'> = {}): ImportedText {
  return readPageText(content, { ...options, dateHint: hint }, false)[0]!;
}

/**
 * Every entry of a page that lists several dated entries (a blog's list page), one report each.
 * @throws ValidationError when an entry has no title, body or date.
 */
export function parseImportedTexts(content: string, options: TextImportOptions = {}): ImportedText[] {
  return readPageText(content, options, true);
}

function readPageText(content: string, options: TextImportOptions, isSplit: boolean): ImportedText[] {
  const lines = toLines(content);
  if (lines.every((l) => l.text.trim() === '')) {
    throw new ValidationError('ファイルに本文がありません(空のファイルです)。', { title: 'タイトル行がありません。' });
  }
  const first = readEntry(lines, 0, options);
  const entries = [first.entry];
  let next = first.nextEntryAt;
  while (isSplit && next !== undefined) {
    const more = readEntry(lines, next, { dateHint: options.dateHint }, first.pageDate);
    entries.push(more.entry);
    next = more.nextEntryAt;
  }
  if (!isSplit && next !== undefined) {
    const count = 1 + countEntries(lines, next, first.entryShape);
    first.entry.warnings.push(
      `このページには日付のある記事が${count}件あります(2件目は${lines[next]!.no}行目から)。最初の1件だけを取り込みました。すべてを取り込むには --split を付けてください。`,
    );
    first.entry.dropped.push({ line: lines[next]!.no, text: `${lines[next]!.text.trim()} …(以降 ${lines[lines.length - 1]!.no}行目まで)`, reason: '2件目以降の記事' });
  }
  return entries;
}

/** Lines of the text; a text of one long line is cut at its spaces and around its first date. */
function toLines(content: string): Line[] {
  const raw = content
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const filled = raw.filter((l) => l.trim() !== '');
  // A title with its body needs two lines: one line is a page that lost its line breaks.
  if (filled.length !== 1) return raw.map((text, i) => ({ no: i + 1, text }));
  const no = raw.indexOf(filled[0]!) + 1;
  const segments: Line[] = [];
  for (const part of filled[0]!
    .trim()
    .split(/[\s\u3000]+/)
    .flatMap((part) => splitGluedChrome(part))) {
    const date = findWrittenDates(part)[0];
    const pieces = date ? [part.slice(0, date.index), part.slice(date.index, date.index + date.match.length) + weekdayAfter(part, date), ''] : [part];
    if (date) pieces[2] = part.slice(date.index + pieces[1]!.length);
    for (const piece of pieces) if (piece !== '') segments.push({ no, text: piece, isSegment: true });
  }
  return segments;
}

/** 「(水)」 right after a date, kept with it when a long line is cut. */
function weekdayAfter(text: string, date: WrittenDate): string {
  return /^[(（][日月火水木金土](曜日?)?[)）]/.exec(text.slice(date.index + date.match.length))?.[0] ?? '';
}

interface Entry {
  entry: ImportedText;
  /** Index into the lines of the next dated entry of a list page. */
  nextEntryAt?: number;
  entryShape?: EntryShape;
  pageDate?: DayParts;
}

interface EntryShape {
  where: 'before' | 'after';
  shape: string;
}

interface Head {
  dropped: DroppedLine[];
  datelines: DatelineAt[];
  skippedHeader: string[];
  title: string;
  titleLine?: number;
  titleDate?: WrittenDate;
  bodyAt: number;
}

/** Times a title may turn out to be site chrome (a name above the menu) before the reading stops. */
const MAX_HEAD_RESTARTS = 5;

/**
 * Chrome and datelines before the title, the title, and the datelines and meta lines under
 * it. A title line followed by a menu, breadcrumb or site name was the site's header: the
 * reading starts again below it. A paragraph where the title should be (a blog's
 * description, a sidebar) is passed over when a dated entry follows it.
 */
function readHead(lines: Line[], start: number, options: TextImportOptions): Head {
  const dropped: DroppedLine[] = [];
  const datelines: DatelineAt[] = [];
  const drop = (line: Line, reason: string) => dropped.push({ line: line.no, text: line.text.trim(), reason });
  let i = start;
  for (let restarts = 0; ; restarts++) {
    i = skipChrome(lines, i, 'before', datelines, drop);
    const skippedHeader = dropped.map((d) => d.text);
    let title = options.title?.trim();
    let titleLine: number | undefined;
    let titleDate: WrittenDate | undefined;
    const candidate = lines[i];
    const onTitle: DatelineAt[] = [];
    if (title !== undefined) {
      if (candidate && norm(candidate.text) === norm(title)) i++;
      // A page that lost its line breaks glues the title to the body: 「港湾視察本日、…」.
      else if (candidate?.isSegment && norm(candidate.text).startsWith(norm(title))) {
        lines[i] = { ...candidate, text: norm(candidate.text).slice(norm(title).length).trim() };
      }
    } else if (candidate) {
      const found = titleOf(lines, i);
      if (isParagraph(found.title) || NUMBERED_HEADING.test(norm(found.title))) {
        const entryAt = restarts < MAX_HEAD_RESTARTS ? findDatedEntry(lines, i) : undefined;
        if (entryAt === undefined) {
          throw new ValidationError('タイトルが分かりません。', {
            title: `${candidate.no}行目は文章(または番号の付いた見出し)なので、タイトルにしませんでした。--title "タイトル" でタイトルを指定してください。`,
          });
        }
        for (let k = i; k < entryAt; k++) if (lines[k]!.text.trim() !== '') drop(lines[k]!, '日付のある記事の前の文章(サイトの説明など)');
        i = entryAt;
        continue;
      }
      title = found.title;
      titleLine = candidate.no;
      if (found.date) {
        if (found.isDateAtEdge) onTitle.push({ line: candidate, dateline: { date: found.date, kind: 'posted', shape: '' }, where: 'on' });
        else titleDate = found.date;
      }
      i = found.next;
    }
    if (title === undefined || title === '') {
      throw new ValidationError('ファイルに本文がありません(空のファイルです)。', { title: 'タイトル行がありません。' });
    }
    // Sites often show the title twice (the page's heading and the entry's).
    const repeated = nextNonBlank(lines, i - 1, 1, false);
    if (repeated !== undefined && norm(lines[repeated]!.text) === norm(title)) {
      drop(lines[repeated]!, 'タイトルの繰り返し');
      i = repeated + 1;
    }
    const titleAt = i;
    const after: DatelineAt[] = [];
    const afterDropped: DroppedLine[] = [];
    let sign: 'sure' | 'maybe' | undefined;
    i = skipChrome(
      lines,
      i,
      'after',
      after,
      (line, reason) => afterDropped.push({ line: line.no, text: line.text.trim(), reason }),
      (kind, text) => {
        sign = sign === 'sure' ? sign : (siteHeaderSign(kind, text) ?? sign);
      },
    );
    const isSiteHeader = sign === 'sure' || (sign === 'maybe' && hasTitleFrom(lines, titleAt));
    if (isSiteHeader && titleLine !== undefined && options.title === undefined && restarts < MAX_HEAD_RESTARTS) {
      drop(candidate!, 'サイトの見出し(メニューやサイト名の前の行)');
      i = titleAt;
      continue;
    }
    dropped.push(...afterDropped);
    datelines.push(...onTitle, ...after);
    return { dropped, datelines, skippedHeader, title, titleLine, titleDate, bodyAt: i };
  }
}

/** Site chrome and datelines from line `i` on; returns the first other line. */
function skipChrome(
  lines: Line[],
  i: number,
  where: 'before' | 'after',
  datelines: DatelineAt[],
  drop: (line: Line, reason: string) => void,
  onChrome: (kind: ChromeKind, text: string) => void = () => {},
): number {
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (text === '') continue;
    const dateline = readDateline(text);
    if (dateline) {
      datelines.push({ line, dateline, where });
      drop(line, '日付行');
      continue;
    }
    const kind = chromeKindOf(text) ?? (isInsideAddressBlock(lines, i) ? 'address' : undefined) ?? joinedChrome(lines, i);
    if (kind) {
      onChrome(kind, text);
      drop(line, CHROME_KIND_LABELS[kind]);
      continue;
    }
    // A long line cut at its spaces cuts names too: 「田中のぞみ」「公式サイト」.
    const withNext = line.isSegment && lines[i + 1]?.isSegment ? chromeKindOf(`${text} ${lines[i + 1]!.text}`) : undefined;
    if (!withNext) break;
    drop(line, CHROME_KIND_LABELS[withNext]);
    drop(lines[++i]!, CHROME_KIND_LABELS[withNext]);
  }
  return i;
}

/**
 * What chrome under a title says of it: a menu, breadcrumb or skip link shows the "title"
 * was the site's header ('sure'); a site name, chamber line or address may also be the
 * author's line under a report's title ('maybe').
 */
function siteHeaderSign(kind: ChromeKind, text: string): 'sure' | 'maybe' | undefined {
  if (kind === 'section-label') return isMenu(text) ? 'sure' : undefined;
  if (kind === 'breadcrumb' || kind === 'skip-link') return 'sure';
  return kind === 'site-name' || kind === 'chamber-or-role' || kind === 'address' ? 'maybe' : undefined;
}

/** Whether a title can be read from line `i` on, past chrome: a short line that is no numbered heading. */
function hasTitleFrom(lines: Line[], i: number): boolean {
  const at = skipChrome(lines, i, 'after', [], () => {});
  const line = lines[at];
  return line !== undefined && !isParagraph(titleOf(lines, at).title) && !NUMBERED_HEADING.test(norm(line.text));
}

/** 「1 概要」「(1)経緯」「① 日時」「第1 総論」: the body's structure, never a title. */
const NUMBERED_HEADING = /^([0-9]+([\s、)]|\.(?![0-9]))|[(][0-9]+[)]|[①-⑳]|第[0-9一二三四五六七八九十]+\s)/;

/** The first dated entry from line `i`: a dateline beside a line that could be its title. */
function findDatedEntry(lines: Line[], i: number): number | undefined {
  for (let k = i + 1; k < lines.length; k++) {
    const dateline = readDateline(lines[k]!.text);
    if (!dateline || dateline.kind !== 'posted') continue;
    const next = nextNonBlank(lines, k, 1, true);
    if (next !== undefined && !isParagraph(lines[next]!.text) && !readDateline(lines[next]!.text)) return k;
    const previous = nextNonBlank(lines, k, -1, true);
    if (previous !== undefined && previous > i && !isParagraph(lines[previous]!.text)) return previous;
  }
  return undefined;
}

function readEntry(lines: Line[], start: number, options: TextImportOptions, inheritedPageDate?: DayParts): Entry {
  const warnings: string[] = [];
  const { dropped, datelines, skippedHeader, title, titleLine, titleDate, bodyAt } = readHead(lines, start, options);
  const drop = (line: Line, reason: string) => dropped.push({ line: line.no, text: line.text.trim(), reason });

  // 4. Where the body ends: the next entry, blog chrome, a footer.
  const shape = entryShapeOf(datelines);
  let nextEntryAt = shape ? findNextEntry(lines, bodyAt, shape) : undefined;
  if (nextEntryAt !== undefined && !isListPage(lines, bodyAt, nextEntryAt, shape!)) nextEntryAt = undefined;
  let end = nextEntryAt ?? lines.length;
  const cut = reportEndOf(lines, bodyAt, end);
  for (let k = cut; k < end; k++) {
    const line = lines[k]!;
    if (line.text.trim() === '') continue;
    const dateline = readDateline(line.text);
    if (dateline) datelines.push({ line, dateline, where: 'below' });
    drop(line, dateline ? '記事の後の日付行' : reportEndReason(line));
  }
  end = cut;
  const bodyLines = lines.slice(bodyAt, end);
  const bodySource = joinBody(bodyLines);
  if (bodySource === '') throw new ValidationError('本文がありません。', { bodySource: 'タイトルの後に本文がありません。' });

  // 5. The activity date.
  const pageDate = pageDateOf(datelines, options.dateHint) ?? inheritedPageDate;
  const date = resolveDate({ datelines, titleDate, titleLine, bodyLines, hint: options.dateHint, pageDate, lines, start, bodyAt, warnings });
  return {
    entry: { title, activityDate: date.iso, bodySource, skippedHeader, dropped, titleLine, dateSource: date.source, warnings },
    nextEntryAt,
    entryShape: shape,
    pageDate,
  };
}

function norm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A sentence or a long line: text, not a title. */
function isParagraph(text: string): boolean {
  const t = norm(text);
  if (t.length > MAX_TITLE_CHARS || /[。．!?！？]\s*\S/.test(t)) return true;
  return t.endsWith('。') && (t.length > 15 || t.includes('、'));
}

/**
 * The title at line `i` and the date written on it: a date at its start (「2023.3.8 港湾視察」)
 * is a dateline glued to the title and left out of it; a date at its end dates the report too.
 * A long line's segments are joined back until the body begins.
 */
function titleOf(lines: Line[], i: number): { title: string; next: number; date?: WrittenDate; isDateAtEdge?: boolean } {
  let title = lines[i]!.text.trim();
  let next = i + 1;
  if (lines[i]!.isSegment) {
    while (next < lines.length && lines[next]!.isSegment && isTitleSegment(lines[next]!.text) && title.length + lines[next]!.text.length < 60) {
      title = `${title} ${lines[next]!.text}`;
      next++;
    }
  }
  // 【県議会6月定例会 一般質問】: the brackets mark the title, they are not part of it.
  title = title.replace(/^【([^【】]+)】$/, '$1');
  const text = norm(title);
  const date = findWrittenDates(text)[0];
  if (!date) return { title, next };
  const before = text.slice(0, date.index);
  const after = text.slice(date.index + date.match.length).replace(/^\s*[(（][日月火水木金土](曜日?)?[)）]/, '');
  const edge = /^[\s[\]［］【】()（）:：|｜\-–—]*$/;
  if (edge.test(before) && after.trim() !== '' && !/^\s*[のにはをで、]/.test(after)) {
    return { title: after.replace(/^[\s\]］】)）:：|｜\-–—]+/, '').trim(), next, date, isDateAtEdge: true };
  }
  // A date closing the title (「港湾視察(2023年3月8日)」) dates it but stays: the author wrote it so.
  if (edge.test(after) && before.trim() !== '') return { title, next, date, isDateAtEdge: true };
  return { title, next, date };
}

function isTitleSegment(text: string): boolean {
  return !/[、。,]/.test(text) && !readDateline(text) && !chromeKindOf(text) && !/^([0-9０-９]+|[(（][0-9０-９]+[)）]|[①-⑳])$/.test(text);
}

/** A short line between two address lines belongs to the address block (a building's name). */
function isInsideAddressBlock(lines: Line[], i: number): boolean {
  const text = lines[i]!.text.trim();
  if (text.length > 30 || /[。、]/.test(text)) return false;
  const previous = neighbour(lines, i, -1);
  const next = neighbour(lines, i, 1);
  return previous !== undefined && next !== undefined && chromeKindOf(previous.text) === 'address' && chromeKindOf(next.text) === 'address';
}

/** A name cut off its chamber when a long line was cut at its spaces (「衆議院議員」「山川さくら」). */
function joinedChrome(lines: Line[], i: number): ReturnType<typeof chromeKindOf> {
  const line = lines[i]!;
  const previous = lines[i - 1];
  if (!line.isSegment || !previous?.isSegment) return undefined;
  return chromeKindOf(`${previous.text} ${line.text}`);
}

function neighbour(lines: Line[], i: number, step: 1 | -1): Line | undefined {
  for (let k = i + step; k >= 0 && k < lines.length; k += step) if (lines[k]!.text.trim() !== '') return lines[k];
  return undefined;
}

/** The dateline that dates an entry, when the page lists entries by it. */
function entryShapeOf(datelines: DatelineAt[]): EntryShape | undefined {
  const head = datelines.find((d) => (d.where === 'before' || d.where === 'after') && d.dateline.kind === 'posted');
  return head ? { where: head.where as 'before' | 'after', shape: head.dateline.shape } : undefined;
}

/**
 * The next entry of a list page: a dateline of the same form as this entry's, beside a line
 * that could be a title, in the same order as this entry's (date then title, or title then date).
 */
function findNextEntry(lines: Line[], from: number, shape: EntryShape): number | undefined {
  for (let k = from + 1; k < lines.length; k++) {
    const dateline = readDateline(lines[k]!.text);
    if (!dateline || dateline.kind !== 'posted' || dateline.shape !== shape.shape) continue;
    const titleAt = nextNonBlank(lines, k, shape.where === 'before' ? 1 : -1, true);
    if (titleAt === undefined || titleAt < from) continue;
    const text = lines[titleAt]!.text.trim();
    if (isParagraph(text) || readDateline(text)) continue;
    const at = shape.where === 'before' ? k : titleAt;
    if (at > from) return at;
  }
  return undefined;
}

/**
 * Whether a second dated entry at `next` makes a list page rather than a dated part of one
 * report (「活動予定」 and its date): blog chrome closes the first entry (続きを読む,
 * コメント(0), share buttons), or two more entries follow.
 */
function isListPage(lines: Line[], bodyAt: number, next: number, shape: EntryShape): boolean {
  for (let k = bodyAt; k < next; k++) {
    const kind = chromeKindOf(lines[k]!.text);
    if (kind === 'report-end' || kind === 'meta') return true;
  }
  const third = findNextEntry(lines, next, shape);
  return third !== undefined;
}

function nextNonBlank(lines: Line[], i: number, step: 1 | -1, isChromeSkipped: boolean): number | undefined {
  for (let k = i + step; k >= 0 && k < lines.length; k += step) {
    const text = lines[k]!.text.trim();
    if (text === '' || (isChromeSkipped && chromeKindOf(text))) continue;
    return k;
  }
  return undefined;
}

function countEntries(lines: Line[], from: number, shape: EntryShape | undefined): number {
  let count = 0;
  for (let at: number | undefined = from; at !== undefined && shape; at = findNextEntry(lines, at, shape)) count++;
  return count;
}

/**
 * Where the report ends: at the first line of blog chrome that follows a report (share
 * buttons, 前の記事, comments, related entries), a sidebar's heading (プロフィール, 最新記事)
 * or a run of chrome lines, and before the chrome, datelines and
 * posting stamps just above it or above `end` (a footer of address and copyright).
 */
function reportEndOf(lines: Line[], from: number, end: number): number {
  let cut = end;
  let seenText = false;
  for (let k = from; k < end; k++) {
    const text = lines[k]!.text.trim();
    if (text === '') continue;
    if (seenText && (chromeKindOf(text) === 'report-end' || isSidebarHeading(text) || isChromeCluster(lines, k, end))) {
      cut = k;
      break;
    }
    seenText = true;
  }
  for (let k = cut - 1; k > from; k--) {
    const text = lines[k]!.text.trim();
    if (text === '') continue;
    if (!chromeKindOf(text) && !readDateline(text) && !isFooterStamp(text)) break;
    cut = k;
  }
  return cut;
}

/** Lines that start a sidebar or footer: of the next five, three or more (this one included) are clearly chrome. */
const CLUSTER_LINES = 5;
const CLUSTER_CHROME = 3;

function isChromeCluster(lines: Line[], k: number, end: number): boolean {
  if (!isClearChrome(lines[k]!.text)) return false;
  let seen = 0;
  let chrome = 0;
  for (let j = k; j < end && seen < CLUSTER_LINES; j++) {
    const text = lines[j]!.text.trim();
    if (text === '') continue;
    seen++;
    if (isClearChrome(text) || readDateline(text)) chrome++;
  }
  return chrome >= CLUSTER_CHROME;
}

/** Chrome that is no single word a report could use as a subheading (「写真」「政策」). */
function isClearChrome(text: string): boolean {
  const kind = chromeKindOf(text);
  return kind !== undefined && (kind !== 'section-label' || isMenu(text));
}

/** Several section names on one line (「ホーム | 政策」), not one a report could use as a subheading. */
function isMenu(text: string): boolean {
  return /[\s|｜・/]/.test(norm(text));
}

/** 「小林あかり 2023-06-14 21:00」: who posted an entry and when, under it. */
function isFooterStamp(text: string): boolean {
  return text.length <= 40 && /\d{1,2}\s*[:：]\s*\d{2}/.test(text) && findWrittenDates(text).length > 0;
}

function reportEndReason(line: Line): string {
  if (isSidebarHeading(line.text)) return 'サイドバー';
  const kind = chromeKindOf(line.text);
  return kind ? CHROME_KIND_LABELS[kind] : '記事の後';
}

/** The body's text; segments of one long line are joined back, a paragraph after each 。. */
function joinBody(bodyLines: Line[]): string {
  if (!bodyLines.some((l) => l.isSegment))
    return bodyLines
      .map((l) => l.text)
      .join('\n')
      .replace(/^\n+|\s+$/g, '');
  let text = '';
  for (const line of bodyLines) text += text === '' ? line.text : `${text.endsWith('。') ? '\n\n' : ' '}${line.text}`;
  return text.trim();
}

/** The page's own date: a full dateline of the page (posted first, then 更新日), else a full --date. */
function pageDateOf(datelines: DatelineAt[], hint: DateHint | undefined): DayParts | undefined {
  const full = [...datelines]
    .sort((a, b) => Number(a.dateline.kind === 'updated') - Number(b.dateline.kind === 'updated'))
    .find((d) => d.dateline.date.year !== undefined);
  if (full) {
    const { year, month, day } = full.dateline.date;
    return { year: year!, month, day };
  }
  return hint?.day !== undefined ? { year: hint.year, month: hint.month!, day: hint.day } : undefined;
}

interface DateInput {
  datelines: DatelineAt[];
  titleDate: WrittenDate | undefined;
  titleLine: number | undefined;
  bodyLines: Line[];
  hint: DateHint | undefined;
  pageDate: DayParts | undefined;
  lines: Line[];
  start: number;
  bodyAt: number;
  warnings: string[];
}

const WHERE_LABELS = { on: 'タイトル行の日付', after: 'タイトルの後の日付行', before: 'タイトルの前の日付行', below: '本文の後の日付行' } as const;

function resolveDate(input: DateInput): { iso: string; source: DateSource } {
  const { datelines, hint, pageDate } = input;
  const posted = (where: DatelineAt['where']) => datelines.find((d) => d.where === where && d.dateline.kind === 'posted');
  // A relative day at the head of the body (昨日、…) counts from the page's own date.
  const lead = leadParagraph(input.bodyLines);
  if (lead) {
    const relative = readRelativeDay(lead.text);
    // 本日 is the page's date itself: the rules below find it with its source.
    if (relative && relative.offsetDays !== 0 && pageDate) {
      const day = resolveRelativeDay(relative, pageDate);
      if (day) {
        const iso = toIsoDate(day);
        input.warnings.push(`本文の「${relative.match}」を、ページの日付 ${toIsoDate(pageDate)} から数えて ${iso} としました。`);
        return { iso, source: { line: lead.no, text: relative.match, how: `本文の最初の段落の「${relative.match}」(ページの日付から)` } };
      }
    }
  }
  const head = posted('after') ?? posted('on') ?? posted('before');
  if (head) return fromWritten(head.dateline.date, { line: head.line.no, text: head.line.text.trim(), how: WHERE_LABELS[head.where] }, input);
  if (input.titleDate) return fromWritten(input.titleDate, { line: input.titleLine, text: input.titleDate.match, how: 'タイトルの中の日付' }, input);

  if (lead) {
    const written = firstDatingDate(lead.text);
    if (written) return fromWritten(written, { line: lead.no, text: written.match, how: '本文の最初の段落の日付' }, input);
  }
  const below = posted('below');
  if (below) return fromWritten(below.dateline.date, { line: below.line.no, text: below.line.text.trim(), how: WHERE_LABELS.below }, input);
  const updated = datelines.find((d) => d.dateline.kind === 'updated');
  if (updated) return fromWritten(updated.dateline.date, { line: updated.line.no, text: updated.line.text.trim(), how: '更新日' }, input);
  if (hint?.day !== undefined) {
    const iso = toIsoDate({ year: hint.year, month: hint.month!, day: hint.day });
    return { iso, source: { text: iso, how: '--date' } };
  }
  const impossible = lead && /\d{1,2}\s*月\s*\d{1,2}\s*日/.exec(lead.text.normalize('NFKC'));
  if (impossible && findWrittenDates(impossible[0]).length === 0)
    throw new ValidationError('活動日が正しくありません。', { activityDate: `「${impossible[0]}」は実在しない日付です。` });
  throw new ValidationError('活動日が分かりません。', {
    activityDate: `日付が見つかりません(見た行: ${linesLookedAt(input)})。--date YYYY-MM-DD で活動日を指定してください。`,
  });
}

/** The first paragraph of the body, with the number of its first line. */
function leadParagraph(bodyLines: Line[]): { no: number; text: string } | undefined {
  const firstAt = bodyLines.findIndex((l) => l.text.trim() !== '');
  if (firstAt < 0) return undefined;
  const texts: string[] = [];
  for (let k = firstAt; k < bodyLines.length && bodyLines[k]!.text.trim() !== ''; k++) {
    texts.push(bodyLines[k]!.text);
    if (bodyLines[k]!.isSegment && bodyLines[k]!.text.endsWith('。')) break;
  }
  return { no: bodyLines[firstAt]!.no, text: texts.join('\n') };
}

function linesLookedAt(input: DateInput): string {
  const lead = leadParagraph(input.bodyLines);
  const headFrom = input.lines[input.start]?.no ?? 1;
  const headEnd = nextNonBlank(input.lines, input.bodyAt, -1, false);
  const headTo = headEnd === undefined || headEnd < input.start ? headFrom : input.lines[headEnd]!.no;
  const parts = [headFrom === headTo ? `${headFrom}行目(タイトル)` : `${headFrom}〜${headTo}行目(タイトルとその前後)`];
  if (lead) {
    const leadLines = lead.text.split('\n').length;
    const isOneLine = input.bodyLines[0]?.isSegment === true;
    parts.push(isOneLine || leadLines === 1 ? `${lead.no}行目(本文の最初の段落)` : `${lead.no}〜${lead.no + leadLines - 1}行目(本文の最初の段落)`);
  }
  return parts.join('、');
}

function fromWritten(date: WrittenDate, source: DateSource, input: DateInput): { iso: string; source: DateSource } {
  const year = date.year ?? input.hint?.year ?? yearFromPageDate(date, input.pageDate);
  if (year === undefined) {
    throw new ValidationError('活動日の年が分かりません。', {
      activityDate: `${source.line !== undefined ? `${source.line}行目の` : ''}日付「${date.match}」に年がありません。--date YYYY で年を指定してください。`,
    });
  }
  if (!isValidDay(year, date.month, date.day)) {
    throw new ValidationError('活動日が正しくありません。', { activityDate: `「${date.match}」(${year}年)は実在しない日付です。` });
  }
  if (date.year === undefined && input.hint?.year === undefined) source = { ...source, how: `${source.how}(年はページの日付から)` };
  return { iso: toIsoDate({ year, month: date.month, day: date.day }), source };
}

/** A month and day without a year belong to the page's year, or the year before when they would follow the page's date. */
function yearFromPageDate(date: WrittenDate, pageDate: DayParts | undefined): number | undefined {
  if (!pageDate) return undefined;
  const isAfter = date.month * 100 + date.day > pageDate.month * 100 + pageDate.day;
  return isAfter ? pageDate.year - 1 : pageDate.year;
}
