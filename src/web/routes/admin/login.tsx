// /admin/login and /admin/logout (the second step and passkeys: login-second-factor.tsx). After a login that carried unsaved fields (the session
// had ended during a save), the "保存を続ける" page lets the user repeat the save.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { logIn } from '../../../actions/users/log-in.js';
import { logOut } from '../../../actions/users/log-out.js';
import { safeAdminPath } from '../../admin/access.js';
import { carriedFields } from '../../admin/carried-fields.js';
import { finishLogin, sendSecondStep } from '../../admin/login-steps.js';
import { formField } from '../../admin/form-body.js';
import { setPendingCookie } from '../../admin/pending-login-cookie.js';
import { retryMessage } from '../../admin/retry-message.js';
import { withNotice } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../admin/session.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import type { FieldErrors } from '../../views/admin/form.js';
import { LoginPage } from '../../views/admin/login-page.js';

const PUBLIC = { access: 'public' } as const;
const NATIVE_FAILURE_MESSAGE =
  'サーバーの不具合により、パスワードを確認できませんでした(入力の誤りではありません)。現在ログインできません。サイトの管理者に連絡してください。';

export const loginRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get<{ Querystring: { next?: string } }>('/login', { config: PUBLIC }, async (request, reply) => {
    const next = safeAdminPath(String(request.query.next ?? '')) ?? '/admin/';
    if (request.admin) return reply.redirect(next, 303);
    return sendLogin(request, reply, { errors: {}, login: '', next, carried: [] });
  });

  app.post('/login', { config: PUBLIC }, async (request, reply) => {
    const login = formField(request, 'login');
    const password = formField(request, 'password');
    const next = safeAdminPath(formField(request, 'next')) ?? '/admin/';
    const carried = carriedFields(request);
    const form = { login, next, carried };

    const errors: FieldErrors = {};
    if (login.trim() === '') errors.login = 'ログイン名を入力してください。';
    if (password === '') errors.password = 'パスワードを入力してください。';
    if (Object.keys(errors).length > 0) return sendLogin(request, reply, { ...form, errors }, 422);

    let result;
    try {
      result = await logIn(
        deps.ctx,
        { login, password, ip: request.ip, userAgent: request.headers['user-agent'] ?? '', previousToken: request.cookies[SESSION_COOKIE] },
        deps.session,
      );
    } catch (error) {
      const refused = formRefusalOf(error, ['NATIVE_MODULE_UNAVAILABLE']);
      if (!refused) throw error;
      // A broken installation (argon2 does not load) is the server's fault: said so, never
      // "wrong password", and logged once with its cause for the operator.
      request.log.error({ err: error, reqId: request.id }, 'login failed: password hashing is unavailable');
      return sendLogin(request, reply, { ...form, errors: { password: NATIVE_FAILURE_MESSAGE } }, refused.status);
    }
    if (!result.isOk && result.reason === 'throttled') {
      reply.header('Retry-After', String(Math.ceil(result.retryAfterMs / 1000)));
      return sendLogin(request, reply, { ...form, errors: { password: retryMessage(result.retryAfterMs) } }, 429);
    }
    if (!result.isOk && result.reason === 'second-factor') {
      setPendingCookie(reply, result.pendingToken);
      if (carried.length === 0) return reply.redirect(`/admin/login/second-factor?next=${encodeURIComponent(next)}`, 303);
      // Unsaved fields travel on through the second step's form (a redirect would drop them).
      return sendSecondStep(deps, request, reply, { pendingToken: result.pendingToken, next, carried });
    }
    if (!result.isOk) {
      return sendLogin(request, reply, { ...form, errors: { password: 'ログイン名またはパスワードが正しくありません。' } }, 401);
    }

    setSessionCookie(reply, result.token, deps.session);
    return finishLogin(deps, request, reply, { ...result, next, carried });
  });

  app.post('/logout', { config: PUBLIC }, async (request, reply) => {
    if (request.admin) await logOut(deps.ctx, request.admin.actor, request.admin.session.id);
    clearSessionCookie(reply);
    return reply.redirect(withNotice('/admin/login', 'logged-out'), 303);
  });

  async function sendLogin(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { errors: FieldErrors; login: string; next: string; carried: [string, string][] },
    status = 200,
  ) {
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(reply, <LoginPage page={page} {...form} passkeyScriptHref={deps.assets.adminPasskeyJs.path} />, status);
  }
};
