// GET /api/v1/search?q=&page=&limit= → { total, items: [{ id, title, url, date, snippet, matchedIn, attachmentLabel? }] }
// `total` is the exact number of matching published reports; `snippet` is HTML: the text
// around the first match, escaped, with every match in <mark>. `matchedIn` is "report", or
// "attachment" when the words stand only in an attached PDF (the snippet is then from its
// text, and `attachmentLabel` names it). Refused input answers 400
// with { error: { status, message, fields } } in Japanese, as the search page shows it.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { checkSearchRequest } from '../../../actions/search/search-reports.js';
import { ValidationError, type FieldMessages } from '../../../domain/errors.js';
import { absoluteUrl, paths } from '../../../domain/paths.js';
import { partsToHtml } from '../../../domain/search/snippet.js';
import type { WebDeps } from '../../deps.js';
import { checkActivityFilter } from '../../../site/search/check-activity-filter.js';
import { MALFORMED_Q_MESSAGE, searchTextOf } from '../../../site/search/search-text-of.js';
import { API_SEARCH_QUERY, pageNumber, type ApiSearchQueryString } from '../../query.js';
import { sendCached } from '../../send-cached.js';
import { allowAnyOrigin, JSON_TYPE } from './item-json.js';

const DEFAULT_LIMIT = 20;
const EMPTY_Q_MESSAGE = '検索語(q)を指定してください。';

export const apiSearchRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  allowAnyOrigin(app);

  app.get<{ Querystring: ApiSearchQueryString }>(paths.apiSearch(), { schema: { querystring: API_SEARCH_QUERY } }, async (request, reply) => {
    const input = searchTextOf(request.url);
    const page = pageNumber(request.query.page);
    const limit = Number(request.query.limit ?? DEFAULT_LIMIT);
    if (input.isMalformed) return sendRefused(reply, { q: MALFORMED_Q_MESSAGE });
    try {
      const activity = request.query.activity || undefined;
      return await sendCached(deps, request, reply, `api:search:${page}:${limit}:${activity ?? ''}:${input.text}`, JSON_TYPE, async () => {
        await checkActivityFilter(deps.ctx, activity);
        const search = { q: input.text, filter: { activityKind: activity }, page, perPage: limit };
        // No words (an empty q, only quotes or OR): a client's mistake; the page shows the form instead.
        if (!checkSearchRequest(search)) throw new ValidationError('nothing to search for', { q: EMPTY_Q_MESSAGE });
        // On a worker thread, so a slow query never stalls other requests (a full pool answers 503 at once).
        const result = await deps.ctx.work.run('search', search);
        const items = result.items.map(({ report, snippet, matchedIn, attachmentLabel }) => ({
          id: report.id,
          title: report.title,
          url: absoluteUrl(deps.baseUrl, paths.report(report.slug)),
          date: report.activityDate,
          snippet: partsToHtml(snippet),
          matchedIn,
          ...(attachmentLabel === undefined ? {} : { attachmentLabel }),
        }));
        return JSON.stringify({ total: result.total, items });
      });
    } catch (error) {
      if (error instanceof ValidationError) return sendRefused(reply, error.fields);
      throw error;
    }
  });
};

function sendRefused(reply: FastifyReply, fields: FieldMessages): FastifyReply {
  const message = Object.values(fields).join(' ') || '検索できない条件です。';
  return reply
    .code(400)
    .header('Cache-Control', 'no-store')
    .type(JSON_TYPE)
    .send(JSON.stringify({ error: { status: 400, message, fields } }));
}
