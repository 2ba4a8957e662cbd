// Building and sending admin pages: the context every page needs (site name, stylesheets,
// the user, a CSRF token, the notice of the last action) and the reply for it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { siteTitle } from '../../domain/settings.js';
import type { User } from '../../domain/user.js';
import { readSiteSettings } from '../../actions/site/read-site-settings.js';
import type { WebDeps } from '../deps.js';
import { renderDocument } from '../../site/render-document.js';
import type { AdminPageContext } from '../views/admin/layout.js';
import { csrfToken } from './csrf.js';
import { newSubmissionKey } from './submission-key.js';
import { noticeText } from './notices.js';

export interface PageContextOverrides {
  /** A user who has just logged in (the request itself came without a session). */
  user?: User;
  tokenHash?: string;
}

export async function adminPageContext(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, overrides: PageContextOverrides = {}): Promise<AdminPageContext> {
  const settings = await readSiteSettings(deps.ctx);
  const user = overrides.user ?? request.admin?.user;
  const query = request.query as Record<string, unknown> | undefined;
  return {
    siteName: siteTitle(settings),
    cssHrefs: [deps.assets.css.path, deps.assets.adminCss.path],
    iconHref: deps.assets.icon.path,
    formsScriptHref: deps.assets.adminFormsJs.path,
    formKey: newSubmissionKey(),
    user: user && { login: user.login, displayName: user.displayName, role: user.role },
    csrfToken: csrfToken(request, reply, overrides.tokenHash),
    notice: noticeText(query?.notice),
    path: request.url.split('?')[0]!,
  };
}

export function sendAdminPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
}
