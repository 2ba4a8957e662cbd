// Who may open a stored report in the admin. Readers see published reports only, which is
// the public site's query (site/), never this rule.
import type { Actor } from './user.js';

/** Editors and the owner open any report; a writer opens only the reports they wrote. */
export function mayOpenReport(actor: Actor, report: { authorId: number | null }): boolean {
  return actor.role !== 'writer' || report.authorId === actor.userId;
}
