// Confirmed (or unconfirmed) activity records for public-page tests, saved through the store
// in a transaction that bumps the content version as every action's write does.
import type { ActivityParticipant, ActivityRecord } from '../../src/domain/activity-record/activity-record.js';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import { saveActivityRecord } from '../../src/store/activity-records.js';
import { bumpContentVersion } from '../../src/store/site-state.js';

export function participant(name: string, fields: Partial<ActivityParticipant> = {}): ActivityParticipant {
  return { name, title: null, side: null, organisation: null, country: null, isLegislator: false, ...fields };
}

export function record(fields: Partial<ActivityRecord> = {}): ActivityRecord {
  return { kind: '会談・協議', date: null, spans: [], place: null, participants: [], organisations: [], countries: [], outcomes: [], documents: [], ...fields };
}

export async function storeRecord(ctx: ActionContext, reportId: number, value: ActivityRecord, isConfirmed = true): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await saveActivityRecord(trx, reportId, value, { isConfirmed, at: '2026-11-20T03:00:00.000Z' });
    await bumpContentVersion(trx);
  });
}
