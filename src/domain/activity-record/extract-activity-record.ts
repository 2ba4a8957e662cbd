// The extractor of issue 16: proposes an activity record from a report's title and text.
// Pure and deterministic (no clock: the report's own date stands in for "this year"); it
// never throws on any text, and it names only people the text names. Staff confirm or
// correct what it proposes; rules per field are in the find-*.ts files beside this one.
import { findWrittenDates, resolveWrittenDate } from '../japanese-dates.js';
import { DEFAULT_ACTIVITY_KINDS, type ActivityParticipant, type ActivityRecord, type RelatedDocument } from './activity-record.js';
import { affiliationsOf } from './affiliations.js';
import { foldWidth } from '../fold-width.js';
import { findOutcomes } from './find-outcomes.js';
import { isCountryName } from './country-names.js';
import { findParticipants, type FoundPerson } from './find-participants.js';
import { findPlace } from './find-place.js';
import { findTimeSpans } from './find-time-spans.js';
import { guessActivityKind } from './guess-activity-kind.js';

export interface ReportForExtraction {
  title: string;
  /** The body in the report text format (or any plain text). */
  text: string;
  /** The report's activity date (`2013-11-02`); gives the year to dates written without one. */
  date?: string | null;
}

export interface ExtractionOptions {
  /** The site's kinds list (DEFAULT_ACTIVITY_KINDS when absent). */
  kinds?: readonly string[];
  /** The legislator's name (「岸田文雄」): a participant named by it or by its first characters (「岸田」) is the legislator. */
  legislatorName?: string;
  /** The report's attachments, proposed as the related documents. */
  documents?: readonly RelatedDocument[];
}

/** The lead: the first paragraph with text in it. */
function leadOf(folded: string): string {
  return folded.split(/\n\s*\n/).find((paragraph) => paragraph.trim() !== '') ?? '';
}

/**
 * The activity's day: the first date written in the title or lead, its year from the
 * report's date when not written (and the year before when that would put it after the
 * report: a report of 12月28日 dated 2014-01-05); else the report's date.
 */
function activityDate(title: string, lead: string, reportDate: string | null): string | null {
  const reportYear = reportDate === null ? undefined : Number(reportDate.slice(0, 4));
  for (const written of findWrittenDates(`${title}\n${lead}`)) {
    const resolved = resolveWrittenDate(written, reportYear);
    if (resolved === undefined) continue;
    if (written.year === undefined && reportDate !== null && resolved > reportDate) {
      return resolveWrittenDate(written, reportYear! - 1) ?? resolved;
    }
    return resolved;
  }
  return reportDate;
}

function isLegislatorName(name: string, legislatorName: string | undefined): boolean {
  const full = legislatorName?.replace(/\s/g, '') ?? '';
  if (full === '') return false;
  return name === full || (name.length >= 2 && full.startsWith(name));
}

function toParticipant(person: FoundPerson, legislatorName: string | undefined): ActivityParticipant {
  const isCountry = person.affiliation !== null && isCountryName(person.affiliation);
  return {
    name: person.name,
    title: person.title,
    side: person.side,
    organisation: isCountry ? null : person.affiliation,
    country: person.isCountrySide ? person.side : isCountry ? person.affiliation : null,
    isLegislator: isLegislatorName(person.name, legislatorName),
  };
}

export function extractActivityRecord(report: ReportForExtraction, options: ExtractionOptions = {}): ActivityRecord {
  const text = foldWidth(report.text);
  const title = foldWidth(report.title);
  const lead = leadOf(text);
  const people = findParticipants(text);
  const participants = people.map((person) => toParticipant(person, options.legislatorName));
  return {
    kind: guessActivityKind(title, text, options.kinds ?? DEFAULT_ACTIVITY_KINDS),
    date: activityDate(title, lead, report.date ?? null),
    spans: findTimeSpans(text),
    place: findPlace(lead),
    participants,
    ...affiliationsOf(participants),
    outcomes: findOutcomes(report.text, text),
    documents: (options.documents ?? []).map((d) => ({ title: d.title, url: d.url })),
  };
}
