// The login's second step (/admin/login/second-factor) and passkey sign-in
// (/admin/login/passkey/*), as the second factor or without a password. All public: the
// pending-login cookie or the passkey itself is what identifies the user here.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { readSiteSettings } from '../../../actions/site/read-site-settings.js';
import type { SecondFactorResult } from '../../../actions/users/two-factor/verify-second-factor.js';
import { verifySecondFactor } from '../../../actions/users/two-factor/verify-second-factor.js';
import { finishPasskeySignIn } from '../../../actions/users/two-factor/finish-passkey-sign-in.js';
import { relyingPartyFor } from '../../../actions/users/two-factor/relying-party.js';
import { PENDING_EXPIRED_MESSAGE, startPasskeySignIn } from '../../../actions/users/two-factor/start-passkey-sign-in.js';
import { ValidationError } from '../../../domain/errors.js';
import { siteTitle } from '../../../domain/settings.js';
import { safeAdminPath } from '../../admin/access.js';
import { carriedFields } from '../../admin/carried-fields.js';
import { formField } from '../../admin/form-body.js';
import { finishLogin, sendSecondStep } from '../../admin/login-steps.js';
import { withNotice } from '../../admin/notices.js';
import { clearSecondStepCookies, PASSKEY_CEREMONY_COOKIE, PENDING_COOKIE, setCeremonyCookie } from '../../admin/pending-login-cookie.js';
import { retryMessage } from '../../admin/retry-message.js';
import { SESSION_COOKIE, setSessionCookie } from '../../admin/session.js';
import type { WebDeps } from '../../deps.js';
import type { FieldErrors } from '../../views/admin/form.js';

const PUBLIC = { access: 'public' } as const;
const WRONG_CODE = '確認コードが正しくないか、既に使われています。新しい確認コードを入力してください。';
const PASSKEY_FAILED = 'パスキーを確認できませんでした。もう一度お試しください。';

function jsonBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return body !== null && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as Record<string, unknown>) : {};
}

export const loginSecondFactorRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  const relyingParty = async () => relyingPartyFor(deps.baseUrl, siteTitle(await readSiteSettings(deps.ctx)));

  const sendStep = (request: FastifyRequest, reply: FastifyReply, next: string, carried: [string, string][], errors: FieldErrors = {}, status = 200) =>
    sendSecondStep(deps, request, reply, { pendingToken: request.cookies[PENDING_COOKIE], next, carried, errors }, status);

  app.get<{ Querystring: { next?: string } }>('/login/second-factor', { config: PUBLIC }, async (request, reply) =>
    sendStep(request, reply, safeAdminPath(String(request.query.next ?? '')) ?? '/admin/', []),
  );

  app.post('/login/second-factor', { config: PUBLIC }, async (request, reply) => {
    const next = safeAdminPath(formField(request, 'next')) ?? '/admin/';
    const carried = carriedFields(request);
    const code = formField(request, 'code');
    if (code.trim() === '') return sendStep(request, reply, next, carried, { code: '確認コードを入力してください。' }, 422);
    const pendingToken = request.cookies[PENDING_COOKIE] ?? '';
    const result = await verifySecondFactor(
      deps.ctx,
      { pendingToken, code, ip: request.ip, userAgent: request.headers['user-agent'] ?? '', previousToken: request.cookies[SESSION_COOKIE] },
      deps.session,
    );
    if (result.isOk) {
      clearSecondStepCookies(reply);
      setSessionCookie(reply, result.token, deps.session);
      return finishLogin(deps, request, reply, { ...result, next, carried });
    }
    if (result.reason === 'expired') return reply.redirect(withNotice('/admin/login', 'login-expired'), 303);
    if (result.reason === 'throttled') {
      reply.header('Retry-After', String(Math.ceil(result.retryAfterMs / 1000)));
      return sendStep(request, reply, next, carried, { code: retryMessage(result.retryAfterMs) }, 429);
    }
    return sendStep(request, reply, next, carried, { code: WRONG_CODE }, 401);
  });

  app.post('/login/passkey/options', { config: PUBLIC }, async (request, reply) => {
    const isPasswordless = jsonBody(request).mode !== 'second-factor';
    try {
      const rp = await relyingParty();
      if (isPasswordless) {
        const { options, ceremonyToken } = await startPasskeySignIn(deps.ctx, rp, { kind: 'passwordless' });
        setCeremonyCookie(reply, ceremonyToken!);
        return reply.send(options);
      }
      const { options } = await startPasskeySignIn(deps.ctx, rp, { kind: 'second-factor', pendingToken: request.cookies[PENDING_COOKIE] ?? '' });
      return reply.send(options);
    } catch (error) {
      if (error instanceof ValidationError) return reply.code(400).send({ message: PENDING_EXPIRED_MESSAGE });
      throw error;
    }
  });

  app.post('/login/passkey', { config: PUBLIC }, async (request, reply) => {
    const body = jsonBody(request);
    const isPasswordless = body.mode !== 'second-factor';
    const token = (isPasswordless ? request.cookies[PASSKEY_CEREMONY_COOKIE] : request.cookies[PENDING_COOKIE]) ?? '';
    const result: SecondFactorResult = await finishPasskeySignIn(
      deps.ctx,
      await relyingParty(),
      { token, isPasswordless, response: body.response, ip: request.ip, userAgent: request.headers['user-agent'] ?? '', previousToken: request.cookies[SESSION_COOKIE] },
      deps.session,
    );
    if (result.isOk) {
      clearSecondStepCookies(reply);
      setSessionCookie(reply, result.token, deps.session);
      const next = safeAdminPath(typeof body.next === 'string' ? body.next : '') ?? '/admin/';
      return reply.send({ redirect: next });
    }
    if (result.reason === 'throttled') {
      reply.header('Retry-After', String(Math.ceil(result.retryAfterMs / 1000)));
      return reply.code(429).send({ message: retryMessage(result.retryAfterMs) });
    }
    return reply.code(400).send({ message: result.reason === 'expired' ? PENDING_EXPIRED_MESSAGE : PASSKEY_FAILED });
  });
};
