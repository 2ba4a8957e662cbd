// Test data written through the real actions and store.
import { createReport, type CreatedReport } from '../../src/actions/reports/create-report.js';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import type { ReportDraft } from '../../src/domain/report.js';
import type { SiteSettings } from '../../src/domain/settings.js';
import { upsertCategory } from '../../src/store/categories.js';
import { saveSettings } from '../../src/store/settings.js';
import { bumpContentVersion } from '../../src/store/site-state.js';

let counter = 0;

export function draft(overrides: Partial<ReportDraft> = {}): ReportDraft {
  counter += 1;
  return {
    title: `テスト報告${counter}`,
    activityDate: '2024-05-01',
    bodySource: `5月1日,テストの会合に出席した。\n\n1 概要\n\n(1)テスト報告${counter}の本文である。`,
    ...overrides,
  };
}

export async function publishReport(ctx: ActionContext, overrides: Partial<ReportDraft> = {}): Promise<CreatedReport> {
  return createReport(ctx, draft(overrides), { status: 'published' });
}

export async function addCategory(ctx: ActionContext, slug: string, name: string) {
  return ctx.db.transaction().execute((trx) => upsertCategory(trx, { slug, name }));
}

export const TEST_SETTINGS: SiteSettings = {
  legislatorName: '試験 花子',
  legislatorNameKana: 'しけん はなこ',
  chamber: '衆議院議員',
  constituency: '架空県第1区',
  party: 'テスト党',
  profileSource: '1 経歴\n\n(1)架空県に生まれ、県議会議員を2期務めたのち衆議院議員に初当選した。',
  contact: '国会事務所\n東京都千代田区永田町0-0-0',
  contactPhone: '',
  contactEmail: '',
  contactFormUrl: '',
  siteDescription: '試験花子の公式サイトです。',
  navigation: [
    { label: '活動報告', url: '/activity/' },
    { label: 'プロフィール', url: '/profile/' },
  ],
};

/** Writes the settings as the actions do: with the content version bumped, so cached pages and memos (site/content-memo.ts) see them. */
export async function setSettings(ctx: ActionContext, settings: SiteSettings = TEST_SETTINGS): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await saveSettings(trx, settings);
    await bumpContentVersion(trx);
  });
}
