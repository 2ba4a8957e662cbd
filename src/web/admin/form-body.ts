// Reading urlencoded form bodies (@fastify/formbody): one field as a string, or all fields
// as [name, value] pairs in order. Repeated names arrive as arrays.
import type { FastifyRequest } from 'fastify';

type Body = Record<string, string | string[] | undefined>;

function bodyOf(request: FastifyRequest): Body {
  const body = request.body;
  return body !== null && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as Body) : {};
}

/** The field's value ('' when absent; the first when repeated). */
export function formField(request: FastifyRequest, name: string): string {
  const value = bodyOf(request)[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function formPairs(request: FastifyRequest): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(bodyOf(request))) {
    for (const one of [value ?? ''].flat()) pairs.push([name, one]);
  }
  return pairs;
}

export function isFormRequest(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}
