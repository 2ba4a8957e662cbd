// Access to admin routes, enforced by structure: every route under /admin declares
// `config: { access }` or the server refuses to start, and one preHandler hook applies it
// before any handler runs. Routes are collected in `app.adminRoutes`, so a test can try
// every route with every role (test/web/admin-access.test.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { isAllowed, ROLES, type Access } from '../../domain/user.js';
import type { WebDeps } from '../deps.js';
import { RefusalPage } from '../views/admin/refusal-page.js';
import { LoginPage, CARRY_PREFIX } from '../views/admin/login-page.js';
import { isCsrfValid } from './csrf.js';
import { formPairs, isFormRequest } from './form-body.js';
import { adminPageContext, sendAdminPage } from './page.js';

export interface AdminRouteInfo {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use an /admin route: 'public' (anyone) or the lowest role allowed. Required. */
    access?: Access;
    /** Open to a session that must enrol a second factor first (the enrolment pages, logout). */
    isEnrolment?: boolean;
  }
  interface FastifyInstance {
    /** Every /admin route with its declared access, in registration order. */
    adminRoutes: AdminRouteInfo[];
  }
}

export function isAdminUrl(url: string): boolean {
  return url === '/admin' || url.startsWith('/admin/');
}

function isAccess(value: unknown): value is Access {
  return value === 'public' || (ROLES as readonly unknown[]).includes(value);
}

/** onRoute check: records the route, or throws (and the server does not start) if it declares no access. */
export function recordAdminRoute(routes: AdminRouteInfo[], route: RouteOptions): void {
  if (!isAdminUrl(route.url)) return;
  const access = route.config?.access;
  if (!isAccess(access)) {
    throw new Error(`admin route ${String(route.method)} ${route.url} must declare config: { access: 'public' | 'writer' | 'editor' | 'owner' }`);
  }
  for (const method of [route.method].flat()) {
    if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  }
}

/** Only a path on this site's admin may be a place to return to (no open redirect). */
export function safeAdminPath(value: string): string | undefined {
  if (!isAdminUrl(value.split('?')[0]!) || value.includes('//') || value.includes('\\') || /[\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}

const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * The preHandler of every admin route. No session: GET redirects to the login page,
 * other methods get 401 with a login form that keeps the posted fields. A forged or
 * missing CSRF token on a state-changing request: 403. A user the two-factor policy makes
 * enrol first: the enrolment page (GET) or 403. A role too low: 403.
 */
export async function enforceAccess(app: FastifyInstance, deps: WebDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const access = request.routeOptions.config.access ?? 'owner';
  const isSafe = isSafeMethod(request.method);
  if (access !== 'public' && !request.admin) {
    if (isSafe) return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
    return sendLoginRequired(deps, request, reply);
  }
  if (!isSafe && !isCsrfValid(app, request)) {
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(reply, <RefusalPage page={page} kind="csrf" backHref={sameOriginReferer(request)} />, 403);
  }
  if (request.admin?.mustEnrol && access !== 'public' && !request.routeOptions.config.isEnrolment) {
    // The policy requires a second factor: nothing else until one is set up.
    if (isSafe) return reply.redirect('/admin/account/two-factor', 303);
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(reply, <RefusalPage page={page} kind="enrol" />, 403);
  }
  if (!isAllowed(request.admin?.user.role, access)) {
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(reply, <RefusalPage page={page} kind="role" />, 403);
  }
  return undefined;
}

/** A state-changing request whose session has ended: the login form, carrying the form's fields. */
async function sendLoginRequired(deps: WebDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const page = await adminPageContext(deps, request, reply);
  const path = request.url.split('?')[0]!;
  if (!isFormRequest(request) || request.method !== 'POST') {
    return sendAdminPage(reply, <RefusalPage page={page} kind="login" />, 401);
  }
  const carried = formPairs(request).filter(([name]) => name !== '_csrf' && !/password/i.test(name) && !name.startsWith(CARRY_PREFIX));
  const lead = 'ログインの有効期限が切れました。もう一度ログインしてください。入力した内容は失われていません。';
  return sendAdminPage(reply, <LoginPage page={page} errors={{}} login="" next={safeAdminPath(path) ?? '/admin/'} carried={carried} lead={lead} />, 401);
}

function sameOriginReferer(request: FastifyRequest): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    // Both through URL, so that a default port written or not compares equal.
    const own = new URL(`${request.protocol}://${request.host}`);
    return url.origin === own.origin ? safeAdminPath(url.pathname + url.search) : undefined;
  } catch {
    return undefined;
  }
}
