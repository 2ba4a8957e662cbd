// The demo site written on first start: profile, categories, reports and one PDF fact
// sheet. Runs only when the database holds no report and no settings, so it never
// touches a real site. remove-demo.ts takes it all away again in one step.
import { checkDraft } from '../../domain/report-rules.js';
import { upsertCategory } from '../../store/categories.js';
import { markDemoItems } from '../../store/demo-items.js';
import { saveSettings } from '../../store/settings.js';
import type { ActionContext } from '../runtime/context.js';
import { createReportIn, DEMO_CREATOR } from '../reports/create-report.js';
import { isSiteEmpty } from './is-site-empty.js';
import { checkPageFields } from '../../domain/page-rules.js';
import { paths } from '../../domain/paths.js';
import { searchDocument } from '../../domain/search/document.js';
import { indexPage } from '../../store/page-search.js';
import { insertPage, setPageStatus } from '../../store/pages.js';
import { DEMO_CATEGORIES, DEMO_PAGES, DEMO_REPORTS, DEMO_SETTINGS, demoNavigation } from '../../demo/demo-content.js';
import { renderBody } from '../render/report-body.js';
import { createDemoFactSheet } from '../../demo/demo-fact-sheet.js';
import { storeMedia } from '../media/store-media.js';

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
    // Marked so that removing the demo (remove-demo.ts) finds its files.
    await markDemoItems(trx, 'media', [...mediaIds.values()]);
    await saveSettings(trx, DEMO_SETTINGS);
    for (const [position, c] of DEMO_CATEGORIES.entries()) await upsertCategory(trx, { ...c, position });
    // Oldest first, so ids follow the order in which reports were written.
    const ordered = [...DEMO_REPORTS].sort((a, b) => a.activityDate.localeCompare(b.activityDate));
    for (const report of ordered) {
      const checked = checkDraft(report);
      const attachments = report.attachments.map((a) => ({ mediaId: mediaIds.get(a.ref)!, label: a.label, summary: a.summary }));
      await createReportIn(trx, checked, { status: 'published', by: DEMO_CREATOR, attachments }, nowIso);
    }
    // Fixed pages, parents first, published and searchable; the menu points to them by id.
    const pageIds = new Map<string, number>();
    const pagePaths = new Map<string, string>();
    for (const [position, page] of DEMO_PAGES.entries()) {
      const parentId = page.parent === undefined ? null : pageIds.get(page.parent)!;
      const fields = checkPageFields({ title: page.title, slug: page.slug, parentId, position, summary: page.summary, bodySource: page.bodySource });
      const { rendered } = await renderBody(trx, fields.bodySource);
      const id = await insertPage(trx, { ...fields, bodyHtml: rendered.html, bodyText: rendered.text, outline: rendered.outline, authorId: null }, nowIso);
      await setPageStatus(trx, id, ['draft'], { status: 'published', publishedAt: nowIso }, nowIso);
      await indexPage(trx, id, searchDocument(fields.title, rendered.text));
      pageIds.set(page.ref, id);
      const parentPath = page.parent === undefined ? [] : pagePaths.get(page.parent)!.split('/').filter(Boolean).map(decodeURIComponent);
      pagePaths.set(page.ref, paths.page([...parentPath, fields.slug]));
    }
    await saveSettings(trx, { ...DEMO_SETTINGS, navigation: demoNavigation(pageIds, pagePaths) });
  });
  return DEMO_REPORTS.length;
}
