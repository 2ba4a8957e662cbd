// The extractor's proposal for a stored report (issue 16 item 2): its stored title and text,
// the site's kinds list, the legislator's name and the report's attachments as the related
// documents. Nothing is written here.
import type { ActivityRecord, RelatedDocument } from '../../domain/activity-record/activity-record.js';
import { extractActivityRecord } from '../../domain/activity-record/extract-activity-record.js';
import { mediaPath } from '../../domain/media-path.js';
import { getActivityKinds } from '../../store/activity-records.js';
import type { Db } from '../../store/database.js';
import { listItemAttachments } from '../../store/media.js';
import { getSettings } from '../../store/settings.js';

/** What the extractor reads of a stored report. */
export interface ProposalSource {
  id: number;
  title: string;
  bodySource: string;
  activityDate: string;
}

/** The report's attachments as a record's related documents, in their order. */
export async function relatedDocumentsOf(db: Db, reportId: number): Promise<RelatedDocument[]> {
  const attachments = await listItemAttachments(db, { kind: 'report', id: reportId });
  return attachments.map((a) => ({ title: a.label, url: mediaPath(a.sha256, a.fileName) }));
}

/** The proposal for the report as stored, with the kinds list it was made from. */
export async function proposeActivityRecord(db: Db, report: ProposalSource): Promise<{ record: ActivityRecord; kinds: string[] }> {
  const [kinds, settings, documents] = await Promise.all([getActivityKinds(db), getSettings(db), relatedDocumentsOf(db, report.id)]);
  const record = extractActivityRecord(
    { title: report.title, text: report.bodySource, date: report.activityDate },
    { kinds, legislatorName: settings.legislatorName, documents },
  );
  return { record, kinds };
}
