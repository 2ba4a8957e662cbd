// Answers a public GET from the page cache: ETag and 304, Cache-Control, and a
// pre-compressed body when the client accepts one. Rendering happens only on a miss.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readContentVersion } from '../actions/site/read-content-version.js';
import { CACHE_CONTROL } from '../site/cache-control.js';
import type { WebDeps } from './deps.js';
import { matchesEtag, pickEncoding } from './page-cache.js';

export async function sendCached(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  contentType: string,
  render: () => Promise<string>,
): Promise<FastifyReply> {
  const version = await readContentVersion(deps.ctx);
  const entry = deps.cache.get(key, version) ?? deps.cache.set(key, version, Buffer.from(await render()), contentType);
  reply.header('ETag', entry.etag).header('Cache-Control', CACHE_CONTROL.page).header('Vary', 'Accept-Encoding').type(entry.contentType);
  if (matchesEtag(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  const encoding = entry.body.byteLength >= 1024 ? pickEncoding(request.headers['accept-encoding']) : undefined;
  if (encoding === undefined) return reply.send(entry.body);
  return reply.header('Content-Encoding', encoding).send(deps.cache.encoded(entry, encoding));
}
