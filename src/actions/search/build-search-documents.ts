// Building search documents for many reports at once (reindex, imports) on worker
// threads, one per core, results in the order asked. Small jobs stay on this thread:
// starting workers costs more than it saves.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractionOptions } from '../../domain/activity-record/extract-activity-record.js';
import { buildDocument, type BuiltDocument, type IndexInput } from './build-document.js';

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
  /** `extraction`: the options of the activity records proposed for items with `proposeFor`. */
  build(items: IndexInput[], extraction?: ExtractionOptions): Promise<BuiltDocument[]>;
  close(): Promise<void>;
}

export function inlineBuilder(): DocumentBuilder {
  return {
    build: async (items, extraction) => items.map((item) => buildDocument(item, extraction)),
    close: async () => {},
  };
}

/**
 * Splits each batch across worker threads; the caller awaits one batch while it writes the
 * previous. The caller's thread is the writer and bounds the rate, so the default leaves it a
 * core of its own: one worker on 2 cores (two there took the writer's core half the time).
 */
export function workerBuilder(threads = Math.max(1, Math.min(4, availableParallelism() - 1))): DocumentBuilder {
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
    async build(items, extraction) {
      const share = Math.ceil(items.length / workers.length);
      const parts = workers.map((worker, w) => {
        const slice = items.slice(w * share, (w + 1) * share);
        if (slice.length === 0) return Promise.resolve<BuiltDocument[]>([]);
        const id = seq++;
        return new Promise<BuiltDocument[]>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.postMessage({ seq: id, items: slice, extraction });
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
