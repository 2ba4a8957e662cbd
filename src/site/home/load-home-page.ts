// The home page (/): the latest reports, the profile card, the menu's main fixed page and the archive.
import { japanDayOf } from '../../domain/japan-time.js';
import { personJsonLd } from '../../domain/json-ld.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import { render } from '../../domain/text-format/render.js';
import { findPage } from '../../store/pages.js';
import { loadArchiveData } from '../components/load-archive-data.js';
import { loadSummaries } from '../components/load-summaries.js';
import { loadYearActivity } from '../components/load-year-activity.js';
import type { SiteContext } from '../layout/layout.js';
import { loadSiteContext } from '../layout/load-site-context.js';
import { profileLead } from '../profile/profile-lead.js';
import { loadUpcoming } from '../events/load-upcoming.js';
import { loadListOrder } from '../report-list/load-list-order.js';
import type { SiteDeps } from '../site-deps.js';
import type { HomePageProps, HomeSection } from './home-page.js';

const LATEST_COUNT = 8;
const UPCOMING_COUNT = 5;

export async function loadHomePage(deps: SiteDeps): Promise<HomePageProps> {
  const thisYear = Number(japanDayOf(deps.ctx.now()).slice(0, 4));
  const [site, latest, archive, yearActivity, upcoming] = await Promise.all([
    loadSiteContext(deps),
    // The main list's first reports, from what /activity/ and the report pages keep per version.
    loadListOrder(deps.ctx.db, {}).then((order) => loadSummaries(deps.ctx.db, order.slice(0, LATEST_COUNT), deps.summariesKept)),
    loadArchiveData(deps.ctx.db),
    loadYearActivity(deps.ctx.db, thisYear),
    loadUpcoming(deps, UPCOMING_COUNT),
  ]);
  const section = await homeSection(deps, site);
  const person = personJsonLd(site.settings, deps.baseUrl, absoluteUrl(deps.baseUrl, paths.profile()));
  const website = { '@context': 'https://schema.org', '@type': 'WebSite', name: site.settings.legislatorName, url: `${deps.baseUrl}/` };
  return {
    site,
    latest,
    section,
    archive,
    profileLead: profileLead(render(site.settings.profileSource).text),
    jsonLd: [website, person],
    thisYear: yearActivity,
    upcoming: upcoming.map(({ title, slug, record }) => {
      const first = record.spans[0];
      const last = record.spans.at(-1);
      const time = first === undefined ? null : last?.end ? `${first.start}〜${last.end}` : first.start;
      return { title, path: paths.report(slug), kind: record.kind, date: record.date!, time, place: record.place };
    }),
  };
}

/**
 * The menu's first fixed page with children (the demo's 政策) as the home page shows it: its
 * level-1 headings, each linking into the page.
 */
async function homeSection(deps: SiteDeps, site: SiteContext): Promise<HomeSection | undefined> {
  const item = site.menu?.find((entry) => entry.pageId !== undefined && entry.children.length > 0);
  if (item?.pageId === undefined) return undefined;
  const page = await findPage(deps.ctx.db, item.pageId);
  if (page?.status !== 'published') return undefined;
  const headings = page.outline.filter((entry) => entry.depth === 1).map((entry) => ({ title: entry.title, url: `${item.url}#${entry.id}` }));
  return headings.length === 0 ? undefined : { title: page.title, url: item.url, headings };
}
