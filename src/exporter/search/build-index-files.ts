// The static search index's files from the search sources (actions/search/list-search-documents.ts):
// each document tokenised by the server's own rules (domain/search/document.ts), its token
// positions appended to the postings of each token, the postings grouped into shards
// (client/format.ts describes the files). A site of many documents builds its postings and
// shards on the work pool's threads (index-tasks.ts: batches of documents, then partitions of
// shards), so this thread only hands out the work and writes the files; a small one (an
// incremental build's delta) runs the same steps here.
import { createHash } from 'node:crypto';
import { DEFAULT_POOL_SIZE } from '../../actions/runtime/pool-defaults.js';
import { batchPool } from '../../actions/runtime/batch-pool.js';
import type { PageSearchSource, ReportSearchSource, SearchSources } from '../../actions/search/list-search-documents.js';
import { INDEX_VERSION, namesText, pageKey, reportKey, textShard, type DocTable, type ReportName, type ReportText } from './client/format.js';
import { encodeDictionary } from './encode-index-file.js';
import { packShard, TASKS, type BatchDocument, type IndexShape } from './index-tasks.js';
import { dictionaryFile, textDictionary } from './text-dictionary.js';

const BUCKETS = 1024;
/** Partitions of the shards, each one task of the second step: several per thread, so the threads finish together. */
const PARTITIONS = 16;
/** Text files a thread compresses per task (2,501 for 10,000 reports). */
const TEXT_FILES_PER_TASK = 128;
/** Documents a task of the first step tokenises. */
const BATCH_DOCUMENTS = 500;
/** Fewer documents than this are indexed on the calling thread: starting threads costs more than it saves. */
const MIN_FOR_THREADS = 400;
/** A task is a fraction of a second on a quiet machine; this only stops a thread that hangs. */
const TASK_TIMEOUT_MS = 300_000;

// Under tsx (tests, development) the task module is the TypeScript source; in the bundle it
// is the .mjs that scripts/build.mjs writes beside the bundle's other files.
const IS_SOURCE = import.meta.url.endsWith('.ts');
const TASKS_URL = new URL(IS_SOURCE ? './index-tasks.ts' : './index-tasks.mjs', import.meta.url).href;

/** Worker threads for a full index (they open no database: the tasks read only what they are given). */
export interface IndexThreads {
  /** Threads (default: the work pool's, one per core, at most 4). */
  size?: number;
  /** Fewer documents than this stay on the calling thread (default 400; tests set 0). */
  minDocuments?: number;
  /** Documents per task of the first step (default 500; tests set it low to have several). */
  batchDocuments?: number;
  /** Called once the threads are stopped (their cores are free), before the caller writes the files. */
  onClosed?: () => void;
}

/** Every file of the index as written (compressed), by name inside the index directory. */
export interface IndexFiles {
  /** The shards (`<name>.dat`), then the text files, the names file and the text files' dictionary. */
  files: Map<string, Uint8Array>;
  /** The doc table (DocTable), its build naming the contents of `files`. */
  table: Uint8Array;
}

type IndexTasks = typeof TASKS;
type IndexTask = keyof IndexTasks;
interface IndexRunner {
  run<K extends IndexTask>(task: K, input: Parameters<IndexTasks[K]>[0]): ReturnType<IndexTasks[K]>;
  close(): Promise<void>;
}

/** Builds every file of the index, on `threads` when there are many documents. */
export async function buildIndexFiles(sources: SearchSources, threads?: IndexThreads): Promise<IndexFiles> {
  const docs = documentsOf(sources);
  const shape: IndexShape = { buckets: BUCKETS, partitions: PARTITIONS };
  const batchSize = threads?.batchDocuments ?? BATCH_DOCUMENTS;
  const runner = threads && docs.length >= (threads.minDocuments ?? MIN_FOR_THREADS) ? threadRunner(threads) : inlineRunner();
  try {
    const batches = [];
    for (let at = 0; at < docs.length; at += batchSize) batches.push(runner.run('indexBatch', { shape, docs: docs.slice(at, at + batchSize) }));
    // The text files are compressed on the threads too, after the batches (as threads free up
    // before the last batch ends), from a dictionary chosen here meanwhile; their JSON stays
    // here for the doc table's build.
    const texts = [...textsOf(sources)].map(([name, texts]): [string, string] => [`${name}.dat`, JSON.stringify(texts)]);
    const namesFileText = namesText(namesOf(sources));
    const names = namesFile(namesFileText);
    const namesBytes = runner.run('gzipJson', [namesFileText]);
    const dictionary = texts.length > 0 ? textDictionary(texts.map(([, json]) => json)) : undefined;
    const compressing = [];
    for (let at = 0; at < texts.length; at += TEXT_FILES_PER_TASK)
      compressing.push(runner.run('deflateTexts', { texts: texts.slice(at, at + TEXT_FILES_PER_TASK).map(([, json]) => json), dictionary: dictionary! }));
    const built = await Promise.all(batches);
    const partitions = await Promise.all(Array.from({ length: PARTITIONS }, (_, p) => runner.run('indexPartition', { shape, tokens: built.map((b) => b.tokens[p]!) })));
    const sizes = built.flatMap((b) => b.sizes);
    const sizeOf = new Map(docs.map((doc, i) => [doc.key, sizes[i]!]));
    const splits: Record<string, number> = Object.assign({}, ...partitions.map((p) => p.split));
    // In the order the characters first appear in the documents, as one thread appending them all would list them.
    const split = Object.fromEntries([...new Set(built.flatMap((b) => b.firsts))].filter((c) => c in splits).map((c) => [c, splits[c]!]));
    const shards = new Map(partitions.flatMap((p) => p.shards));
    const table: DocTable = {
      v: INDEX_VERSION,
      buckets: BUCKETS,
      split,
      ...rowsOf(sources, sizeOf),
      shards: [...shards.keys()].sort(),
      names,
      ...(dictionary ? { dictionary: dictionaryFile(dictionary) } : {}),
    };
    const [tableBytes] = await runner.run('gzipJson', [JSON.stringify({ ...table, build: contentHash(shards, texts) })]);
    const compressed = (await Promise.all(compressing)).flat();
    return {
      files: new Map([
        ...[...shards].map(([name, bytes]): [string, Uint8Array] => [`${name}.dat`, bytes]),
        ...texts.map(([name], i): [string, Uint8Array] => [name, compressed[i]!]),
        [`${names}.dat`, (await namesBytes)[0]!],
        ...(dictionary ? [[`${table.dictionary!}.dat`, encodeDictionary(dictionary)] as [string, Uint8Array]] : []),
      ]),
      table: tableBytes!,
    };
  } finally {
    await runner.close();
    threads?.onClosed?.();
  }
}

/** DocTable.build: the shards' and text files' names and bytes, in name order (the names file is named by its content: DocTable.names). */
function contentHash(shards: Map<string, Uint8Array>, texts: [string, string][]): string {
  const hash = createHash('sha256');
  const entries: [string, Uint8Array | string][] = [...shards, ...texts];
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, bytes] of entries) hash.update(`${name}\0`).update(bytes);
  return hash.digest('base64url').slice(0, 22);
}

/** The postings of the sources' documents (an incremental build's delta) as a token shard, their rows and texts as a full build writes them. */
export async function buildDeltaFiles(
  sources: SearchSources,
): Promise<{ tokens: Uint8Array; table: DocTable; texts: Map<string, Record<string, ReportText>>; names: ReportName[] }> {
  const docs = documentsOf(sources);
  const built = await TASKS.indexBatch({ shape: { buckets: BUCKETS, partitions: 1 }, docs });
  const sizeOf = new Map(docs.map((doc, i) => [doc.key, built.sizes[i]!]));
  const table: DocTable = { v: INDEX_VERSION, buckets: BUCKETS, split: {}, ...rowsOf(sources, sizeOf), shards: [], names: '' };
  return { tokens: packShard(built.tokens[0]!), table, texts: textsOf(sources), names: namesOf(sources) };
}

function inlineRunner(): IndexRunner {
  return {
    run: (task, input) => (TASKS[task] as (input: unknown) => ReturnType<IndexTasks[typeof task]>)(input),
    close: async () => {},
  };
}

function threadRunner(threads: IndexThreads): IndexRunner {
  const pool = batchPool({ size: threads.size ?? DEFAULT_POOL_SIZE, timeoutMs: TASK_TIMEOUT_MS, extraTasksUrl: TASKS_URL });
  return {
    // Extra tasks: the pool's task table (tasks.ts) does not know them.
    run: (task, input) => pool.run(task as never, input as never) as ReturnType<IndexTasks[typeof task]>,
    close: () => pool.close(),
  };
}

/** Every document's indexed texts, in key order (reports and pages interleaved by key). */
function documentsOf(sources: SearchSources): BatchDocument[] {
  const document = (key: number, source: ReportSearchSource | PageSearchSource): BatchDocument => ({
    key,
    title: source.title,
    bodyText: source.bodyText,
    attachments: source.attachments.map((a) => a.text),
  });
  const docs = [...sources.reports.map((r) => document(reportKey(r.id), r)), ...sources.pages.map((p) => document(pageKey(p.id), p))];
  return docs.sort((a, b) => a.key - b.key);
}

function rowsOf(sources: SearchSources, sizeOf: Map<number, number>): Pick<DocTable, 'stats' | 'categories' | 'activityKinds' | 'reports' | 'pages'> {
  const categories: [string, string][] = [];
  const categoryIndex = new Map<string, number>();
  const reports = sources.reports.map((r): DocTable['reports'][number] => {
    let index = -1;
    if (r.category) {
      index = categoryIndex.get(r.category.slug) ?? categories.push([r.category.slug, r.category.name]) - 1;
      categoryIndex.set(r.category.slug, index);
    }
    return [r.id, sizeOf.get(reportKey(r.id))!, r.activityDate, index, r.activityKind === null ? -1 : sources.activityKinds.indexOf(r.activityKind)];
  });
  const pages = sources.pages.map((p): DocTable['pages'][number] => [p.id, sizeOf.get(pageKey(p.id))!, p.path ?? null, p.title, p.excerpt]);
  const { report, page } = sources.statistics;
  const stats: DocTable['stats'] = { report: [report.rows, report.totalTokens], page: [page.rows, page.totalTokens] };
  return { stats, categories, activityKinds: sources.activityKinds, reports, pages };
}

/** Where reports' snippets come from (and what an incremental build compares to see whether a report changed). */
function textsOf(sources: SearchSources): Map<string, Record<string, ReportText>> {
  const texts = new Map<string, Record<string, ReportText>>();
  for (const r of sources.reports) {
    const shard = texts.get(textShard(r.id)) ?? {};
    shard[r.id] = reportTextOf(r);
    texts.set(textShard(r.id), shard);
  }
  return texts;
}

export const reportTextOf = (r: ReportSearchSource): ReportText => [r.bodyText, r.attachments.map((a) => [a.label, a.text])];

/** The names file's rows, in the sources' (id) order: the doc table's. */
const namesOf = (sources: SearchSources): ReportName[] => sources.reports.map((r) => [r.path, r.title]);

/** The names file's name for its text (namesText): its content decides it, so another build's names are another file. */
export function namesFile(text: string): string {
  return `n${createHash('sha256').update(text).digest('base64url').slice(0, 16)}`;
}
