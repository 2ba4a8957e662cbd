// Datelines of web pages and reports: a line that is there only to date the page
// (「[ 2023年3月8日(水) ]」「2018年11月6日 by スタッフ」「2017年08月31日活動記録」
// 「更新日:令和5年12月7日」「R5.12.7」), the relative days written at the head of a text
// (昨日, 今週6日), and dates in a body that refer to another day (「6月21日の当欄参照」).
// Shared by import-text and import-html; documented in docs/import-text.md.
import { isValidDay, type DayParts } from './dates.js';
import { findWrittenDates, type WrittenDate } from './japanese-dates.js';
import { chromeKindOf } from './page-chrome.js';

export interface Dateline {
  date: WrittenDate;
  /** 'updated' for 更新日 / 最終更新: the page's date, not the day of the activity. */
  kind: 'posted' | 'updated';
  /** The date's form with digits and weekday left out: entries of one list page share it. */
  shape: string;
}

/** A line longer than this is text, never a dateline. */
const MAX_DATELINE_CHARS = 60;

const WEEKDAY = /[(（]\s*[日月火水木金土](曜日?)?\s*[)）]|[日月火水木金土]曜日?|[(（]?\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?[)）]?/gi;
const TIME = /(午前|午後|AM|PM)?\s*\d{1,2}\s*[:：]\s*\d{2}(\s*[:：]\s*\d{2})?|(午前|午後)?\s*\d{1,2}\s*時(\s*\d{1,2}\s*分)?/gi;
const META_PHRASES =
  /(posted\s+)?by\s+\S{1,20}|投稿者\s*[:：]?\s*\S{1,20}|(カテゴリー?|カテゴリ|テーマ|タグ|category|tags?)\s*[:：]\s*\S{1,20}|(コメント|トラックバック|comments?|trackback)\s*([(（]\d+[)）]|[:：]?\s*\d+\s*件?)|編集|印刷/gi;
const DATE_WORDS =
  /最終更新日?|更新日時?|更新|投稿日時?|投稿|公開日時?|公開|掲載日|掲載|作成日|登録日|活動日|実施日|質問日|開催日|視察日|訪問日|日付|日時|\b(posted|updated|published|on|at)\b/gi;
/** A diary's weather after its date (「2023年3月8日(水) 晴れ」). */
const WEATHER = /(晴れ?|曇り?|くもり|雨|雪)((のち|時々|一時|後)(晴れ?|曇り?|くもり|雨|雪))?/g;
const SEPARATORS = /[\s[\]［］【】()（）「」<>＜＞:：|｜/・\-–—~〜,、。.]+/;

/** The date a line is, when the line says nothing else (a date, weekday, time, meta words). */
export function readDateline(line: string): Dateline | undefined {
  const text = line.normalize('NFKC').trim();
  if (text === '' || text.length > MAX_DATELINE_CHARS) return undefined;
  const dates = findWrittenDates(text);
  if (dates.length === 0) return undefined;
  let rest = text;
  for (const d of [...dates].reverse()) rest = `${rest.slice(0, d.index)} ${rest.slice(d.index + d.match.length)}`;
  rest = rest.replace(META_PHRASES, ' ').replace(TIME, ' ').replace(WEEKDAY, ' ').replace(DATE_WORDS, ' ').replace(WEATHER, ' ');
  // The other days of a span (「2023年3月8日(水)・9日(木)」「3月8日〜10日」).
  rest = rest.replace(/(?<![0-9])[0-9]{1,2}\s*日(?!本)/g, ' ').replace(/[〜~～]|から|まで/g, ' ');
  const words = rest.split(SEPARATORS).filter((w) => w !== '');
  if (!words.every((w) => chromeKindOf(w) === 'section-label')) return undefined;
  // 「公開日:… 最終更新日:…」 dates the page by its first date, which is not an update.
  const isUpdate = /更新|updated/i.test(text.slice(0, dates[0]!.index));
  return { date: dates[0]!, kind: isUpdate ? 'updated' : 'posted', shape: shapeOf(dates[0]!.match) };
}

function shapeOf(match: string): string {
  return match.normalize('NFKC').replace(/\d+/g, '0').replace(WEEKDAY, '').replace(/\s+/g, '');
}

/** A day written relative to the page's own date. */
export interface RelativeDay {
  /** Days from the page's date (昨日 = -1), or… */
  offsetDays?: number;
  /** …the day of the month on or before the page's date (今週6日, 6日). */
  dayOfMonth?: number;
  match: string;
}

const RELATIVE_WORDS: Record<string, number> = { 本日: 0, 今日: 0, きょう: 0, 昨日: -1, きのう: -1, 一昨日: -2, おととい: -2 };
const RELATIVE_HEAD = /^(本日|今日|きょう|昨日|きのう|一昨日|おととい)(?=[、,はの夜朝午]|\s|$)|^(今週|先週|今月)?\s*(\d{1,2})\s*日(?=\s*[(（、,はに]|\s|$)/;

/** The relative day a text begins with (「昨日、…」「今週6日(月)は…」), if any. */
export function readRelativeDay(text: string): RelativeDay | undefined {
  const m = RELATIVE_HEAD.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  if (m[1] !== undefined) return { offsetDays: RELATIVE_WORDS[m[1]]!, match: m[0] };
  const day = Number(m[3]);
  return day >= 1 && day <= 31 ? { dayOfMonth: day, match: m[0].trim() } : undefined;
}

/** The calendar day a relative day names, counted from the page's date; undefined when impossible. */
export function resolveRelativeDay(relative: RelativeDay, pageDate: DayParts): DayParts | undefined {
  if (relative.offsetDays !== undefined) {
    const d = new Date(Date.UTC(pageDate.year, pageDate.month - 1, pageDate.day + relative.offsetDays));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const day = relative.dayOfMonth!;
  if (day <= pageDate.day) return { ...pageDate, day };
  const year = pageDate.month === 1 ? pageDate.year - 1 : pageDate.year;
  const month = pageDate.month === 1 ? 12 : pageDate.month - 1;
  return isValidDay(year, month, day) ? { year, month, day } : undefined;
}

const REFERENCE_AFTER =
  /^\s*[)）]?\s*([(（][^)）]{0,8}[)）])?\s*(の(当欄|本欄|欄|記事|ブログ|日記|投稿|報告|レポート|活動報告|号|続き)|付け?の|に(書いた|お知らせした|報告した|掲載した)|を参照|参照)/;

/** Whether a date in a body points at another day (「6月21日の当欄参照」) rather than dating the text. */
export function isReferenceDate(text: string, date: WrittenDate): boolean {
  if (/(前回|既報|前号)[のはで]?\s*[(（]?\s*$/.test(text.slice(0, date.index))) return true;
  const after = text.slice(date.index + date.match.length);
  if (REFERENCE_AFTER.test(after)) return true;
  const sentenceEnd = after.search(/[。\n]/);
  return /参照/.test(sentenceEnd < 0 ? after : after.slice(0, sentenceEnd));
}

/** The first date of a text that dates it: references to other days are passed over. */
export function firstDatingDate(text: string): WrittenDate | undefined {
  return findWrittenDates(text).find((d) => !isReferenceDate(text, d));
}
