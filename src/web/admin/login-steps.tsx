// The pages after a right password, shared by /admin/login and its second step: the second
// step's form (with any unsaved fields carried along), and the end of a login — the next
// page, or the "保存を続ける" page when a save was waiting for it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findPendingLogin } from '../../actions/users/two-factor/find-pending-login.js';
import { hashSessionToken } from '../../actions/users/session-token.js';
import type { User } from '../../domain/user.js';
import type { WebDeps } from '../deps.js';
import type { FieldErrors } from '../views/admin/form.js';
import { ResumePage } from '../views/admin/login-page.js';
import { SecondFactorPage } from '../views/admin/second-factor-page.js';
import { withNotice } from './notices.js';
import { adminPageContext, sendAdminPage } from './page.js';

export interface SecondStepForm {
  pendingToken: string | undefined;
  next: string;
  carried: [string, string][];
  errors?: FieldErrors;
}

/** The second step's page, or back to the password when the pending login has ended. */
export async function sendSecondStep(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, form: SecondStepForm, status = 200): Promise<FastifyReply> {
  const pending = await findPendingLogin(deps.ctx, form.pendingToken);
  if (!pending) return reply.redirect(withNotice('/admin/login', 'login-expired'), 303);
  const page = await adminPageContext(deps, request, reply);
  const view = (
    <SecondFactorPage
      page={page}
      errors={form.errors ?? {}}
      next={form.next}
      carried={form.carried}
      hasTotp={pending.hasTotp}
      hasPasskeys={pending.hasPasskeys}
      scriptHref={deps.assets.adminPasskeyJs.path}
    />
  );
  return sendAdminPage(reply, view, status);
}

/** After the session cookie is set: the next page, or the carried save to repeat. */
export async function finishLogin(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  login: { token: string; user: User; next: string; carried: [string, string][] },
): Promise<FastifyReply> {
  if (login.carried.length === 0 || login.next === '/admin/') return reply.redirect(login.next, 303);
  const page = await adminPageContext(deps, request, reply, { user: login.user, tokenHash: hashSessionToken(login.token) });
  return sendAdminPage(reply, <ResumePage page={page} action={login.next.split('?')[0]!} fields={login.carried} />);
}
