// An activity record as machines read it (issue 16 item 6): the API's `record` and each entry of
// /opendata/activities.json. Times are Japan's wall clock (`09:20`) and, with the day, ISO
// instants with +09:00; the related documents' addresses are absolute. Schema: docs/opendata.md.
import { spanInstants, type ActivityRecord } from '../../domain/activity-record/activity-record.js';
import { absoluteUrl } from '../../domain/paths.js';

export function activityRecordJson(record: ActivityRecord, baseUrl: string) {
  return {
    kind: record.kind,
    date: record.date,
    spans: record.spans.map((span) => ({
      label: span.label,
      start: span.start,
      end: span.end,
      ...(record.date === null ? { startsAt: null, endsAt: null } : spanInstants(record.date, span)),
    })),
    place: record.place,
    participants: record.participants.map((p) => ({
      name: p.name,
      title: p.title,
      side: p.side,
      organisation: p.organisation,
      country: p.country,
      isLegislator: p.isLegislator,
    })),
    organisations: record.organisations,
    countries: record.countries,
    outcomes: record.outcomes,
    documents: record.documents.map((d) => ({ title: d.title, url: absoluteUrl(baseUrl, d.url) })),
  };
}
