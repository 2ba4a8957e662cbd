// Confirmed (or unconfirmed) activity records for public-page tests, saved through the store
// in a transaction that bumps the content version as every action's write does.
import type { ActivityParticipant, ActivityRecord } from '../../src/domain/activity-record/activity-record.js';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import { DEFAULT_ACTIVITY_KINDS } from '../../src/domain/activity-record/activity-record.js';
import { saveActivityKinds, saveActivityRecord } from '../../src/store/activity-records.js';
import { bumpContentVersion } from '../../src/store/site-state.js';
import { publishReport } from './factories.js';

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

const SAMPLE_KINDS = ['会談・協議', '視察', '国政報告会・集会'];

/**
 * A confirmed record on every published report, so that a site's public pages include the
 * 概要 boxes, people (one person in every report: their page has several pages), kind lists
 * and calendars: for the tests that compare every public path of a site.
 */
export async function confirmRecordsOnEveryReport(ctx: ActionContext): Promise<void> {
  const reports = await ctx.db.selectFrom('reports').select(['id', 'activity_date']).where('status', '=', 'published').orderBy('id').execute();
  for (const [i, report] of reports.entries()) {
    const value = record({
      kind: SAMPLE_KINDS[i % SAMPLE_KINDS.length],
      date: report.activity_date,
      spans: [{ label: '会合', start: '10:00', end: '11:30' }],
      place: '北浜市民会館',
      participants: [
        participant('北浜 一郎', { title: '会頭', organisation: '北浜商工会議所' }),
        participant(`ゲスト${(i % 4) + 1}号`),
        participant('Ｊａｎｅ　Ｄｏｅ & 友'),
      ],
    });
    await storeRecord(ctx, report.id, value);
  }
}

/** Names with characters special in paths and file names ('/', '%', '..', a leading '.', '?', '#', backslash; tags refuse '/', '?', '#' and backslash). */
export const ODD_NAMES = { kinds: ['視察/見学', '100%調査'], people: ['山田/太郎', '50% 会', '..', '.hidden', 'A?B#C\\D'], tags: ['100%', '..', '.net'] };

/**
 * Reports whose confirmed records are of kinds, name people and carry tags with such names
 * (the site's kinds list takes the two kinds), for the tests comparing every public path.
 */
export async function publishOddNames(ctx: ActionContext): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await saveActivityKinds(trx, [...DEFAULT_ACTIVITY_KINDS, ...ODD_NAMES.kinds]);
    await bumpContentVersion(trx);
  });
  for (const [i, kind] of ODD_NAMES.kinds.entries()) {
    const activityDate = `2024-0${i + 1}-15`;
    const report = await publishReport(ctx, { title: `名前の試験${i + 1}`, bodySource: '記号を含む名前。', activityDate, tags: ODD_NAMES.tags });
    await storeRecord(ctx, report.id, record({ kind, date: activityDate, participants: ODD_NAMES.people.map((name) => participant(name)) }));
  }
}
