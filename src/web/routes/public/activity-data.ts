// The activity records as data (issue 16 items 5 and 6): /events.ics (site/events/) and the open
// data files /opendata/activities.csv and .json (site/opendata/), rate limited like the feeds.
// The calendar is small and goes through the page cache, keyed by the hour as well as the
// content version, since an activity stops being upcoming when it starts. The open data files
// are streamed from the database a batch at a time (never held whole), with an ETag of the
// content version so that a client that has the current file gets a 304.
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { readContentVersion } from '../../../actions/site/read-content-version.js';
import { activityDataPaths } from '../../../domain/activity-record/data-paths.js';
import { ICS_CONTENT_TYPE, renderEventsIcs } from '../../../site/events/render-events-ics.js';
import { upcomingClockKey } from '../../../site/events/load-upcoming.js';
import { activitiesCsv, ACTIVITIES_CSV_CONTENT_TYPE } from '../../../site/opendata/activities-csv.js';
import { activitiesJson, ACTIVITIES_JSON_CONTENT_TYPE } from '../../../site/opendata/activities-json.js';
import type { WebDeps } from '../../deps.js';
import { matchesEtag } from '../../page-cache.js';
import { sendCached } from '../../send-cached.js';

const OPEN_DATA_CACHE_CONTROL = 'public, max-age=300';

async function sendStreamed(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  contentType: string,
  chunks: () => AsyncGenerator<string>,
): Promise<FastifyReply> {
  const etag = `"${name}-${await readContentVersion(deps.ctx)}"`;
  reply.header('ETag', etag).header('Cache-Control', OPEN_DATA_CACHE_CONTROL).header('Vary', 'Accept-Encoding').type(contentType);
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.send(Readable.from(chunks()));
}

export const activityDataRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get(activityDataPaths.ics, (request, reply) => {
    return sendCached(deps, request, reply, `events:ics:${upcomingClockKey(deps.ctx.now())}`, ICS_CONTENT_TYPE, () => renderEventsIcs(deps));
  });
  app.get(activityDataPaths.csv, (request, reply) => sendStreamed(deps, request, reply, 'activities-csv', ACTIVITIES_CSV_CONTENT_TYPE, () => activitiesCsv(deps)));
  app.get(activityDataPaths.json, (request, reply) => sendStreamed(deps, request, reply, 'activities-json', ACTIVITIES_JSON_CONTENT_TYPE, () => activitiesJson(deps)));
};
