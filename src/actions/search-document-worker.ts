// Worker thread of actions/build-search-documents.ts: turns report texts into search
// documents (Intl.Segmenter is most of the cost of indexing, and runs on every core).
import { parentPort } from 'node:worker_threads';
import { searchDocument } from '../domain/search/document.js';

interface Job {
  seq: number;
  items: { id: number; title: string; bodyText: string }[];
}

parentPort!.on('message', (job: Job) => {
  const docs = job.items.map((item) => ({ id: item.id, doc: searchDocument(item.title, item.bodyText) }));
  parentPort!.postMessage({ seq: job.seq, docs });
});
