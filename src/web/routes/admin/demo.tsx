// /admin/demo: the owner removes the first-start demo (actions/site/remove-demo.ts) after ticking
// a confirmation; the same as `katsudo demo remove`.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { findDemoContent, removeDemoContent } from '../../../actions/site/remove-demo.js';
import { formField } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { DemoRemovePage } from '../../views/admin/demo-remove-page.js';

const OWNER = { access: 'owner' } as const;
const CONFIRM_MESSAGE = '削除してよければ、確認のチェックを入れてください。';

export const demoRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  async function sendPage(request: FastifyRequest, reply: FastifyReply, errors: Record<string, string>, status: number) {
    const [page, content] = await Promise.all([adminPageContext(deps, request, reply), findDemoContent(deps.ctx)]);
    return sendAdminPage(
      reply,
      <DemoRemovePage
        page={page}
        reports={content.reports}
        pages={content.pages}
        fileCount={content.mediaIds.length}
        hasDemoSettings={content.hasDemoSettings}
        errors={errors}
      />,
      status,
    );
  }

  app.get('/demo', { config: OWNER }, async (request, reply) => sendPage(request, reply, {}, 200));

  app.post('/demo', { config: OWNER }, async (request, reply) => {
    if (formField(request, 'confirm') !== 'yes') return sendPage(request, reply, { confirm: CONFIRM_MESSAGE }, 422);
    await removeDemoContent(deps.ctx, request.admin!.actor);
    return reply.redirect(withNotice('/admin/', 'demo-removed'), 303);
  });
};
