// Everyone the published reports' confirmed records name, other than the legislator, with
// the reports they appear in (newest first) and the titles they held there. Built once per
// content version from one read, for /people/ and every /people/<name>/ page alike.
import { compareJapaneseNames } from '../../domain/activity-record/kana-row.js';
import { participantRole } from '../../domain/activity-record/participant-role.js';
import { personKey } from '../../domain/activity-record/person-key.js';
import type { Db } from '../../store/database.js';
import { listPublicParticipants, type PublicParticipantRow } from '../../store/public-activity-reads.js';
import { memoByContentVersion } from '../content-memo.js';

export interface PersonAppearance {
  reportId: number;
  /** What the record says of them at that activity: 「外務大臣(ロシア)」; empty when nothing. */
  roles: string[];
}

export interface Person {
  key: string;
  /** As the newest report wrote it. */
  name: string;
  appearances: PersonAppearance[];
}

export interface People {
  /** In Japanese order of their names. */
  list: Person[];
  byKey: Map<string, Person>;
}

/** `legislatorName`: the site's legislator, never listed as a person met even when a record forgot to mark them. */
export function loadPeople(db: Db, legislatorName: string): Promise<People> {
  return memoByContentVersion(db, `people ${legislatorName}`, async () => groupPeople(await listPublicParticipants(db), legislatorName));
}

/**
 * The address of a participant's person page, or undefined when they have none: the
 * legislator (marked so, or by name: `legislatorKey` is personKey of the site's legislator)
 * and a name that normalises to nothing.
 */
export function listedPersonKey(participant: { name: string; isLegislator?: boolean }, legislatorKey: string): string | undefined {
  if (participant.isLegislator) return undefined;
  const key = personKey(participant.name);
  return key === '' || key === legislatorKey ? undefined : key;
}

function groupPeople(rows: PublicParticipantRow[], legislatorName: string): People {
  const byKey = new Map<string, Person>();
  const legislatorKey = personKey(legislatorName);
  for (const row of rows) {
    const key = listedPersonKey(row, legislatorKey);
    if (key === undefined) continue;
    let person = byKey.get(key);
    if (!person) {
      person = { key, name: row.name, appearances: [] };
      byKey.set(key, person);
    }
    // Rows come newest report first, so a report's appearance is the last one pushed.
    let appearance = person.appearances.at(-1);
    if (appearance?.reportId !== row.reportId) {
      appearance = { reportId: row.reportId, roles: [] };
      person.appearances.push(appearance);
    }
    const role = participantRole(row);
    if (role !== '' && !appearance.roles.includes(role)) appearance.roles.push(role);
  }
  const list = [...byKey.values()].sort((a, b) => compareJapaneseNames(a.key, b.key));
  return { list, byKey };
}
