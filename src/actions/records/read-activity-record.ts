// The record the editor panel shows for a report: the stored one (confirmed, or a proposal an
// import stored), else the extractor's proposal made now and not stored.
import type { ActivityRecord } from '../../domain/activity-record/activity-record.js';
import { findActivityRecord, getActivityKinds } from '../../store/activity-records.js';
import type { ActionContext } from '../runtime/context.js';
import { proposeActivityRecord, type ProposalSource } from './propose-activity-record.js';

/** `proposal`: nothing stored, made from the text now; `unconfirmed`: stored by an import, not yet confirmed. */
export type ActivityRecordState = 'confirmed' | 'unconfirmed' | 'proposal';

export interface ActivityRecordView {
  record: ActivityRecord;
  state: ActivityRecordState;
  /** The site's kinds list, for the kind's choices. */
  kinds: string[];
}

export async function readActivityRecord(ctx: Pick<ActionContext, 'db'>, report: ProposalSource): Promise<ActivityRecordView> {
  const stored = await findActivityRecord(ctx.db, report.id);
  if (!stored) return { ...(await proposeActivityRecord(ctx.db, report)), state: 'proposal' };
  return { record: stored.record, state: stored.isConfirmed ? 'confirmed' : 'unconfirmed', kinds: await getActivityKinds(ctx.db) };
}

/** The site's kinds list (the panel's choices after a refused save). */
export function readActivityKinds(ctx: Pick<ActionContext, 'db'>): Promise<string[]> {
  return getActivityKinds(ctx.db);
}

/** 「本文から提案し直す」: the proposal from the stored text, shown for staff to check; nothing is written. */
export async function reproposeActivityRecord(ctx: Pick<ActionContext, 'db'>, report: ProposalSource): Promise<ActivityRecordView> {
  return { ...(await proposeActivityRecord(ctx.db, report)), state: 'proposal' };
}
