// Worker thread of actions/search/build-search-documents.ts: turns report texts (or, for imports,
// their sources, rendered here) into search documents, on every core.
import { parentPort } from 'node:worker_threads';
import { searchDocument } from '../../domain/search/document.js';
import { render } from '../../domain/text-format/render.js';

interface Job {
  seq: number;
  items: { id: number; title: string; bodyText: string; bodySource?: string }[];
}

parentPort!.on('message', (job: Job) => {
  const docs = job.items.map((item) => {
    // An importer sends the source: the text is rendered here too (without media details;
    // the writer uses the document only if its own rendered text is the same, and the render
    // only for the same source naming no stored file).
    if (item.bodySource === undefined) return { id: item.id, doc: searchDocument(item.title, item.bodyText) };
    const rendered = render(item.bodySource);
    return { id: item.id, doc: searchDocument(item.title, rendered.text), bodyText: rendered.text, rendered };
  });
  parentPort!.postMessage({ seq: job.seq, docs });
});
