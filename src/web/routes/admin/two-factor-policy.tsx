// /admin/users/two-factor (owner): who must sign in with two factors.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { setTwoFactorPolicy } from '../../../actions/users/two-factor/set-two-factor-policy.js';
import { readTwoFactorPolicy } from '../../../actions/users/two-factor/read-two-factor-policy.js';
import { formField } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import type { FieldErrors } from '../../views/admin/form.js';
import { TwoFactorPolicyPage } from '../../views/admin/two-factor-policy-page.js';

const OWNER = { access: 'owner' } as const;

export const twoFactorPolicyRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  async function sendPolicy(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, status = 200) {
    const [policy, page] = await Promise.all([readTwoFactorPolicy(deps.ctx), adminPageContext(deps, request, reply)]);
    return sendAdminPage(reply, <TwoFactorPolicyPage page={page} policy={policy} errors={errors} />, status);
  }

  app.get('/users/two-factor', { config: OWNER }, async (request, reply) => sendPolicy(request, reply));

  app.post('/users/two-factor', { config: OWNER }, async (request, reply) => {
    let isChanged: boolean;
    try {
      isChanged = await setTwoFactorPolicy(deps.ctx, request.admin!.actor, formField(request, 'policy'));
    } catch (error) {
      const refused = formRefusalOf(error);
      if (!refused) throw error;
      return sendPolicy(request, reply, refused.fields, refused.status);
    }
    return reply.redirect(withNotice('/admin/users/two-factor', isChanged ? 'two-factor-policy-saved' : 'settings-unchanged'), 303);
  });
};
