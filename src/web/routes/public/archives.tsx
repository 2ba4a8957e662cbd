// /category/<slug>/ and /tag/<name>/ archives.
import type { FastifyPluginAsync } from 'fastify';
import { PageNotFoundError } from '../../../domain/errors.js';
import { paths } from '../../../domain/paths.js';
import { normalizeTag } from '../../../domain/report-rules.js';
import { findCategoryBySlug } from '../../../store/categories.js';
import type { WebDeps } from '../../deps.js';
import { PAGE_QUERY, pageNumber, type PageQuery } from '../../query.js';
import { sendListPage } from './list-page.js';

export const archiveRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get<{ Params: { slug: string }; Querystring: PageQuery }>(
    '/category/:slug/',
    { schema: { querystring: PAGE_QUERY } },
    async (request, reply) => {
      const category = await findCategoryBySlug(deps.ctx.db, request.params.slug);
      if (!category) throw new PageNotFoundError(request.url);
      return sendListPage(
        deps,
        request,
        reply,
        {
          key: `category:${category.slug}`,
          heading: `カテゴリー「${category.name}」の活動報告`,
          description: `カテゴリー「${category.name}」の活動報告の一覧です。`,
          crumbs: [{ label: '活動報告', path: paths.activity() }, { label: category.name }],
          filter: { categoryId: category.id },
          basePath: paths.category(category.slug),
          isEmptyAllowed: true,
        },
        pageNumber(request.query.page),
      );
    },
  );

  app.get<{ Params: { name: string }; Querystring: PageQuery }>(
    '/tag/:name/',
    { schema: { querystring: PAGE_QUERY } },
    async (request, reply) => {
      const name = normalizeTag(request.params.name);
      if (name === '') throw new PageNotFoundError(request.url);
      return sendListPage(
        deps,
        request,
        reply,
        {
          key: `tag:${name}`,
          heading: `タグ「${name}」の活動報告`,
          description: `タグ「${name}」が付いた活動報告の一覧です。`,
          crumbs: [{ label: '活動報告', path: paths.activity() }, { label: `タグ: ${name}` }],
          filter: { tag: name },
          basePath: paths.tag(name),
          isEmptyAllowed: false,
        },
        pageNumber(request.query.page),
      );
    },
  );
};
