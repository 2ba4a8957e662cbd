// The read-only JSON API of fixed pages, in the reports' envelope (routes/api/reports.ts):
// GET /api/v1/pages        → { total, items: [{ id, title, url, parentId, position }] } in tree order
// GET /api/v1/pages/<id>   → the same fields plus summary, html, text, outline, attachments, updatedAt
import type { FastifyPluginAsync } from 'fastify';
import { PageNotFoundError } from '../../../domain/errors.js';
import { pageTree, type TreeEntry } from '../../../domain/page-tree.js';
import { absoluteUrl, paths } from '../../../domain/paths.js';
import { listItemAttachments } from '../../../store/media.js';
import { findPage, listPages } from '../../../store/pages.js';
import type { WebDeps } from '../../deps.js';
import { sendCached } from '../../send-cached.js';
import { allowAnyOrigin, ID_PARAMS, itemDetailJson, JSON_TYPE } from './item-json.js';

function summaryJson(entry: TreeEntry, baseUrl: string) {
  return { id: entry.page.id, title: entry.page.title, url: absoluteUrl(baseUrl, paths.page(entry.slugs)), parentId: entry.page.parentId, position: entry.page.position };
}

export const apiPageRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  allowAnyOrigin(app);

  /** Published pages reachable from the top (a published child of a draft is not public). */
  const publicTree = async () => pageTree(await listPages(deps.ctx.db, 'published'));

  app.get(paths.apiPages(), (request, reply) =>
    sendCached(deps, request, reply, 'api:pages', JSON_TYPE, async () => {
      const tree = await publicTree();
      return JSON.stringify({ total: tree.length, items: tree.map((entry) => summaryJson(entry, deps.baseUrl)) });
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/pages/:id',
    ID_PARAMS,
    (request, reply) => {
      const id = Number(request.params.id);
      return sendCached(deps, request, reply, `api:page:${id}`, JSON_TYPE, async () => {
        const entry = (await publicTree()).find((e) => e.page.id === id);
        const page = entry && (await findPage(deps.ctx.db, id));
        if (!entry || !page) throw new PageNotFoundError(String(id));
        const attachments = await listItemAttachments(deps.ctx.db, { kind: 'page', id });
        return JSON.stringify({ ...summaryJson(entry, deps.baseUrl), ...itemDetailJson(page, attachments, deps.baseUrl), updatedAt: page.updatedAt });
      });
    },
  );
};
