// schema.org descriptions of the legislator (Person) and a report (NewsArticle), and
// their safe serialisation inside <script type="application/ld+json">.
import { japanStartOfDay } from './japan-time.js';
import type { ReportSummary } from './report.js';
import type { SiteSettings } from './settings.js';
import { trustedHtml, type TrustedHtml } from './trusted-html.js';

/** JSON that cannot close its <script> element or open a comment: <, >, & and U+2028/9 escaped. */
export function jsonForScript(value: unknown): TrustedHtml {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return trustedHtml(json);
}

export function personJsonLd(settings: SiteSettings, baseUrl: string, profileUrl: string): Record<string, unknown> {
  const person: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Person',
    '@id': `${baseUrl}/#person`,
    name: settings.legislatorName,
    url: profileUrl,
  };
  if (settings.legislatorNameKana) person.alternateName = settings.legislatorNameKana;
  if (settings.chamber) person.jobTitle = settings.chamber;
  if (settings.party) person.affiliation = { '@type': 'Organization', name: settings.party };
  return person;
}

export function newsArticleJsonLd(report: ReportSummary, settings: SiteSettings, urls: { baseUrl: string; pageUrl: string }): Record<string, unknown> {
  const author = { '@type': 'Person', '@id': `${urls.baseUrl}/#person`, name: settings.legislatorName };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: report.title,
    description: report.summary || undefined,
    datePublished: report.publishedAt ?? japanStartOfDay(report.activityDate),
    dateModified: report.updatedAt,
    inLanguage: 'ja',
    mainEntityOfPage: urls.pageUrl,
    url: urls.pageUrl,
    articleSection: report.category?.name,
    keywords: report.tags.length > 0 ? report.tags.join(',') : undefined,
    author,
    publisher: author,
  };
}

/** A fixed page as a schema.org WebPage. */
export function webPageJsonLd(
  page: { title: string; summary: string; publishedAt: string | null; updatedAt: string },
  urls: { baseUrl: string; pageUrl: string },
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: page.title,
    description: page.summary || undefined,
    datePublished: page.publishedAt ?? undefined,
    dateModified: page.updatedAt,
    inLanguage: 'ja',
    url: urls.pageUrl,
    isPartOf: { '@type': 'WebSite', url: `${urls.baseUrl}/` },
  };
}

/** The trail from the home page down to this page (absolute URLs; the last item is the page itself). */
export function breadcrumbListJsonLd(crumbs: { name: string; url: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: crumb.url })),
  };
}
