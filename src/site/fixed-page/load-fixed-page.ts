// Fixed pages at /<slug>/, /<parent>/<child>/ and one level deeper, with their published
// children and the breadcrumbs of their ancestors.
import { PageNotFoundError } from '../../domain/errors.js';
import { breadcrumbListJsonLd, webPageJsonLd } from '../../domain/json-ld.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import { listItemAttachments } from '../../store/media.js';
import { findPublishedPageByPath, listChildPages } from '../../store/pages.js';
import { loadSiteContext } from '../layout/load-site-context.js';
import type { SiteDeps } from '../site-deps.js';
import type { FixedPageProps } from './fixed-page.js';

/** @throws PageNotFoundError unless the slugs name a published page whose ancestors are published */
export async function loadFixedPage(deps: SiteDeps, slugs: string[]): Promise<FixedPageProps> {
  const path = paths.page(slugs);
  const found = await findPublishedPageByPath(deps.ctx.db, slugs);
  if (!found) throw new PageNotFoundError(path);
  const { page, ancestors } = found;
  const [site, children, attachments] = await Promise.all([
    loadSiteContext(deps),
    listChildPages(deps.ctx.db, page.id, 'published'),
    listItemAttachments(deps.ctx.db, { kind: 'page', id: page.id }),
  ]);
  const trail = ancestors.map((a, i) => ({ title: a.title, path: paths.page(slugs.slice(0, i + 1)) }));
  const url = absoluteUrl(deps.baseUrl, path);
  const jsonLd = [
    webPageJsonLd(page, { baseUrl: deps.baseUrl, pageUrl: url }),
    breadcrumbListJsonLd([
      { name: 'ホーム', url: absoluteUrl(deps.baseUrl, paths.home()) },
      ...trail.map((t) => ({ name: t.title, url: absoluteUrl(deps.baseUrl, t.path) })),
      { name: page.title, url },
    ]),
  ];
  return {
    site,
    page,
    ancestors: trail,
    path,
    children: children.map((child) => ({ ...child, path: paths.page([...slugs, child.slug]) })),
    attachments,
    jsonLd,
  };
}
