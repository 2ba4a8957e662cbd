// The one place where errors become HTTP responses: the code → status table, the error
// handler and the not-found handler (which also follows stored redirects). Browsers get
// a Japanese page, /api gets JSON. A 500 is logged once with the request id and shows
// no detail.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, diskFullFrom, UnavailableError, ValidationError, type ErrorCode, type FieldMessages } from '../domain/errors.js';
import { EMPTY_SETTINGS } from '../domain/settings.js';
import { readContentVersion } from '../actions/site/read-content-version.js';
import type { WebDeps } from './deps.js';
import { findLegacyQueryRedirect, findStoredRedirect, hasLegacyQuery, slashlessRedirect } from '../site/public-redirects.js';
import { renderDocument } from '../site/render-document.js';
import { pickEncoding, type CachedPage } from './page-cache.js';
import { ErrorPage, errorTexts } from '../site/error/error-page.js';
import { HTML, sitePages } from '../site/site-pages.js';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  REPORT_NOT_FOUND: 404,
  MEDIA_NOT_FOUND: 404,
  PAGE_NOT_FOUND: 404,
  VALIDATION_FAILED: 422,
  SLUG_TAKEN: 409,
  FORBIDDEN: 403,
  REVISION_NOT_FOUND: 404,
  REPORT_STATE_CONFLICT: 409,
  EDIT_CONFLICT: 409,
  MEDIA_IN_USE: 409,
  USER_NOT_FOUND: 404,
  SERVER_BUSY: 503,
  WORK_TIMEOUT: 503,
  NATIVE_MODULE_UNAVAILABLE: 503,
  // Backups are made and restored by the CLI and the server's schedule, never over HTTP.
  BACKUP_INVALID: 500,
  RESTORE_REFUSED: 500,
  // 507 Insufficient Storage: the admin's page says the disk is full, not "try later".
  DISK_FULL: 507,
  // The database server went away or refused the login: the page may work again later.
  DATABASE_UNAVAILABLE: 503,
  BUILD_IN_PROGRESS: 409,
  // katsudo copy-db runs from the CLI only.
  COPY_REFUSED: 500,
  COPY_MISMATCH: 500,
};

/** An action's refusal that a form answers by showing itself again, instead of the error page. */
export interface FormRefusal {
  /** From STATUS_BY_CODE, as the error page would answer. */
  status: number;
  code: ErrorCode;
  message: string;
  /** A ValidationError's messages by field; {} for the other refusals. */
  fields: FieldMessages;
  /** What the error carries besides its message (an EditConflictError's conflict, MediaInUseError's users). */
  details: unknown;
  /** A busy or stopped work pool: when to come back (the caller sends it as Retry-After). */
  retryAfterSeconds?: number;
}

/** The work pool's refusals (a full queue, a task stopped): a form keeps what was typed and says to try again. */
export const UNAVAILABLE_CODES: readonly ErrorCode[] = ['SERVER_BUSY', 'WORK_TIMEOUT'];

/**
 * The refusal to show on the form when `error` has one of `codes` (by default a
 * ValidationError's); undefined for any other error, which the caller throws on to the
 * error handler. A driver's disk-full error counts as DISK_FULL. The status always comes
 * from the one table above.
 */
export function formRefusalOf(error: unknown, codes: readonly ErrorCode[] = ['VALIDATION_FAILED']): FormRefusal | undefined {
  const known = diskFullFrom(error) ?? error;
  if (!(known instanceof AppError) || !codes.includes(known.code as ErrorCode)) return undefined;
  return {
    status: statusOf(known),
    code: known.code as ErrorCode,
    message: known.message,
    fields: known instanceof ValidationError ? known.fields : {},
    details: known.details,
    ...(known instanceof UnavailableError ? { retryAfterSeconds: known.retryAfterSeconds } : {}),
  };
}

function statusOf(error: unknown): number {
  if (diskFullFrom(error)) return STATUS_BY_CODE.DISK_FULL;
  if (error instanceof AppError) return STATUS_BY_CODE[error.code as ErrorCode] ?? 500;
  const status = (error as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 600) return status;
  return 500;
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

export async function sendError(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, status: number): Promise<FastifyReply> {
  reply.code(status).header('Cache-Control', 'no-store');
  // Headers like Content-Encoding or ETag set before the failure must not describe the error page.
  reply.removeHeader('Content-Encoding').removeHeader('ETag').removeHeader('Content-Disposition');
  if (isApi(request)) {
    return reply.type('application/json; charset=utf-8').send({ error: { status, message: errorTexts(status).title } });
  }
  reply.type(HTML);
  let page: CachedPage;
  try {
    page = await cachedErrorPage(deps, status);
  } catch {
    const site = { settings: EMPTY_SETTINGS, baseUrl: deps.baseUrl, cssHref: deps.assets.css.path, iconHref: deps.assets.icon.path };
    return reply.send(renderDocument(<ErrorPage site={site} status={status} />));
  }
  // Sent already compressed, like cached pages: a flood of 429s or 404s costs no compression.
  const encoding = page.body.byteLength >= 1024 ? pickEncoding(request.headers['accept-encoding']) : undefined;
  if (encoding === undefined) return reply.send(page.body);
  return reply.header('Content-Encoding', encoding).header('Vary', 'Accept-Encoding').send(deps.cache.encoded(page, encoding));
}

/**
 * The Japanese page of an error status, rendered once per content version (the site's name
 * is on it): refusing a flood of requests (429, 503, 404) must cost far less than serving one.
 */
async function cachedErrorPage(deps: WebDeps, status: number): Promise<CachedPage> {
  const version = await readContentVersion(deps.ctx);
  const key = `error:${status}`;
  const cached = deps.cache.get(key, version);
  if (cached) return cached;
  return deps.cache.set(key, version, Buffer.from(await sitePages.error(deps, status)), HTML);
}

/** Redirects (site/public-redirects.ts) answer only reads. */
function isRead(request: FastifyRequest): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

/** Where a stored redirect sends a GET or HEAD for this path, if anywhere. */
async function redirectTarget(deps: WebDeps, request: FastifyRequest): Promise<string | undefined> {
  return isRead(request) ? findStoredRedirect(deps, request.url) : undefined;
}

export function installErrorHandlers(app: FastifyInstance, deps: WebDeps): void {
  // /?p=12 is the home page's path: such old addresses (imports, docs/import-wxr.md) are
  // answered before routing, and only when a redirect for them is stored.
  // A callback hook: the common request (no query) costs no promise.
  app.addHook('onRequest', (request, reply, done) => {
    if (!hasLegacyQuery(request.url) || !isRead(request)) return done();
    findLegacyQueryRedirect(deps, request.url).then(
      (target) => (target ? void reply.redirect(target, 301) : done()),
      (error: Error) => done(error),
    );
  });
  app.setErrorHandler(async (error, request, reply) => {
    const status = statusOf(error);
    // A full work pool or a stopped task: the client is told when to come back.
    if (error instanceof UnavailableError) {
      reply.header('Retry-After', String(error.retryAfterSeconds));
      if (error.code === 'WORK_TIMEOUT') request.log.warn({ reqId: request.id }, error.message);
    } else if (status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
    // A route that matched but found nothing may be an old address: a renamed report's slug.
    if (status === 404) {
      const target = await redirectTarget(deps, request);
      if (target) return reply.redirect(target, 301);
    }
    return sendError(deps, request, reply, status);
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (isRead(request)) {
      const target = (await redirectTarget(deps, request)) ?? slashlessRedirect(request.url);
      if (target) return reply.redirect(target, 301);
    }
    return sendError(deps, request, reply, 404);
  });
}
