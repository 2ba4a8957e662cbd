// Reading urlencoded form bodies (@fastify/formbody): one field as a string, or all fields
// as [name, value] pairs in order. Repeated names arrive as arrays. A form kept as bytes
// (the live preview's, decoded on a worker) gives its short fields through shortRawField.
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

/** A short field of an undecoded urlencoded form ('' when absent), found without decoding the rest. */
export function shortRawField(form: Buffer, name: string): string {
  const key = `${name}=`;
  for (let at = form.indexOf(key); at !== -1; at = form.indexOf(key, at + 1)) {
    if (at !== 0 && form[at - 1] !== 0x26 /* & */) continue;
    const start = at + key.length;
    const end = form.indexOf(0x26, start);
    // Short fields only: a token is far under 1 KB.
    const value = form.subarray(start, Math.min(end === -1 ? form.length : end, start + 1024)).toString('latin1');
    try {
      return decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      return '';
    }
  }
  return '';
}
