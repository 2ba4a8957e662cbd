// Every public HTML page as a function from plain parameters to the document the server
// sends: each one runs the page's loader and renders its view. The Fastify routes
// (web/routes/public/) and renderPublicPath call these same functions, so the server and
// the static export send the same bytes.
import type { FieldMessages } from '../domain/errors.js';
import type { SearchParams } from '../domain/paths.js';
import { ErrorPage } from './error/error-page.js';
import { FixedPage } from './fixed-page/fixed-page.js';
import { loadFixedPage } from './fixed-page/load-fixed-page.js';
import { HomePage } from './home/home-page.js';
import { loadHomePage } from './home/load-home-page.js';
import { loadSiteContext } from './layout/load-site-context.js';
import { loadPeoplePage } from './people/load-people-page.js';
import { loadPersonPage } from './people/load-person-page.js';
import { PeoplePage } from './people/people-page.js';
import { PersonPage } from './people/person-page.js';
import { loadProfilePage } from './profile/load-profile-page.js';
import { ProfilePage } from './profile/profile-page.js';
import { renderDocument } from './render-document.js';
import { loadReportPage } from './report/load-report-page.js';
import { ReportPage } from './report/report-page.js';
import { loadReportListPage } from './report-list/load-report-list-page.js';
import { ReportListPage } from './report-list/report-list-page.js';
import type { ReportListSpec } from './report-list/report-list-spec.js';
import { loadSearchPage, loadSearchRefusal } from './search/load-search-page.js';
import { SearchPage, type SearchPageProps } from './search/search-page.js';
import type { SiteDeps } from './site-deps.js';

export const HTML = 'text/html; charset=utf-8';

export const sitePages = {
  home: async (deps: SiteDeps) => renderDocument(<HomePage {...await loadHomePage(deps)} />),
  profile: async (deps: SiteDeps) => renderDocument(<ProfilePage {...await loadProfilePage(deps)} />),
  report: async (deps: SiteDeps, slug: string) => renderDocument(<ReportPage {...await loadReportPage(deps, slug)} />),
  reportList: async (deps: SiteDeps, spec: ReportListSpec, page: number) => renderDocument(<ReportListPage {...await loadReportListPage(deps, spec, page)} />),
  people: async (deps: SiteDeps, page: number) => renderDocument(<PeoplePage {...await loadPeoplePage(deps, page)} />),
  person: async (deps: SiteDeps, name: string, page: number) => renderDocument(<PersonPage {...await loadPersonPage(deps, name, page)} />),
  fixedPage: async (deps: SiteDeps, slugs: string[]) => renderDocument(<FixedPage {...await loadFixedPage(deps, slugs)} />),
  search: async (deps: SiteDeps, params: SearchParams, page: number, options: Pick<SearchPageProps, 'isStaticSearch' | 'staticIndexHead'> = {}) =>
    renderDocument(<SearchPage {...await loadSearchPage(deps, params, page)} {...options} />),
  searchRefusal: async (deps: SiteDeps, params: SearchParams, errors: FieldMessages) => renderDocument(<SearchPage {...await loadSearchRefusal(deps, params, errors)} />),
  /** The Japanese page of an error status (404, 429, 500 …); the site's name and menu are on it. */
  error: async (deps: SiteDeps, status: number) => renderDocument(<ErrorPage site={await loadSiteContext(deps)} status={status} />),
};
