// Fixed pages at /<slug>/, /<parent>/<child>/ and one level deeper. Registered after every
// other public route: Fastify prefers static segments, so /activity/, /profile/ … always
// win, and a top-level page cannot take their names (domain/page-rules.ts). A path that
// names no published page is a 404 (which still follows stored redirects: web/errors.tsx).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PageNotFoundError } from '../../../domain/errors.js';
import { breadcrumbListJsonLd, webPageJsonLd } from '../../../domain/json-ld.js';
import { absoluteUrl, paths } from '../../../domain/paths.js';
import { listItemAttachments } from '../../../store/media.js';
import { listChildPages, findPublishedPageByPath } from '../../../store/pages.js';
import type { WebDeps } from '../../deps.js';
import { renderDocument } from '../../html.js';
import { HTML, sendCached } from '../../send-cached.js';
import { loadSiteContext } from '../../site-context.js';
import { FixedPage } from '../../views/fixed-page.js';

export const pageRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  const send = (request: FastifyRequest, reply: FastifyReply, slugs: string[]) => sendPage(deps, request, reply, slugs);
  app.get<{ Params: { a: string } }>('/:a/', (request, reply) => send(request, reply, [request.params.a]));
  app.get<{ Params: { a: string; b: string } }>('/:a/:b/', (request, reply) => send(request, reply, [request.params.a, request.params.b]));
  app.get<{ Params: { a: string; b: string; c: string } }>('/:a/:b/:c/', (request, reply) =>
    send(request, reply, [request.params.a, request.params.b, request.params.c]),
  );
};

async function sendPage(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, slugs: string[]): Promise<FastifyReply> {
  const path = paths.page(slugs);
  return sendCached(deps, request, reply, `page:${path}`, HTML, async () => {
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
    return renderDocument(
      <FixedPage
        site={site}
        page={page}
        ancestors={trail}
        path={path}
        children={children.map((child) => ({ ...child, path: paths.page([...slugs, child.slug]) }))}
        attachments={attachments}
        jsonLd={jsonLd}
      />,
    );
  });
}
