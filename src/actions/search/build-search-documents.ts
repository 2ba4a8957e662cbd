// Building search documents for many reports at once (reindex, imports) on worker
// threads, one per core, results in the order asked. Small jobs stay on this thread:
// starting workers costs more than it saves.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { searchDocument, type SearchDocument } from '../../domain/search/document.js';
import { render, type Rendered } from '../../domain/text-format/render.js';

export interface IndexInput {
  id: number;
  title: string;
  bodyText: string;
  /** Instead of bodyText: the body's source, rendered by the builder (imports). */
  bodySource?: string;
}

export interface BuiltDocument {
  id: number;
  doc: SearchDocument;
  /** The text the document was built from, when the builder rendered it from bodySource. */
  bodyText?: string;
  /** That render in full (without media details), for the writer to reuse (render/report-body.ts PrebuiltRender). */
  rendered?: Rendered;
}

/** Fewer reports than this are tokenised on the calling thread. */
const MIN_FOR_WORKERS = 400;

// Under tsx (tests, development) the worker is the TypeScript source; in the bundle it is
// the .mjs written next to the bundle's other files by scripts/build.mjs.
const IS_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(IS_SOURCE ? './search-document-worker.ts' : './search-document-worker.mjs', import.meta.url);

/** In source mode a worker does not inherit tsx's loader, so it registers it first. */
function startWorker(): Worker {
  if (!IS_SOURCE) return new Worker(WORKER_URL);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

export interface DocumentBuilder {
  build(items: IndexInput[]): Promise<BuiltDocument[]>;
  close(): Promise<void>;
}

export function inlineBuilder(): DocumentBuilder {
  return {
    build: async (items) =>
      items.map((item) => {
        if (item.bodySource === undefined) return { id: item.id, doc: searchDocument(item.title, item.bodyText) };
        const rendered = render(item.bodySource);
        return { id: item.id, doc: searchDocument(item.title, rendered.text), bodyText: rendered.text, rendered };
      }),
    close: async () => {},
  };
}

/** Splits each batch across worker threads; the caller awaits one batch while it writes the previous. */
export function workerBuilder(threads = Math.max(1, Math.min(4, availableParallelism()))): DocumentBuilder {
  const workers = Array.from({ length: threads }, startWorker);
  let seq = 0;
  const pending = new Map<number, { resolve: (docs: BuiltDocument[]) => void; reject: (error: unknown) => void }>();
  for (const worker of workers) {
    worker.on('message', (message: { seq: number; docs: BuiltDocument[] }) => {
      pending.get(message.seq)?.resolve(message.docs);
      pending.delete(message.seq);
    });
    worker.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
  }
  return {
    async build(items) {
      const share = Math.ceil(items.length / workers.length);
      const parts = workers.map((worker, w) => {
        const slice = items.slice(w * share, (w + 1) * share);
        if (slice.length === 0) return Promise.resolve<BuiltDocument[]>([]);
        const id = seq++;
        return new Promise<BuiltDocument[]>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.postMessage({ seq: id, items: slice });
        });
      });
      return (await Promise.all(parts)).flat();
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export function documentBuilderFor(count: number): DocumentBuilder {
  return count >= MIN_FOR_WORKERS ? workerBuilder() : inlineBuilder();
}
