// Which reports each list shows and how it is titled: the 活動報告 list and the year, month,
// category and tag archives are one page with another filter.
import { paths } from '../../domain/paths.js';
import type { Category } from '../../domain/report.js';
import type { ReportFilter } from '../../store/reports.js';
import type { Crumb } from './report-list-page.js';

export interface ReportListSpec {
  /** What the list shows, without the page number (the server's cache key). */
  key: string;
  heading: string;
  description: string;
  crumbs: Crumb[];
  filter: ReportFilter;
  basePath: string;
  /** An archive with no report at all is a 404; the main list is shown empty. */
  isEmptyAllowed: boolean;
}

const ACTIVITY_CRUMB: Crumb = { label: '活動報告', path: paths.activity() };

export const reportListSpec = {
  activity: (): ReportListSpec => ({
    key: 'activity',
    heading: '活動報告',
    description: '活動報告の一覧です(新しい順)。',
    crumbs: [{ label: '活動報告' }],
    filter: {},
    basePath: paths.activity(),
    isEmptyAllowed: true,
  }),
  year: (year: number): ReportListSpec => ({
    key: `year:${year}`,
    heading: `${year}年の活動報告`,
    description: `${year}年の活動報告の一覧です。`,
    crumbs: [ACTIVITY_CRUMB, { label: `${year}年` }],
    filter: { year },
    basePath: paths.year(year),
    isEmptyAllowed: false,
  }),
  month: (year: number, month: number): ReportListSpec => ({
    key: `month:${year}-${month}`,
    heading: `${year}年${month}月の活動報告`,
    description: `${year}年${month}月の活動報告の一覧です。`,
    crumbs: [ACTIVITY_CRUMB, { label: `${year}年`, path: paths.year(year) }, { label: `${month}月` }],
    filter: { year, month },
    basePath: paths.month(year, month),
    isEmptyAllowed: false,
  }),
  category: (category: Category): ReportListSpec => ({
    key: `category:${category.slug}`,
    heading: `カテゴリー「${category.name}」の活動報告`,
    description: `カテゴリー「${category.name}」の活動報告の一覧です。`,
    crumbs: [ACTIVITY_CRUMB, { label: category.name }],
    filter: { categoryId: category.id },
    basePath: paths.category(category.slug),
    isEmptyAllowed: true,
  }),
  /** The reports whose confirmed activity record is of this kind (issue 16); a kind no published record has is a 404. */
  activityKind: (kind: string): ReportListSpec => ({
    key: `kind:${kind}`,
    heading: `「${kind}」の活動報告`,
    description: `活動の種類が「${kind}」の活動報告の一覧です。`,
    crumbs: [ACTIVITY_CRUMB, { label: `種類: ${kind}` }],
    filter: { activityKind: kind },
    basePath: paths.activityKind(kind),
    isEmptyAllowed: false,
  }),
  /** `name` already normalised (domain/report-rules.ts normalizeTag). */
  tag: (name: string): ReportListSpec => ({
    key: `tag:${name}`,
    heading: `タグ「${name}」の活動報告`,
    description: `タグ「${name}」が付いた活動報告の一覧です。`,
    crumbs: [ACTIVITY_CRUMB, { label: `タグ: ${name}` }],
    filter: { tag: name },
    basePath: paths.tag(name),
    isEmptyAllowed: false,
  }),
};

const YEAR = /^\d{4}$/;
const MONTH = /^(0[1-9]|1[0-2])$/;

/** Whether a path segment under /activity/ is a year (`/activity/2024/`) rather than a report's slug. */
export function isYearSegment(segment: string): boolean {
  return YEAR.test(segment);
}

/** The year or month archive that `/activity/<year>/[<month>/]` names, if the segments are a year and a month. */
export function periodList(year: string, month?: string): ReportListSpec | undefined {
  if (!YEAR.test(year) || (month !== undefined && !MONTH.test(month))) return undefined;
  return month === undefined ? reportListSpec.year(Number(year)) : reportListSpec.month(Number(year), Number(month));
}
