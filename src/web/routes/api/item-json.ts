// What the read-only JSON API's routes share (reports, pages, search): the content type, the
// id parameter and open CORS (anyone may reuse the record from any site). The JSON itself
// comes from site/api/.
import type { FastifyInstance } from 'fastify';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** `/…/:id` with a positive integer id (anything else is a 400 from the schema). */
export const ID_PARAMS = { schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,15}$' } } } } };

export function allowAnyOrigin(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
  });
}
