// The read-only JSON API of fixed pages, in the reports' envelope (render-api-reports.ts):
//   /api/v1/pages        → { total, items: [{ id, title, url, parentId, position }] } in tree order
//   /api/v1/pages/<id>   → the same fields plus summary, html, text, outline, attachments, updatedAt
import { PageNotFoundError } from '../../domain/errors.js';
import { pageTree, type TreeEntry } from '../../domain/page-tree.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import { listItemAttachments } from '../../store/media.js';
import { findPage, listPages } from '../../store/pages.js';
import type { SiteDeps } from '../site-deps.js';
import { itemDetailJson } from './item-detail-json.js';

function summaryJson(entry: TreeEntry, baseUrl: string) {
  return { id: entry.page.id, title: entry.page.title, url: absoluteUrl(baseUrl, paths.page(entry.slugs)), parentId: entry.page.parentId, position: entry.page.position };
}

/** Published pages reachable from the top (a published child of a draft is not public). */
async function publicTree(deps: SiteDeps): Promise<TreeEntry[]> {
  return pageTree(await listPages(deps.ctx.db, 'published'));
}

export const renderApiPages = {
  list: async (deps: SiteDeps): Promise<string> => {
    const tree = await publicTree(deps);
    return JSON.stringify({ total: tree.length, items: tree.map((entry) => summaryJson(entry, deps.baseUrl)) });
  },
  /** @throws PageNotFoundError unless the page is public */
  one: async (deps: SiteDeps, id: number): Promise<string> => {
    const entry = (await publicTree(deps)).find((e) => e.page.id === id);
    const page = entry && (await findPage(deps.ctx.db, id));
    if (!entry || !page) throw new PageNotFoundError(String(id));
    const attachments = await listItemAttachments(deps.ctx.db, { kind: 'page', id });
    return JSON.stringify({ ...summaryJson(entry, deps.baseUrl), ...itemDetailJson(page, attachments, deps.baseUrl), updatedAt: page.updatedAt });
  },
};
