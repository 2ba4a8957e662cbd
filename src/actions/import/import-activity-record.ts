// The activity record an import stores for a report it wrote (issue 16 item 2): the extractor's
// proposal, marked unconfirmed, for staff to confirm in the editor. A record staff confirmed
// is the truth and a re-import never replaces it. The proposal is best made on the import's
// worker threads (search/build-document.ts); without them it is made here.
import type { Kysely } from 'kysely';
import type { ActivityRecord } from '../../domain/activity-record/activity-record.js';
import { extractActivityRecord, type ExtractionOptions } from '../../domain/activity-record/extract-activity-record.js';
import { getActivityKinds, hasConfirmedActivityRecord, insertActivityRecord, saveActivityRecord } from '../../store/activity-records.js';
import type { Database, Db } from '../../store/database.js';
import { getSettings } from '../../store/settings.js';
import { relatedDocumentsOf } from '../records/propose-activity-record.js';

/** What the extractor reads of an imported report, tidied as the report rules tidy it. */
export interface ImportedText {
  title: string;
  bodySource: string;
  activityDate: string;
}

/** The title and source as the report will be stored (checkDraft's tidying), so the proposal reads the stored text. */
export function importedText(report: ImportedText): ImportedText {
  return { title: report.title.replace(/\s+/g, ' ').trim(), bodySource: report.bodySource.replace(/\r\n?/g, '\n'), activityDate: report.activityDate };
}

/** The site's kinds list and legislator's name, read once per import run. */
export async function readExtractionOptions(db: Db): Promise<ExtractionOptions> {
  const [kinds, settings] = await Promise.all([getActivityKinds(db), getSettings(db)]);
  return { kinds, legislatorName: settings.legislatorName };
}

/**
 * Stores the proposal for a report the import created (`isNew`) or updated: `proposal` when
 * a worker made it, else made now. Its documents are the report's attachments.
 */
export async function storeImportedProposal(
  trx: Kysely<Database>,
  reportId: number,
  input: { text: ImportedText; isNew: boolean; hasAttachments: boolean; proposal: ActivityRecord | undefined; options: ExtractionOptions; nowIso: string },
): Promise<void> {
  if (!input.isNew && (await hasConfirmedActivityRecord(trx, reportId))) return;
  const proposal = input.proposal ?? proposeFrom(importedText(input.text), input.options);
  // A new report has attachments only when the import gave some or its body links a stored
  // file (`media:`): otherwise the lookup is skipped (it is on the import's main thread).
  const hasNoDocuments = input.isNew && !input.hasAttachments && !input.text.bodySource.includes('media:');
  const record = { ...proposal, documents: hasNoDocuments ? [] : await relatedDocumentsOf(trx, reportId) };
  const write = input.isNew ? insertActivityRecord : saveActivityRecord;
  await write(trx, reportId, record, { isConfirmed: false, at: input.nowIso });
}

function proposeFrom({ title, bodySource, activityDate }: ImportedText, options: ExtractionOptions): ActivityRecord {
  return extractActivityRecord({ title, text: bodySource, date: activityDate }, { ...options, documents: [] });
}
