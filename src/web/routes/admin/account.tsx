// /admin/account: one's own sessions, password and (linked) second factors. Any logged-in user.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { changeOwnPassword } from '../../../actions/users/change-password.js';
import { revokeOtherSessions, revokeSession } from '../../../actions/users/revoke-sessions.js';
import { twoFactorStatus } from '../../../actions/users/two-factor/two-factor-status.js';
import { listOwnSessions } from '../../../actions/users/list-own-sessions.js';
import { formField } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import { AccountPage } from '../../views/admin/account-page.js';
import type { FieldErrors } from '../../views/admin/form.js';

const ANY_USER = { access: 'writer' } as const;
/** The account page stays open to a user the two-factor policy holds to enrolment: it links there. */
const ANY_USER_ENROLLING = { access: 'writer', isEnrolment: true } as const;

export const accountRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  async function sendAccount(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, status = 200) {
    const admin = request.admin!;
    const sessions = await listOwnSessions(deps.ctx, admin.user.id);
    const page = await adminPageContext(deps, request, reply);
    const views = sessions.map((s) => ({ ...s, isCurrent: s.id === admin.session.id }));
    const state = await twoFactorStatus(deps.ctx.db, admin.user);
    const twoFactor = { hasTotp: state.hasTotp, passkeyCount: state.passkeys.length, recoveryCodesLeft: state.recoveryCodesLeft, mustEnrol: state.mustEnrol };
    return sendAdminPage(reply, <AccountPage page={page} sessions={views} errors={errors} twoFactor={twoFactor} />, status);
  }

  app.get('/account', { config: ANY_USER_ENROLLING }, async (request, reply) => sendAccount(request, reply));

  app.post('/account/password', { config: ANY_USER }, async (request, reply) => {
    const admin = request.admin!;
    try {
      await changeOwnPassword(
        deps.ctx,
        admin.actor,
        {
          currentPassword: formField(request, 'currentPassword'),
          newPassword: formField(request, 'newPassword'),
          passwordConfirmation: formField(request, 'passwordConfirmation'),
        },
        admin.session.id,
      );
    } catch (error) {
      const refused = formRefusalOf(error);
      if (!refused) throw error;
      return sendAccount(request, reply, refused.fields, refused.status);
    }
    return reply.redirect(withNotice('/admin/account', 'password-changed'), 303);
  });

  app.post('/account/sessions/revoke-others', { config: ANY_USER }, async (request, reply) => {
    const admin = request.admin!;
    await revokeOtherSessions(deps.ctx, admin.actor, admin.session.id);
    return reply.redirect(withNotice('/admin/account', 'sessions-revoked'), 303);
  });

  app.post<{ Params: { id: string } }>('/account/sessions/:id/revoke', { config: ANY_USER }, async (request, reply) => {
    const admin = request.admin!;
    const id = /^[1-9][0-9]{0,15}$/.test(request.params.id) ? Number(request.params.id) : 0;
    // Someone else's or an already ended session: nothing to do, same answer.
    if (id !== 0) await revokeSession(deps.ctx, admin.actor, id);
    const target = id === admin.session.id ? '/admin/login' : '/admin/account';
    return reply.redirect(withNotice(target, 'session-revoked'), 303);
  });
};
