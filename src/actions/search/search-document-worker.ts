// Worker thread of actions/search/build-search-documents.ts: turns report texts (or, for imports,
// their sources, rendered here) into search documents, on every core, and proposes an imported
// report's activity record beside it (build-document.ts).
import { parentPort } from 'node:worker_threads';
import type { ExtractionOptions } from '../../domain/activity-record/extract-activity-record.js';
import { buildDocument, type IndexInput } from './build-document.js';

interface Job {
  seq: number;
  items: IndexInput[];
  extraction?: ExtractionOptions;
}

// An importer sends the source: the text is rendered here too (without media details; the
// writer uses the document only if its own rendered text is the same, and the render only for
// the same source naming no stored file).
parentPort!.on('message', (job: Job) => {
  parentPort!.postMessage({ seq: job.seq, docs: job.items.map((item) => buildDocument(item, job.extraction)) });
});
