// The organisations and countries of a record: those its participants name. A side that is a
// country (「日本」) counts as a country, any other (「北浜市」) as an organisation. The extractor's
// proposal and a record staff save derive them by this one rule.
import type { ActivityParticipant, ActivityRecord } from './activity-record.js';
import { isCountryName } from './country-names.js';

export function affiliationsOf(participants: readonly ActivityParticipant[]): Pick<ActivityRecord, 'organisations' | 'countries'> {
  return {
    organisations: distinct(participants.flatMap((p) => [p.side !== null && !isCountryName(p.side) && p.side !== p.country ? p.side : null, p.organisation])),
    countries: distinct(participants.flatMap((p) => [p.country, p.side !== null && isCountryName(p.side) ? p.side : null])),
  };
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
