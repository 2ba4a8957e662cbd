// The home page and the profile page.
import type { FastifyPluginAsync } from 'fastify';
import { personJsonLd } from '../../../domain/json-ld.js';
import { absoluteUrl, paths } from '../../../domain/paths.js';
import { parseMarker } from '../../../domain/text-format/marker.js';
import { render } from '../../../domain/text-format/render.js';
import { findPage } from '../../../store/pages.js';
import { listReports } from '../../../store/reports.js';
import { loadArchiveData } from '../../archive-data.js';
import type { WebDeps } from '../../deps.js';
import { renderDocument } from '../../html.js';
import { HTML, sendCached } from '../../send-cached.js';
import { loadSiteContext } from '../../site-context.js';
import { HomePage, type HomeSection } from '../../views/home-page.js';
import type { SiteContext } from '../../views/layout.js';
import { ProfilePage } from '../../views/profile-page.js';

const LATEST_COUNT = 8;

/** The first real paragraph of the profile, without its outline number, for the home page card. */
function profileLead(profileText: string): string {
  const blocks = profileText.split(/\n\s*\n/).map((block) => {
    const [first = '', ...more] = block.split('\n');
    return [parseMarker(first)?.rest ?? first, ...more].join(' ').replace(/\s+/g, ' ').trim();
  });
  const lead = blocks.find((b) => [...b].length >= 30) ?? '';
  return [...lead].length > 160 ? `${[...lead].slice(0, 160).join('')}…` : lead;
}

/**
 * The menu's first fixed page with children (the demo's 政策) as the home page shows it: its
 * level-1 headings, each linking into the page.
 */
async function homeSection(deps: WebDeps, site: SiteContext): Promise<HomeSection | undefined> {
  const item = site.menu?.find((entry) => entry.pageId !== undefined && entry.children.length > 0);
  if (item?.pageId === undefined) return undefined;
  const page = await findPage(deps.ctx.db, item.pageId);
  if (page?.status !== 'published') return undefined;
  const headings = page.outline.filter((entry) => entry.depth === 1).map((entry) => ({ title: entry.title, url: `${item.url}#${entry.id}` }));
  return headings.length === 0 ? undefined : { title: page.title, url: item.url, headings };
}

export const homeRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get('/', (request, reply) =>
    sendCached(deps, request, reply, 'home', HTML, async () => {
      const [site, latest, archive] = await Promise.all([
        loadSiteContext(deps),
        listReports(deps.ctx.db, { status: 'published' }, { offset: 0, limit: LATEST_COUNT }),
        loadArchiveData(deps.ctx.db),
      ]);
      const section = await homeSection(deps, site);
      const person = personJsonLd(site.settings, deps.baseUrl, absoluteUrl(deps.baseUrl, paths.profile()));
      const website = { '@context': 'https://schema.org', '@type': 'WebSite', name: site.settings.legislatorName, url: `${deps.baseUrl}/` };
      return renderDocument(
        <HomePage
          site={site}
          latest={latest.items}
          section={section}
          archive={archive}
          profileLead={profileLead(render(site.settings.profileSource).text)}
          jsonLd={[website, person]}
        />,
      );
    }),
  );

  app.get('/profile/', (request, reply) =>
    sendCached(deps, request, reply, 'profile', HTML, async () => {
      const site = await loadSiteContext(deps);
      const rendered = render(site.settings.profileSource);
      const person = personJsonLd(site.settings, deps.baseUrl, absoluteUrl(deps.baseUrl, paths.profile()));
      const description = profileLead(rendered.text) || site.settings.siteDescription;
      return renderDocument(<ProfilePage site={site} profileHtml={rendered.html} jsonLd={[person]} description={description} />);
    }),
  );
};
