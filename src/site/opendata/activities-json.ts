// /opendata/activities.json (issue 16 item 6): every public activity as one JSON document,
// written a batch at a time. Each entry is the report's id, address and title with the record
// as the API gives it (api/activity-record-json.ts). Schema and licence: docs/opendata.md.
import { absoluteUrl, paths } from '../../domain/paths.js';
import { activityRecordJson } from '../api/activity-record-json.js';
import type { SiteDeps } from '../site-deps.js';
import { publicActivityBatches } from './public-activity-batches.js';
import { OPEN_DATA_LICENCE } from './open-data-licence.js';

export const ACTIVITIES_JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export async function* activitiesJson(deps: Pick<SiteDeps, 'ctx' | 'baseUrl'>): AsyncGenerator<string> {
  yield `{"licence":${JSON.stringify(OPEN_DATA_LICENCE)},"activities":[`;
  let isFirst = true;
  for await (const batch of publicActivityBatches(deps)) {
    const entries = batch.map(({ reportId, slug, title, record }) =>
      JSON.stringify({ reportId, reportUrl: absoluteUrl(deps.baseUrl, paths.report(slug)), reportTitle: title, ...activityRecordJson(record, deps.baseUrl) }),
    );
    yield `${isFirst ? '' : ','}\n${entries.join(',\n')}`;
    isFirst = false;
  }
  yield '\n]}\n';
}
