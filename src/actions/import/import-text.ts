// Importing one plain-text report (katsudo import-text): read title, date and body by
// the rule in domain/text-import.ts, find or create the category, publish — all in one
// transaction, so a refused file leaves nothing behind. The activity record's proposal is
// stored with it, unconfirmed (issue 16 item 2).
import type { Kysely } from 'kysely';
import { ValidationError } from '../../domain/errors.js';
import { checkDraft } from '../../domain/report-rules.js';
import { slugify } from '../../domain/slug.js';
import { parseImportedText, parseImportedTexts, type DateHint, type ImportedText } from '../../domain/text-import.js';
import { findCategoryByName, findCategoryBySlug, listCategories, upsertCategory } from '../../store/categories.js';
import type { Database } from '../../store/database.js';
import type { ActionContext } from '../runtime/context.js';
import { createReportIn, IMPORT_CREATOR, type CreatedReport } from '../reports/create-report.js';
import type { ImportedReportInput } from './import-report.js';
import { readExtractionOptions, storeImportedProposal } from './import-activity-record.js';

export interface ImportTextInput {
  content: string;
  dateHint?: DateHint;
  /** The title when the text has none (--title). */
  title?: string;
  /** A category's name (国会活動) or slug (diet); created when it does not exist. */
  category?: string;
  tags?: string[];
}

export interface ImportedReport extends CreatedReport {
  title: string;
  activityDate: string;
  skippedHeader: string[];
  /** How the text was read: lines left out, the title's line, the date's source, warnings. */
  entry: ImportedText;
}

export async function importText(ctx: ActionContext, input: ImportTextInput): Promise<ImportedReport> {
  const parsed = parseImportedText(input.content, input.dateHint, { title: input.title });
  const category = checkedCategory(input.category);
  const checked = checkDraft({
    title: parsed.title,
    activityDate: parsed.activityDate,
    bodySource: parsed.bodySource,
    tags: input.tags ?? [],
  });
  const created = await ctx.db.transaction().execute(async (trx) => {
    const categorySlug = category === undefined ? null : await ensureCategory(trx, category);
    const nowIso = ctx.now().toISOString();
    const report = await createReportIn(trx, { ...checked, categorySlug }, { status: 'published', by: IMPORT_CREATOR }, nowIso);
    const options = await readExtractionOptions(trx);
    await storeImportedProposal(trx, report.id, { text: checked, isNew: true, hasAttachments: false, proposal: undefined, options, nowIso });
    return report;
  });
  return { ...created, title: parsed.title, activityDate: parsed.activityDate, skippedHeader: parsed.skippedHeader, entry: parsed };
}

/**
 * The reports a text file holds, for the import runner (katsudo import-text DIR), which
 * writes each in its own transaction and updates it on a later run instead of duplicating:
 * the first entry, or with `isSplit` every dated entry of a list page.
 * @throws ValidationError when the text has no title, body or date (domain/text-import.ts).
 */
export function textReportInputs(input: ImportTextInput & { isSplit?: boolean }): { report: ImportedReportInput; entry: ImportedText }[] {
  const entries = input.isSplit
    ? parseImportedTexts(input.content, { dateHint: input.dateHint, title: input.title })
    : [parseImportedText(input.content, input.dateHint, { title: input.title })];
  const category = checkedCategory(input.category);
  return entries.map((entry) => ({
    entry,
    report: {
      title: entry.title,
      activityDate: entry.activityDate,
      bodySource: entry.bodySource,
      // A name or a slug, as for importText: the runner finds either, or creates it by name.
      category: category === undefined ? null : { slug: category, name: category },
      tags: input.tags ?? [],
      status: 'published',
    },
  }));
}

function checkedCategory(name: string | undefined): string | undefined {
  const category = name?.trim();
  if (category === '') throw new ValidationError('カテゴリー名が空です。', { categorySlug: 'カテゴリー名を指定してください。' });
  return category;
}

async function ensureCategory(trx: Kysely<Database>, nameOrSlug: string): Promise<string> {
  const existing = (await findCategoryBySlug(trx, nameOrSlug)) ?? (await findCategoryByName(trx, nameOrSlug));
  if (existing) return existing.slug;
  const categories = await listCategories(trx);
  const taken = new Set(categories.map((c) => c.slug));
  const base = slugify(nameOrSlug) || 'category';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  const created = await upsertCategory(trx, { slug, name: nameOrSlug, position: categories.length });
  return created.slug;
}
