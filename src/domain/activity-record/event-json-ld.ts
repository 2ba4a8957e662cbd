// A confirmed activity record as a schema.org Event, placed beside the report's NewsArticle
// (issue 16): times with Japan's offset, the place, the participants as attendees and the
// legislator as organizer. Serialised by json-ld.ts jsonForScript like every JSON-LD block.
import { spanInstants, type ActivityParticipant, type ActivityRecord } from './activity-record.js';

export interface EventJsonLdInput {
  record: ActivityRecord;
  /** The report's title names the event; its activity date stands in for a record without a day. */
  report: { title: string; activityDate: string };
  legislator: { id: string; name: string };
  pageUrl: string;
}

export function eventJsonLd({ record, report, legislator, pageUrl }: EventJsonLdInput): Record<string, unknown> {
  const date = record.date ?? report.activityDate;
  const spans = record.spans.map((span) => ({ span, ...spanInstants(date, span) }));
  const first = spans[0];
  const last = spans.at(-1);
  const event: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: report.title,
    url: pageUrl,
    // A day without a written time is a schema.org Date, which carries no zone.
    startDate: first?.startsAt ?? date,
    endDate: last ? (last.endsAt ?? last.startsAt) : date,
    eventStatus: 'https://schema.org/EventScheduled',
    organizer: { '@type': 'Person', '@id': legislator.id, name: legislator.name },
  };
  if (record.place) event.location = { '@type': 'Place', name: record.place };
  const attendees = record.participants.filter((p) => !p.isLegislator).map(attendee);
  if (attendees.length > 0) event.attendee = attendees;
  if (spans.length > 1) {
    event.subEvent = spans.map(({ span, startsAt, endsAt }) => ({
      '@type': 'Event',
      name: span.label ?? report.title,
      startDate: startsAt,
      endDate: endsAt ?? undefined,
    }));
  }
  return event;
}

/**
 * schema.org's `affiliation` expects an Organization, so an organisation goes there and a
 * country (a Place in schema.org) goes to `nationality`; a side that is neither is the
 * affiliation's name, as the text wrote it (「日本側」 → 日本).
 */
function attendee(p: ActivityParticipant): Record<string, unknown> {
  const person: Record<string, unknown> = { '@type': 'Person', name: p.name };
  if (p.title) person.jobTitle = p.title;
  const organisation = p.organisation ?? (p.country ? null : p.side);
  if (organisation) person.affiliation = { '@type': 'Organization', name: organisation };
  if (p.country) person.nationality = { '@type': 'Country', name: p.country };
  return person;
}
