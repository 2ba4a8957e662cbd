// An incremental change of the static index: the postings of every document changed since
// the last full build (the changed items now and those of earlier incremental builds) go into
// one small delta file (client/format.ts, DocTable.delta) read beside the shards, whose entries
// for those documents are then stale. So an edit rewrites the delta, the changed reports' text
// files (from the dictionary the full build chose), the names file when a path or title changed
// (or a report came or went: a new name) and the doc table, never the hundreds of shards one
// report's tokens fall in. The delta and names files the previous table named are removed one
// build later (DocTable.superseded). Once the delta grows past DELTA_LIMIT (or the index is of
// an older format, or has no dictionary for a report's text file) the caller builds afresh.
import { join } from 'node:path';
import type { SearchSourceSelection, SearchSources } from '../../actions/search/list-search-documents.js';
import { buildDeltaFiles, namesFile, reportTextOf } from './build-index-files.js';
import { deltaFile, DELTA_LIMIT, INDEX_VERSION, namesTextOf, pageKey, reportIndex, reportKey, textShard, type DocTable } from './client/format.js';
import { openIndexDir, readIndexFile } from './open-index-dir.js';
import { encodeJsonText, encodeShard, encodeText } from './encode-index-file.js';

export interface IndexUpdate {
  /** File name → bytes as written (compressed). */
  files: Map<string, Uint8Array>;
  /** File names no longer needed (every entry removed; the previous delta), removed after the doc table is written. */
  removed: string[];
  table: DocTable;
}

type Index = Awaited<ReturnType<typeof openIndexDir>>;

/** The files to write; undefined when the index is better written afresh (delta past its limit, older format). */
export async function updateIndexFiles(
  indexDir: string,
  changed: { reports?: readonly number[]; pages?: readonly number[] },
  load: (selection: SearchSourceSelection) => Promise<SearchSources>,
): Promise<IndexUpdate | undefined> {
  const index = await openIndexDir(indexDir);
  const { table } = index;
  if (table.v !== INDEX_VERSION) return undefined;
  const inDelta = table.delta?.keys ?? [];
  const asked = [...new Set(changed.reports ?? [])];
  const askedPages = changed.pages ?? [];
  const reportIds = [...new Set([...asked, ...inDelta.filter((key) => key % 2 === 0).map((key) => key / 2)])];
  const pageIds = [...new Set([...askedPages, ...inDelta.filter((key) => key % 2 === 1).map((key) => (key - 1) / 2)])];
  const sources = await load({ reportIds, pageIds });
  // Another list of kinds renumbers every report's kind (and changes the site key: the build is full anyway).
  if (JSON.stringify(sources.activityKinds) !== JSON.stringify(table.activityKinds)) return undefined;
  // A report whose row and texts are as the index holds them needs nothing (a page always goes to the delta).
  const newlyChanged = await asyncFilter(asked, async (id) => !(await isAsIndexed(index, id, sources)));
  if (newlyChanged.length === 0 && askedPages.length === 0) return { files: new Map(), removed: [], table };
  // The changed reports' text files are written from the dictionary the table names (none: the
  // last full build had no report; a full build chooses one).
  const dictionary = newlyChanged.length > 0 && table.dictionary ? await readIndexFile(join(indexDir, `${table.dictionary}.dat`)) : undefined;
  if (newlyChanged.length > 0 && !dictionary) return undefined;
  const changedReports = reportIds.filter((id) => newlyChanged.includes(id) || inDelta.includes(reportKey(id)));
  if (changedReports.length + pageIds.length > DELTA_LIMIT.documents) return undefined;
  const inNewDelta = new Set(changedReports);
  const built = await buildDeltaFiles({ ...sources, reports: sources.reports.filter((r) => inNewDelta.has(r.id)) });
  const delta = encodeShard(built.tokens);
  if (delta.length > DELTA_LIMIT.bytes) return undefined;
  const keys = [...changedReports.map(reportKey), ...pageIds.map(pageKey)].sort((a, b) => a - b);
  const file = deltaFile(generationOf(table) + 1);
  const merged = mergedTable(table, built.table, changedReports, pageIds);
  const update: IndexUpdate = {
    files: new Map([[`${file}.dat`, delta]]),
    removed: [],
    table: { ...merged, delta: { file, keys } },
  };
  const superseded = table.delta ? [table.delta.file] : [];
  // The names in the merged table's order: the kept reports' as the file holds them, the changed ones' fresh.
  const names = await index.names();
  if (names.length !== table.reports.length) return undefined; // names file missing or not this table's: build afresh
  const freshNames = new Map(built.table.reports.map((row, i) => [row[0], built.names[i]!]));
  const isSame = (id: number) => {
    const [fresh, held] = [freshNames.get(id), names.at(reportIndex(table, id))];
    return fresh !== undefined && held !== undefined && fresh[0] === held[0] && fresh[1] === held[1];
  };
  // The same reports (every changed one still published), none renamed: the file stands (a
  // new one costs ~30 ms of JSON, hash and gzip at 10,000 reports).
  const isSameNames = merged.reports.length === table.reports.length && changedReports.every(isSame);
  // The kept reports' lines as the file holds them (decoding and writing each row again took ~40 ms).
  const lines = isSameNames ? [] : names.lines();
  const text = isSameNames
    ? undefined
    : namesTextOf(
        merged.reports.map(([id]) => {
          const fresh = freshNames.get(id);
          return fresh ? JSON.stringify(fresh) : lines[reportIndex(table, id)]!;
        }),
      );
  const namesName = text === undefined ? table.names : namesFile(text);
  if (text !== undefined && namesName !== table.names) {
    update.files.set(`${namesName}.dat`, encodeJsonText(text));
    superseded.push(table.names);
    update.table.names = namesName;
  }
  // The previous table's own files stay for one build (DocTable.superseded); the ones it kept go now.
  const current = new Set([file, update.table.names]);
  update.removed.push(...(table.superseded ?? []).filter((name) => !current.has(name)).map((name) => `${name}.dat`));
  const kept = superseded.filter((name) => !current.has(name));
  if (kept.length > 0) update.table.superseded = kept;
  else delete update.table.superseded;
  for (const name of new Set(newlyChanged.map(textShard))) {
    const current = { ...(await index.texts(name)) };
    for (const id of newlyChanged) if (textShard(id) === name) delete current[id];
    Object.assign(current, built.texts.get(name) ?? {});
    if (Object.keys(current).length > 0) update.files.set(`${name}.dat`, encodeText(JSON.stringify(current), dictionary!));
    else update.removed.push(`${name}.dat`);
  }
  return update;
}

const generationOf = (table: DocTable) => (table.delta ? Number(table.delta.file.slice(1)) : 0);

async function asyncFilter<T>(items: T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept = await Promise.all(items.map(keep));
  return items.filter((_, i) => kept[i]);
}

/** Whether the report's published row, names and texts are those the index holds. */
async function isAsIndexed(index: Index, id: number, sources: SearchSources): Promise<boolean> {
  const at = reportIndex(index.table, id);
  const row = index.table.reports[at];
  const source = sources.reports.find((r) => r.id === id);
  if (!row || !source) return !row && !source;
  const category = row[3] < 0 ? null : index.table.categories[row[3]]!;
  const isSameCategory = source.category ? category?.[0] === source.category.slug && category[1] === source.category.name : category === null;
  const kind = row[4] < 0 ? null : index.table.activityKinds[row[4]]!;
  const isSameKind = kind === (source.activityKind !== null && index.table.activityKinds.includes(source.activityKind) ? source.activityKind : null);
  if (row[2] !== source.activityDate || !isSameCategory || !isSameKind) return false;
  const [path, title] = (await index.names()).at(at) ?? [];
  if (path !== source.path || title !== source.title) return false;
  const text = (await index.texts(textShard(id)))[id];
  return text !== undefined && JSON.stringify(text) === JSON.stringify(reportTextOf(source));
}

/** The doc table with the changed items' rows replaced (or removed) and the server's statistics as they are now. */
function mergedTable(table: DocTable, fresh: DocTable, reportIds: number[], pageIds: number[]): DocTable {
  const categories = table.categories.map((c): [string, string] => [c[0], c[1]]);
  const categoryIndex = (i: number) => {
    if (i < 0) return -1;
    const [slug, name] = fresh.categories[i]!;
    const at = categories.findIndex(([s]) => s === slug);
    if (at >= 0) {
      categories[at] = [slug, name];
      return at;
    }
    return categories.push([slug, name]) - 1;
  };
  const removedReports = new Set(reportIds);
  const removedPages = new Set(pageIds);
  const reports = [
    ...table.reports.filter((r) => !removedReports.has(r[0])),
    ...fresh.reports.map((r): DocTable['reports'][number] => [r[0], r[1], r[2], categoryIndex(r[3]), r[4]]),
  ];
  const pages = [...table.pages.filter((p) => !removedPages.has(p[0])), ...fresh.pages];
  reports.sort((a, b) => a[0] - b[0]);
  pages.sort((a, b) => a[0] - b[0]);
  return { ...table, categories, reports, pages, stats: fresh.stats };
}
