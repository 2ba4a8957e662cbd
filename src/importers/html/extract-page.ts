// What a saved page of an old site says as a report: its title, its activity date, the
// main content without the site's header, navigation, sidebars, breadcrumbs, share
// buttons and footer, and the files that content links to. Whether the page is a report
// at all is decided here too: a list of dated links (an archive or top page) is not.
// Which lines are site chrome, datelines or dates of other days is decided by the same
// domain rules as import-text (domain/page-chrome.ts, domain/dateline.ts).
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { firstDatingDate, readDateline } from '../../domain/dateline.js';
import { findWrittenDates, parseWrittenDate, resolveWrittenDate, yearFromUrlPath } from '../../domain/japanese-dates.js';
import { chromeKindOf, isSidebarHeading, isSiteNameLine } from '../../domain/page-chrome.js';

export interface ExtractedPage {
  title: string;
  /** `YYYY-MM-DD`, when the page names its day. */
  activityDate?: string;
  /** Why there is no activity date (for the summary). */
  dateProblem?: string;
  /** Set when the page lists many dated entries: an index, not a report. */
  listReason?: string;
  /** The main content's HTML, title and date line removed. */
  contentHtml: string;
  /** The page's own address from <link rel=canonical> or og:url, when it gives one. */
  canonicalUrl?: string;
}

// Never content, wherever they sit.
const CHROME = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'aside',
  'footer',
  'menu',
  '[role=navigation]',
  '[role=banner]',
  '[role=contentinfo]',
  '[role=complementary]',
  '[role=search]',
  '#header',
  '.header',
  '#site-header',
  '.site-header',
  '#footer',
  '.footer',
  '.site-footer',
  '#nav',
  '.nav',
  '#gnav',
  '.gnav',
  '#global-nav',
  '.global-nav',
  '#globalnav',
  '.globalnav',
  '#menu',
  '.menu',
  '#sidebar',
  '.sidebar',
  '#side',
  '.side',
  '#sub',
  '.widget',
  '.widget-area',
  '[id*=breadcrumb]',
  '[class*=breadcrumb]',
  '#topicpath',
  '.topicpath',
  '#pankuzu',
  '.pankuzu',
  '.share',
  '.sns',
  '.social',
  '.share-buttons',
  '.sns-buttons',
  '.sharedaddy',
  '.pagination',
  '.pager',
  '.page-nav',
  '.post-navigation',
  '.nav-links',
  '#comments',
  '.comments',
  '.related',
  '.related-posts',
  '.skip-link',
  '.screen-reader-text',
  '.pagetop',
  '#pagetop',
].join(',');

// Where sites put the report, most specific first.
const CONTENT = [
  'article',
  '[role=main]',
  'main',
  '#main',
  '#content',
  '#contents',
  '#main-content',
  '#primary',
  '#article',
  '.article',
  '.entry',
  '.post',
  '.main',
  '.content',
];

const BLOCKS = 'p, li, dt, dd, tr, div, h2, h3, h4';
const MAX_DATE_LINE = 40;
/** Dated entries with a link each: this many and the page is a list of reports. */
const LIST_ENTRIES = 3;

export function extractPage(html: string, urlPath?: string): ExtractedPage {
  const $ = cheerio.load(html);
  const canonicalUrl = ($('link[rel~=canonical]').attr('href') ?? $('meta[property="og:url"]').attr('content'))?.trim() || undefined;
  const pageTitle = $('title').first().text().trim();
  const siteName = $('meta[property="og:site_name"]').attr('content')?.trim();
  const publishedMeta = $('meta[property="article:published_time"]').attr('content');

  const articles = $('article').length;
  // The site header is a <header> outside the report; an article's own header holds its title.
  $('header')
    .filter((_, el) => $(el).closest('article, main, [role=main], #main, #content, #contents').length === 0)
    .remove();
  $(CHROME).remove();

  const container = contentContainer($);
  removeReportEnd($, container);
  const head = titleElement($, container, pageTitle, siteName);
  const title = head ? cleanText($(head).text()) : titleFromTitleTag(pageTitle, siteName);

  const entries = datedEntries($, container);
  const listReason =
    articles >= 2
      ? `記事が${articles}件あるページです(一覧のページ)`
      : entries >= LIST_ENTRIES
        ? `日付付きのリンクが${entries}件並んだページです(目次やアーカイブのページ)`
        : undefined;

  const yearHints = yearsOf([urlPath ?? '', canonicalUrl ?? '', pageTitle, publishedMeta ?? '', container.text()]);
  const dated = findDateLine($, container, head);
  if (head && container.has(head).length > 0) removeWithLeadingLabels($, head, container);
  if (dated?.element && isDateLine($, dated.element)) $(dated.element).remove();
  container.find('header').each((_, el) => {
    if (cleanText($(el).text()).length <= MAX_DATE_LINE) $(el).remove();
  });
  const found = resolveActivityDate($, container, dated?.text, title, yearHints);

  const page: ExtractedPage = { title, contentHtml: container.html() ?? '' };
  if (found.date) page.activityDate = found.date;
  else page.dateProblem = found.problem;
  if (listReason) page.listReason = listReason;
  if (canonicalUrl) page.canonicalUrl = canonicalUrl;
  return page;
}

function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function contentContainer($: cheerio.CheerioAPI): cheerio.Cheerio<Element> {
  for (const selector of CONTENT) {
    const found = $(selector);
    if (found.length === 1 && cleanText(found.text()).length > 0) return found as cheerio.Cheerio<Element>;
  }
  return largestTextBlock($);
}

/**
 * The element whose own paragraphs and text hold the most characters: the content of a
 * page without landmarks (table layouts, plain <div>s).
 */
function largestTextBlock($: cheerio.CheerioAPI): cheerio.Cheerio<Element> {
  let best: { el: Element; score: number } | undefined;
  $('body, body div, body td, body section').each((_, el) => {
    let score = 0;
    for (const child of el.children) {
      if (child.type === 'text') score += cleanText(child.data).length;
      else if (child.type === 'tag' && /^(p|h[1-6]|ul|ol|dl|blockquote|pre|span|font|b|strong|a)$/.test(child.name)) {
        score += cleanText($(child).text()).length;
      }
    }
    // On a tie the later, inner element wins: the cell rather than the layout table's body.
    if (!best || score >= best.score) best = { el, score };
  });
  return (best ? $(best.el) : $('body')) as cheerio.Cheerio<Element>;
}

/**
 * The heading that names the report: the one the <title> also names (old sites put their
 * name in an h1 and the report's title in an h2 or h3), else the content's h1, else any
 * h1 that is not the site's name, else the content's first h2.
 */
function titleElement($: cheerio.CheerioAPI, container: cheerio.Cheerio<Element>, pageTitle: string, siteName: string | undefined): Element | undefined {
  // A heading that is a dateline or site chrome (「活動報告」「2013年11月2日」) names no report.
  const named = (el: Element) => {
    const text = cleanText($(el).text());
    return text !== '' && readDateline(text) === undefined && chromeKindOf(text) === undefined;
  };
  const inside = container.find('h1, h2, h3').toArray().filter(named);
  const h1s = $('body h1').toArray().filter(named);
  const titled = [...inside, ...h1s].find((el) => {
    const text = cleanText($(el).text());
    return pageTitle.includes(text) && !isSiteName(text, siteName);
  });
  if (titled) return titled;
  return inside.find((el) => el.name === 'h1') ?? h1s.find((el) => !isSiteName(cleanText($(el).text()), siteName)) ?? container.children('h2').toArray().find(named);
}

function isSiteName(text: string, siteName: string | undefined): boolean {
  return text === siteName || isSiteNameLine(text);
}

/** 「第1回協議 | 山川さくら公式サイト」 → 「第1回協議」: the part that is not the site's name. */
export function titleFromTitleTag(pageTitle: string, siteName?: string): string {
  const parts = pageTitle
    .split(/\s+[|｜\-–—:：]\s+|[|｜]|\s*[«»]\s*/)
    .map(cleanText)
    .filter((p) => p !== '');
  return parts.find((p) => !isSiteName(p, siteName)) ?? parts[0] ?? '';
}

function yearsOf(texts: string[]): number | undefined {
  const url = yearFromUrlPath(texts[0]!) ?? yearFromUrlPath(texts[1]!.replace(/^[a-z]+:\/\/[^/]+/i, ''));
  if (url !== undefined) return url;
  for (const text of texts.slice(2)) {
    const withYear = findWrittenDates(text).find((d) => d.year !== undefined);
    if (withYear) return withYear.year;
  }
  return undefined;
}

interface DateLine {
  text: string;
  /** The line that is only the date (「2013年11月2日(土)」), removed from the body. */
  element: AnyNode;
}

/** A <time datetime> in the content, else a short line that is only a date, near the title. */
function findDateLine($: cheerio.CheerioAPI, container: cheerio.Cheerio<Element>, head: Element | undefined): DateLine | undefined {
  const time = container.find('time[datetime]').first();
  const machine = /^(\d{4}-\d{2}-\d{2})/.exec(time.attr('datetime') ?? '');
  if (machine) return { text: machine[1]!, element: dateLineOf($, time[0]!) };
  const scope = head && container.has(head).length === 0 ? $(head).parent().find(BLOCKS).add(container.find(BLOCKS)) : container.find(BLOCKS);
  const lines = scope.filter((_, el) => {
    const text = cleanText($(el).text());
    return text.length <= MAX_DATE_LINE && parseWrittenDate(text) !== undefined && $(el).find(BLOCKS).length === 0;
  });
  return lines.length > 0 ? { text: cleanText(lines.first().text()), element: lines[0]! } : undefined;
}

/** The activity date from, in order: the date line, the title, the content's first paragraph. */
function resolveActivityDate(
  $: cheerio.CheerioAPI,
  container: cheerio.Cheerio<Element>,
  dateLine: string | undefined,
  title: string,
  year: number | undefined,
): { date?: string; problem?: string } {
  const lead = container
    .find('p')
    .filter((_, el) => cleanText($(el).text()) !== '')
    .first();
  const leadText = cleanText(lead.length > 0 ? lead.text() : container.text()).slice(0, 200);
  for (const text of [dateLine ?? '', title, leadText]) {
    // In the lead, a date that refers to another day (「6月21日の当欄参照」) dates nothing.
    const written = text === leadText ? firstDatingDate(text) : findWrittenDates(text)[0];
    if (!written) continue;
    const date = resolveWrittenDate(written, year);
    if (date) return { date };
    return { problem: `日付「${written.match}」に年がなく、URL にもページにも年がありません` };
  }
  return { problem: 'タイトルの近くにも最初の段落にも日付が見つかりません' };
}

/**
 * Whether a short line is there only to date the page (「2013年11月2日(土)」「掲載日:H25.11.2」,
 * a dateline by domain/dateline.ts, or a block marked as the date or meta line), so that
 * leaving it out loses nothing.
 */
function isDateLine($: cheerio.CheerioAPI, el: AnyNode): boolean {
  const marked = $(el).attr('class') ?? '';
  if (/date|meta|time|posted|day/i.test(`${marked} ${$(el).attr('id') ?? ''}`)) return true;
  const text = cleanText($(el).text());
  if (!parseWrittenDate(text)) return $(el).is('time') || $(el).find('time').length > 0;
  return readDateline(text) !== undefined;
}

/** The short block holding a <time>, when it is only a date line. */
function dateLineOf($: cheerio.CheerioAPI, time: Element): AnyNode {
  const block = $(time).closest(BLOCKS);
  return block.length > 0 && cleanText(block.text()).length <= MAX_DATE_LINE ? block[0]! : time;
}

/**
 * Drops what follows the report inside the content: from the first short block that is blog
 * chrome after a report (share buttons, 前の記事/次の記事, comments, related entries) or a
 * sidebar's heading (プロフィール, 最新記事) to the content's end.
 */
function removeReportEnd($: cheerio.CheerioAPI, container: cheerio.Cheerio<Element>): void {
  const marker = container
    .find(BLOCKS)
    .filter((_, el) => {
      if ($(el).find(BLOCKS).length > 0) return false;
      const text = cleanText($(el).text());
      return chromeKindOf(text) === 'report-end' || isSidebarHeading(text);
    })
    .first();
  if (marker.length === 0 || container.find(BLOCKS).first().is(marker)) return;
  let node: Element = marker[0]!;
  while (node !== container[0] && node.parent) {
    $(node).nextAll().remove();
    node = node.parent as Element;
  }
  marker.remove();
}

/** Drops the title and the short labels before it (「活動報告」), up to the container. */
function removeWithLeadingLabels($: cheerio.CheerioAPI, head: Element, container: cheerio.Cheerio<Element>): void {
  let node: Element = head;
  while (node !== container[0] && node.parent) {
    $(node)
      .prevAll()
      .each((_, el) => {
        if (cleanText($(el).text()).length <= MAX_DATE_LINE) $(el).remove();
      });
    node = node.parent as Element;
  }
  $(head).remove();
}

/**
 * How many dated links the content lists, when they are what the content is: a report
 * that links three dated documents among its paragraphs is still a report.
 */
function datedEntries($: cheerio.CheerioAPI, container: cheerio.Cheerio<Element>): number {
  const entries = container.find('li, dt, tr, p').filter((_, el) => {
    const item = $(el);
    return item.find('a[href]').length > 0 && findWrittenDates(item.text()).length > 0 && cleanText(item.text()).length <= 120;
  });
  const entryChars = entries.toArray().reduce((sum, el) => sum + cleanText($(el).text()).length, 0);
  return entryChars * 2 >= cleanText(container.text()).length ? entries.length : 0;
}
