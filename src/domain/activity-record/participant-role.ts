// What a record says of a participant besides the name, as the public pages print it:
// 「外務大臣(ロシア)」, 「会長(北浜商工会議所)」, 「(日本側)」; empty when the record says nothing.
import type { ActivityParticipant } from './activity-record.js';

export function participantRole(p: Pick<ActivityParticipant, 'title' | 'side' | 'organisation' | 'country'>): string {
  const where = p.organisation ?? p.country ?? (p.side ? `${p.side}側` : null);
  if (p.title && where) return `${p.title}(${where})`;
  return p.title ?? where ?? '';
}
