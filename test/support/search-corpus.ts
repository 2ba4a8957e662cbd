// A site of generated activity reports with rare terms written in at known places, for
// the search ground-truth tests, and the brute-force truth a search must equal: a term
// matches the published reports whose normalised title or body text contains it.
import { generateReports } from '../../bench/corpus.js';
import { createReport } from '../../src/actions/reports/create-report.js';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import { DEMO_CATEGORIES } from '../../src/demo/demo-content.js';
import { normalizeForSearch } from '../../src/domain/search/normalize.js';
import { forEachWordPlace } from '../../src/domain/search/words.js';
import type { SearchFilter } from '../../src/store/search.js';
import type { SearchQuery, SearchTerm } from '../../src/domain/search/query.js';
import { findCategoryBySlug } from '../../src/store/categories.js';
import { addCategory } from './factories.js';

export interface CorpusReport {
  id: number;
  title: string;
  /** The stored plain text (reports.body_text), which is what the index holds. */
  bodyText: string;
  activityDate: string;
  categoryId: number | null;
  isPublished: boolean;
}

/** Where a rare form is written: into the body of generated report `index`, or its title. */
interface Insertion {
  index: number;
  form: string;
  place: 'body' | 'title';
}

const body = (index: number, form: string): Insertion => ({ index, form, place: 'body' });
const title = (index: number, form: string): Insertion => ({ index, form, place: 'title' });

/** Report i is a draft when i % DRAFT_EVERY === DRAFT_EVERY - 1 (no insertion below falls there unless meant to). */
const DRAFT_EVERY = 37;

export const INSERTIONS: readonly Insertion[] = [
  // 1 character
  body(3, '鱧'),
  body(57, '鱧'),
  body(141, '鱧'),
  title(200, '鱧'),
  body(73, '鱧'),
  // 2 characters
  body(10, '蕨市'),
  body(77, '蕨市'),
  // 3 characters
  body(5, '五箇山'),
  body(50, '五箇山'),
  body(95, '五箇山'),
  // 4 characters (110 is a draft)
  body(12, '鳴門海峡'),
  body(112, '鳴門海峡'),
  title(30, '鳴門海峡'),
  body(212, '鳴門海峡'),
  body(110, '鳴門海峡'),
  // 8 characters
  body(20, '瀬戸内海島嶼振興'),
  body(120, '瀬戸内海島嶼振興'),
  body(220, '瀬戸内海島嶼振興'),
  body(221, '瀬戸内海島嶼振興'),
  // Latin, in several widths and cases
  body(7, 'IPEF'),
  body(70, 'ＩＰＥＦ'),
  title(170, 'Ipef'),
  // digits; 46490 contains 4649
  body(33, '4649'),
  body(133, '４６４９'),
  body(233, '46490'),
  // mixed full-width and half-width in one word
  body(44, 'G7サミット'),
  body(144, 'Ｇ７サミット'),
  body(244, 'G７サミット'),
  title(60, 'Ｇ7サミット'),
  // half-width katakana
  body(15, 'ｶﾞｿﾘﾝ税'),
  body(115, 'ガソリン税'),
  // names in their variant forms
  body(25, '髙橋'),
  body(125, '高橋'),
  title(225, '髙橋'),
  body(26, '山﨑'),
  body(126, '山崎'),
  body(27, '德永'),
  body(28, '濵口'),
];

/** Reports written with the same title and text on a few dates: their bm25 scores tie. */
export const TIE_TERM = '鏡像語';
export const TIE_COUNT = 50;
const TIE_DATES = ['2020-04-01', '2021-04-01', '2021-04-01', '2019-12-31', '2024-02-29'];

export interface SearchCorpus {
  reports: CorpusReport[];
  published: CorpusReport[];
}

function withInsertions(index: number, report: { title: string; bodySource: string }) {
  let { title: t, bodySource } = report;
  for (const ins of INSERTIONS.filter((i) => i.index === index)) {
    if (ins.place === 'title') t = `${ins.form}と${t}`;
    else bodySource += `\n\n${ins.form}について、地元の方から話を伺った。`;
  }
  return { title: t, bodySource };
}

/** Writes `count` generated reports (with the insertions, every 37th a draft), the tie reports and two edge cases. */
export async function buildSearchCorpus(ctx: ActionContext, count: number, seed = 7): Promise<SearchCorpus> {
  for (const c of DEMO_CATEGORIES) await addCategory(ctx, c.slug, c.name);
  const created: { id: number; isPublished: boolean }[] = [];
  const publish = async (draft: Parameters<typeof createReport>[1], isPublished = true) => {
    const { id } = await createReport(ctx, draft, { status: isPublished ? 'published' : 'draft' });
    created.push({ id, isPublished });
  };
  let index = 0;
  for (const r of generateReports(count, { seed, minChars: 500, maxChars: 900 })) {
    const { title: t, bodySource } = withInsertions(index, r);
    await publish(
      { title: t, bodySource, activityDate: r.activityDate, categorySlug: r.categorySlug, tags: r.tags, summary: r.summary },
      index % DRAFT_EVERY !== DRAFT_EVERY - 1,
    );
    index++;
  }
  for (let i = 0; i < TIE_COUNT; i++) {
    await publish({ title: '同じ内容の報告', bodySource: `${TIE_TERM}について報告する。`, activityDate: TIE_DATES[i % TIE_DATES.length]!, categorySlug: 'party' });
  }
  // A term split between title and body, or by a line break, is not in the text.
  await publish({ title: '視察の報告 鳴門', bodySource: '海峡の渦潮を視察した。', activityDate: '2023-03-03', categorySlug: 'local' });
  await publish({ title: '渦潮の視察', bodySource: '鳴門\n海峡の渦潮を視察した。', activityDate: '2023-03-04', categorySlug: 'local' });

  const rows = await ctx.db.selectFrom('reports').select(['id', 'title', 'body_text', 'activity_date', 'category_id', 'status']).orderBy('id').execute();
  const reports = rows.map((row) => ({
    id: row.id,
    title: row.title,
    bodyText: row.body_text,
    activityDate: row.activity_date,
    categoryId: row.category_id,
    isPublished: row.status === 'published',
  }));
  if (reports.length !== created.length) throw new Error('corpus: unexpected reports in the site');
  return { reports, published: reports.filter((r) => r.isPublished) };
}

export async function categoryIdOf(ctx: ActionContext, slug: string): Promise<number> {
  const category = await findCategoryBySlug(ctx.db, slug);
  if (!category) throw new Error(`no category ${slug}`);
  return category.id;
}

const normalizedCache = new WeakMap<CorpusReport, string[]>();

/** The report's normalised title and body, white space collapsed (a quoted phrase matches across any). */
export function searchableTexts(report: CorpusReport): string[] {
  let texts = normalizedCache.get(report);
  if (!texts) {
    texts = [report.title, report.bodyText].map((t) => normalizeForSearch(t).replace(/\s+/g, ' '));
    normalizedCache.set(report, texts);
  }
  return texts;
}

export function containsTerm(report: CorpusReport, normalizedTerm: string): boolean {
  return searchableTexts(report).some((text) => text.includes(normalizedTerm));
}

function matchesAny(report: CorpusReport, terms: readonly SearchTerm[]): boolean {
  return terms.some((t) => containsTerm(report, t.text));
}

/** Ids of the published reports a query must find, by brute force, in id order. */
export function trueIds(corpus: SearchCorpus, query: SearchQuery, filter: SearchFilter = {}): number[] {
  return corpus.published
    .filter((r) => filter.year === undefined || r.activityDate.startsWith(`${filter.year}-`))
    .filter((r) => filter.categoryId === undefined || r.categoryId === filter.categoryId)
    .filter((r) => query.all.every((group) => matchesAny(r, group)) && !matchesAny(r, query.none))
    .map((r) => r.id);
}

/** Ids of published reports containing one normalised term. */
export function trueIdsOf(corpus: SearchCorpus, normalizedTerm: string): number[] {
  return corpus.published.filter((r) => containsTerm(r, normalizedTerm)).map((r) => r.id);
}

/** Where the words of a normalised text stand ([start, end) each, in order), by the index's cutting rule. */
function wordPlaces(text: string): [number, number][] {
  const places: [number, number][] = [];
  forEachWordPlace(text, (start, end) => places.push([start, end]));
  return places;
}

/**
 * Whether the term stands as words in the report's title or body, by brute force: the term
 * is made of words only (its words cover it one after another), and at some place where the
 * text holds it, the text's words over that stretch are exactly the term's words there (so
 * they follow one another with nothing between, and the first and last are whole words of
 * the text). Words are cut by the index's own rule (domain/search/words.ts; it agrees with
 * Intl.Segmenter on the corpus's traps, docs/search.md "Ranking").
 */
export function hasAsWord(report: CorpusReport, normalizedTerm: string): boolean {
  const term = wordPlaces(normalizedTerm);
  const isWordsOnly = term.length > 0 && term.every(([start], i) => start === (i === 0 ? 0 : term[i - 1]![1])) && term[term.length - 1]![1] === normalizedTerm.length;
  if (!isWordsOnly) return false;
  return searchableTexts(report).some((text) => {
    const places = wordPlaces(text);
    let first = 0; // the first of the text's words ending after `at`
    for (let at = text.indexOf(normalizedTerm); at !== -1; at = text.indexOf(normalizedTerm, at + 1)) {
      while (first < places.length && places[first]![1] <= at) first++;
      const end = at + normalizedTerm.length;
      const over = [];
      for (let k = first; k < places.length && places[k]![0] < end; k++) over.push(places[k]!);
      if (over.length === term.length && over.every(([s, e], i) => s === at + term[i]![0] && e === at + term[i]![1])) return true;
    }
    return false;
  });
}
