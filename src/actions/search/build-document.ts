// One report's work for an import or a reindex, the same on a worker thread and on the
// caller's: its search document (rendering the source first when given one) and, for an
// import, the activity record the extractor proposes (issue 16 item 2; 0.3–0.7 ms a post,
// which is why it runs here, beside the search document, and not on the writer's thread).
import type { ActivityRecord } from '../../domain/activity-record/activity-record.js';
import { extractActivityRecord, type ExtractionOptions } from '../../domain/activity-record/extract-activity-record.js';
import { searchDocument, type SearchDocument } from '../../domain/search/document.js';
import { render, type Rendered } from '../../domain/text-format/render.js';

export interface IndexInput {
  id: number;
  title: string;
  bodyText: string;
  /** Instead of bodyText: the body's source, rendered by the builder (imports). */
  bodySource?: string;
  /** Propose the activity record from the title and source too, with this activity date (imports). */
  proposeFor?: { activityDate: string };
}

export interface BuiltDocument {
  id: number;
  doc: SearchDocument;
  /** The text the document was built from, when the builder rendered it from bodySource. */
  bodyText?: string;
  /** That render in full (without media details), for the writer to reuse (render/report-body.ts PrebuiltRender). */
  rendered?: Rendered;
  /** The proposed record, without documents (the writer adds the report's attachments). */
  record?: ActivityRecord;
}

export function buildDocument(item: IndexInput, extraction: ExtractionOptions = {}): BuiltDocument {
  const proposal = item.proposeFor === undefined ? {} : { record: propose(item, item.proposeFor.activityDate, extraction) };
  if (item.bodySource === undefined) return { id: item.id, doc: searchDocument(item.title, item.bodyText), ...proposal };
  const rendered = render(item.bodySource);
  return { id: item.id, doc: searchDocument(item.title, rendered.text), bodyText: rendered.text, rendered, ...proposal };
}

function propose(item: IndexInput, activityDate: string, extraction: ExtractionOptions): ActivityRecord {
  const text = item.bodySource ?? item.bodyText;
  return extractActivityRecord({ title: item.title, text, date: activityDate }, { ...extraction, documents: [] });
}
