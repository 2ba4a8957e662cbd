// The demo site written on first start: profile, categories, reports and one PDF fact
// sheet. Runs only when the database holds no report and no settings, so it never
// touches a real site.
import { checkDraft } from '../domain/report-rules.js';
import { upsertCategory } from '../store/categories.js';
import { saveSettings } from '../store/settings.js';
import type { ActionContext } from './context.js';
import { createReportIn } from './create-report.js';
import { isSiteEmpty } from './is-site-empty.js';
import { DEMO_CATEGORIES, DEMO_REPORTS, DEMO_SETTINGS } from './demo-content.js';
import { createDemoFactSheet } from './demo-fact-sheet.js';
import { storeMedia } from './store-media.js';

/** Returns the number of demo reports written (0 when the site already has content). */
export async function seedDemoIfEmpty(ctx: ActionContext): Promise<number> {
  if (!(await isSiteEmpty(ctx))) return 0;
  const mediaIds = new Map<string, number>();
  for (const report of DEMO_REPORTS) {
    for (const a of report.attachments) {
      if (mediaIds.has(a.ref)) continue;
      const media = await storeMedia(ctx, { bytes: await createDemoFactSheet(), fileName: a.ref, mime: 'application/pdf' });
      mediaIds.set(a.ref, media.id);
    }
  }
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await saveSettings(trx, DEMO_SETTINGS);
    for (const [position, c] of DEMO_CATEGORIES.entries()) await upsertCategory(trx, { ...c, position });
    // Oldest first, so ids follow the order in which reports were written.
    const ordered = [...DEMO_REPORTS].sort((a, b) => a.activityDate.localeCompare(b.activityDate));
    for (const report of ordered) {
      const checked = checkDraft(report);
      const attachments = report.attachments.map((a) => ({ mediaId: mediaIds.get(a.ref)!, label: a.label, summary: a.summary }));
      await createReportIn(trx, checked, { status: 'published', attachments }, nowIso);
    }
  });
  return DEMO_REPORTS.length;
}
