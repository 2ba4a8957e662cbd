// /profile/: the legislator's profile text and contact details from the settings.
import { personJsonLd } from '../../domain/json-ld.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import { render } from '../../domain/text-format/render.js';
import { loadSiteContext } from '../layout/load-site-context.js';
import type { SiteDeps } from '../site-deps.js';
import type { ProfilePageProps } from './profile-page.js';
import { profileLead } from './profile-lead.js';

export async function loadProfilePage(deps: SiteDeps): Promise<ProfilePageProps> {
  const site = await loadSiteContext(deps);
  const rendered = render(site.settings.profileSource);
  const person = personJsonLd(site.settings, deps.baseUrl, absoluteUrl(deps.baseUrl, paths.profile()));
  const description = profileLead(rendered.text) || site.settings.siteDescription;
  return { site, profileHtml: rendered.html, jsonLd: [person], description };
}
