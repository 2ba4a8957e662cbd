// /admin/account/two-factor and /admin/account/passkeys: one's own second factors. Any
// logged-in user; open to a session the policy holds to enrolment (isEnrolment).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { readSiteSettings } from '../../../actions/site/read-site-settings.js';
import { confirmTotpEnrolment } from '../../../actions/users/two-factor/confirm-totp-enrolment.js';
import { finishPasskeyRegistration } from '../../../actions/users/two-factor/finish-passkey-registration.js';
import { regenerateRecoveryCodes } from '../../../actions/users/two-factor/regenerate-recovery-codes.js';
import { relyingPartyFor } from '../../../actions/users/two-factor/relying-party.js';
import { removePasskey } from '../../../actions/users/two-factor/remove-passkey.js';
import { removeTotp } from '../../../actions/users/two-factor/remove-totp.js';
import { renamePasskey } from '../../../actions/users/two-factor/rename-passkey.js';
import { startPasskeyRegistration } from '../../../actions/users/two-factor/start-passkey-registration.js';
import { startTotpEnrolment } from '../../../actions/users/two-factor/start-totp-enrolment.js';
import { twoFactorStatus } from '../../../actions/users/two-factor/two-factor-status.js';
import { ValidationError } from '../../../domain/errors.js';
import { siteTitle } from '../../../domain/settings.js';
import { formField } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import { qrCodeSvg } from '../../qr-code-svg.js';
import type { FieldErrors } from '../../views/admin/form.js';
import { RecoveryCodesPage } from '../../views/admin/recovery-codes-page.js';
import { TotpEnrolmentPage } from '../../views/admin/totp-enrolment-page.js';
import { TwoFactorPage } from '../../views/admin/two-factor-page.js';

const ENROLMENT = { access: 'writer', isEnrolment: true } as const;

function recordId(text: string): number {
  return /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : 0;
}

function jsonBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return body !== null && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as Record<string, unknown>) : {};
}

export const twoFactorRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  const siteName = async () => siteTitle(await readSiteSettings(deps.ctx));

  async function sendStatus(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, status = 200) {
    const admin = request.admin!;
    const [state, page] = await Promise.all([twoFactorStatus(deps.ctx.db, admin.user), adminPageContext(deps, request, reply)]);
    const view = <TwoFactorPage page={page} {...state} errors={errors} scriptHref={deps.assets.adminPasskeyJs.path} />;
    return sendAdminPage(reply, view, status);
  }

  async function sendEnrolment(request: FastifyRequest, reply: FastifyReply, options: { isResume: boolean }, errors: FieldErrors = {}, status = 200) {
    const { secret, uri } = await startTotpEnrolment(deps.ctx, request.admin!.actor, await siteName(), options);
    const qrSvg = await qrCodeSvg(uri);
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(reply, <TotpEnrolmentPage page={page} qrSvg={qrSvg} secret={secret} errors={errors} />, status);
  }

  async function sendCodes(request: FastifyRequest, reply: FastifyReply, codes: string[], lead: string) {
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(reply, <RecoveryCodesPage page={page} codes={codes} lead={lead} />);
  }

  /** Runs `act`; a ValidationError re-renders the status page with its messages (422). */
  async function orStatusPage(request: FastifyRequest, reply: FastifyReply, act: () => Promise<FastifyReply>) {
    try {
      return await act();
    } catch (error) {
      const refused = formRefusalOf(error);
      if (!refused) throw error;
      return sendStatus(request, reply, refused.fields, refused.status);
    }
  }

  app.get('/account/two-factor', { config: ENROLMENT }, async (request, reply) => sendStatus(request, reply));

  app.post('/account/two-factor/totp', { config: ENROLMENT }, async (request, reply) =>
    orStatusPage(request, reply, () => sendEnrolment(request, reply, { isResume: false })),
  );

  app.get('/account/two-factor/totp', { config: ENROLMENT }, async (request, reply) => {
    const state = await twoFactorStatus(deps.ctx.db, request.admin!.user);
    if (!state.isTotpPending) return reply.redirect('/admin/account/two-factor', 303);
    return sendEnrolment(request, reply, { isResume: true });
  });

  app.post('/account/two-factor/totp/confirm', { config: ENROLMENT }, async (request, reply) => {
    let recoveryCodes: string[];
    try {
      const admin = request.admin!;
      ({ recoveryCodes } = await confirmTotpEnrolment(deps.ctx, admin.actor, { code: formField(request, 'code'), keepSessionId: admin.session.id }));
    } catch (error) {
      const refused = formRefusalOf(error);
      if (!refused) throw error;
      const state = await twoFactorStatus(deps.ctx.db, request.admin!.user);
      if (!state.isTotpPending) return sendStatus(request, reply, refused.fields, refused.status);
      return sendEnrolment(request, reply, { isResume: true }, refused.fields, refused.status);
    }
    if (recoveryCodes.length === 0) return reply.redirect(withNotice('/admin/account/two-factor', 'totp-enabled'), 303);
    return sendCodes(
      request,
      reply,
      recoveryCodes,
      '認証アプリを設定しました。次回のログインから、パスワードの後に確認コードを入力します(この端末以外のログインは終了しました)。',
    );
  });

  app.post('/account/two-factor/totp/remove', { config: ENROLMENT }, async (request, reply) =>
    orStatusPage(request, reply, async () => {
      try {
        await removeTotp(deps.ctx, request.admin!.actor, { proof: formField(request, 'totpProof') });
      } catch (error) {
        if (error instanceof ValidationError) throw new ValidationError(error.message, { totpProof: Object.values(error.fields)[0] ?? '' });
        throw error;
      }
      return reply.redirect(withNotice('/admin/account/two-factor', 'totp-removed'), 303);
    }),
  );

  app.post('/account/two-factor/recovery-codes', { config: ENROLMENT }, async (request, reply) =>
    orStatusPage(request, reply, async () => {
      let codes: string[];
      try {
        codes = await regenerateRecoveryCodes(deps.ctx, request.admin!.actor, { proof: formField(request, 'recoveryProof') });
      } catch (error) {
        if (error instanceof ValidationError) throw new ValidationError(error.message, { recoveryProof: Object.values(error.fields)[0] ?? '' });
        throw error;
      }
      return sendCodes(request, reply, codes, '回復コードを作り直しました。これまでの回復コードは使えなくなりました。');
    }),
  );

  app.post('/account/passkeys/options', { config: ENROLMENT }, async (request, reply) => {
    const admin = request.admin!;
    const rp = relyingPartyFor(deps.baseUrl, await siteName());
    return reply.send(await startPasskeyRegistration(deps.ctx, admin.actor, admin.tokenHash, rp, admin.user.displayName));
  });

  app.post('/account/passkeys', { config: ENROLMENT }, async (request, reply) => {
    const admin = request.admin!;
    const body = jsonBody(request);
    const rp = relyingPartyFor(deps.baseUrl, await siteName());
    try {
      const name = typeof body.name === 'string' ? body.name : '';
      await finishPasskeyRegistration(deps.ctx, admin.actor, admin.tokenHash, rp, { response: body.response, name, keepSessionId: admin.session.id });
    } catch (error) {
      const refused = formRefusalOf(error);
      if (!refused) throw error;
      return reply.code(refused.status).send({ message: Object.values(refused.fields)[0] ?? refused.message });
    }
    return reply.send({ redirect: withNotice('/admin/account/two-factor', 'passkey-added') });
  });

  app.post<{ Params: { id: string } }>('/account/passkeys/:id/rename', { config: ENROLMENT }, async (request, reply) =>
    orStatusPage(request, reply, async () => {
      await renamePasskey(deps.ctx, request.admin!.actor, { id: recordId(request.params.id), name: formField(request, 'name') });
      return reply.redirect(withNotice('/admin/account/two-factor', 'passkey-renamed'), 303);
    }),
  );

  app.post<{ Params: { id: string } }>('/account/passkeys/:id/remove', { config: ENROLMENT }, async (request, reply) =>
    orStatusPage(request, reply, async () => {
      try {
        await removePasskey(deps.ctx, request.admin!.actor, { id: recordId(request.params.id), proof: formField(request, 'passkeyProof') });
      } catch (error) {
        if (error instanceof ValidationError) throw new ValidationError(error.message, { passkeyProof: Object.values(error.fields)[0] ?? '' });
        throw error;
      }
      return reply.redirect(withNotice('/admin/account/two-factor', 'passkey-removed'), 303);
    }),
  );
};
