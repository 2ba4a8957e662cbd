// /admin/users (owner): list, add, disable and enable users, change roles.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { addUser } from '../../../actions/users/add-user.js';
import { changeRole } from '../../../actions/users/change-role.js';
import { setUserDisabled } from '../../../actions/users/set-user-disabled.js';
import { UserNotFoundError } from '../../../domain/errors.js';
import { listUsers } from '../../../actions/users/list-users.js';
import { listUsersWithSecondFactor } from '../../../actions/users/two-factor/list-users-with-second-factor.js';
import { formField } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import type { FieldErrors } from '../../views/admin/form.js';
import { UsersPage, type NewUserForm } from '../../views/admin/users-page.js';

const OWNER = { access: 'owner' } as const;
const EMPTY_FORM: NewUserForm = { login: '', displayName: '', role: '' };

function userId(text: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) throw new UserNotFoundError(text);
  return Number(text);
}

export const userRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  async function sendUsers(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, form = EMPTY_FORM, status = 200) {
    const [users, secondFactorUserIds, page] = await Promise.all([listUsers(deps.ctx), listUsersWithSecondFactor(deps.ctx), adminPageContext(deps, request, reply)]);
    return sendAdminPage(reply, <UsersPage page={page} users={users} errors={errors} form={form} secondFactorUserIds={secondFactorUserIds} />, status);
  }

  /** A refused act on one user: its messages above the list (the user rows have no fields of their own). */
  function sendUserRefusal(request: FastifyRequest, reply: FastifyReply, error: unknown) {
    const refused = formRefusalOf(error);
    if (!refused) throw error;
    return sendUsers(request, reply, { user: Object.values(refused.fields).join(' ') }, EMPTY_FORM, refused.status);
  }

  app.get('/users', { config: OWNER }, async (request, reply) => sendUsers(request, reply));

  app.post('/users', { config: OWNER }, async (request, reply) => {
    const form = { login: formField(request, 'login'), displayName: formField(request, 'displayName'), role: formField(request, 'role') };
    try {
      await addUser(
        deps.ctx,
        { ...form, password: formField(request, 'password'), passwordConfirmation: formField(request, 'passwordConfirmation') },
        request.admin!.actor,
      );
    } catch (error) {
      const refused = formRefusalOf(error);
      if (!refused) throw error;
      return sendUsers(request, reply, refused.fields, form, refused.status);
    }
    return reply.redirect(withNotice('/admin/users', 'user-added'), 303);
  });

  for (const [verb, isDisabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/users/:id/${verb}`, { config: OWNER }, async (request, reply) => {
      try {
        await setUserDisabled(deps.ctx, { id: userId(request.params.id) }, isDisabled, request.admin!.actor);
      } catch (error) {
        return sendUserRefusal(request, reply, error);
      }
      return reply.redirect(withNotice('/admin/users', isDisabled ? 'user-disabled' : 'user-enabled'), 303);
    });
  }

  app.post<{ Params: { id: string } }>('/users/:id/role', { config: OWNER }, async (request, reply) => {
    try {
      await changeRole(deps.ctx, request.admin!.actor, userId(request.params.id), formField(request, 'role'));
    } catch (error) {
      return sendUserRefusal(request, reply, error);
    }
    return reply.redirect(withNotice('/admin/users', 'role-changed'), 303);
  });
};
