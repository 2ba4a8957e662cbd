// An incremental change of the static index: the changed items' old entries (rebuilt from
// the texts the index keeps) and new entries (read now) name the shards they touch; only
// those shards, the changed items' text files and the doc table are written again. The
// characters split over several shards stay as they were, so no other shard is renamed.
import { join } from 'node:path';
import type { SearchSourceSelection, SearchSources } from '../../actions/search/list-search-documents.js';
import { buildIndexFiles } from './build-index-files.js';
import {
  ByteReader,
  ByteWriter,
  COLUMNS,
  PAGE_TEXTS,
  pageKey,
  readShard,
  reportKey,
  textShard,
  writeShard,
  type DocTable,
  type ReportText,
  type Shard,
} from './client/format.js';
import { openIndexDir, readIndexFile } from './open-index-dir.js';
import { encodeJson, encodeShard } from './write-search-index.js';

export interface IndexUpdate {
  /** File name → bytes as written (compressed). */
  files: Map<string, Uint8Array>;
  /** File names no longer needed (every entry removed). */
  removed: string[];
  table: DocTable;
}

export async function updateIndexFiles(
  indexDir: string,
  changed: { reports?: readonly number[]; pages?: readonly number[] },
  load: (selection: SearchSourceSelection) => Promise<SearchSources>,
): Promise<IndexUpdate> {
  const index = await openIndexDir(indexDir);
  const { table } = index;
  const reportIds = [...new Set(changed.reports ?? [])];
  const pageIds = [...new Set(changed.pages ?? [])];
  const fresh = await load({ reportIds, pageIds });
  const old = await oldSources(index, reportIds, pageIds);
  const [before, after] = await Promise.all([buildIndexFiles(old, table.split), buildIndexFiles(fresh, table.split)]);
  const changedKeys = new Set([...reportIds.map(reportKey), ...pageIds.map(pageKey)]);

  const update: IndexUpdate = { files: new Map(), removed: [], table: mergedTable(table, after.table, reportIds, pageIds) };
  for (const name of new Set([...before.shards.keys(), ...after.shards.keys()])) {
    const current = await readIndexFile(join(indexDir, `${name}.dat`));
    const bytes = mergedShard(current, after.shards.get(name), changedKeys);
    if (bytes) update.files.set(`${name}.dat`, encodeShard(bytes));
    else if (current) update.removed.push(`${name}.dat`);
  }
  const shardNames = new Set(table.shards);
  for (const name of update.files.keys()) shardNames.add(name.replace(/\.dat$/, ''));
  for (const name of update.removed) shardNames.delete(name.replace(/\.dat$/, ''));
  update.table.shards = [...shardNames].sort();
  const textFiles = new Set([...reportIds.map(textShard), ...(pageIds.length > 0 ? [PAGE_TEXTS] : [])]);
  for (const name of textFiles) {
    const current = await index.texts(name);
    const ids = name === PAGE_TEXTS ? pageIds : reportIds;
    for (const id of ids) delete current[id];
    Object.assign(current, after.texts.get(name) ?? {});
    if (Object.keys(current).length > 0) update.files.set(`${name}.dat`, encodeJson(current));
    else update.removed.push(`${name}.dat`);
  }
  return update;
}

/** The changed items as the index holds them now: title and path from the doc table, texts from the text files. */
async function oldSources(index: Awaited<ReturnType<typeof openIndexDir>>, reportIds: number[], pageIds: number[]): Promise<SearchSources> {
  const out: SearchSources = { reports: [], pages: [], statistics: { report: { rows: 0, totalTokens: 0 }, page: { rows: 0, totalTokens: 0 } } };
  const attachmentsOf = (text: ReportText | undefined) => (text?.[1] ?? []).map(([label, body]) => ({ label, text: body }));
  for (const id of reportIds) {
    const row = index.table.reports.find((r) => r[0] === id);
    if (!row) continue;
    const text = (await index.texts(textShard(id)))[id];
    out.reports.push({ id, path: row[2], title: row[3], activityDate: row[4], category: null, bodyText: text?.[0] ?? '', attachments: attachmentsOf(text) });
  }
  const pageTexts = pageIds.length > 0 ? await index.texts(PAGE_TEXTS) : {};
  for (const id of pageIds) {
    const row = index.table.pages.find((p) => p[0] === id);
    if (!row) continue;
    const text = pageTexts[id];
    out.pages.push({ id, path: row[2] ?? undefined, title: row[3], excerpt: row[4], bodyText: text?.[0] ?? '', attachments: attachmentsOf(text) });
  }
  return out;
}

/** One document's entry in a token's postings: its key and the bytes after the key (column bits and positions). */
interface RawEntry {
  key: number;
  body: Uint8Array;
}

/** The entries of a token's postings as bytes, positions skipped rather than decoded. */
function rawEntries(shard: Shard, token: string): RawEntry[] {
  const place = shard.tokens.get(token)!;
  const reader = new ByteReader(shard.bytes, place.start);
  const count = reader.varint();
  const out: RawEntry[] = [];
  let key = 0;
  for (let i = 0; i < count; i++) {
    key += reader.varint();
    const start = reader.at;
    const bits = reader.varint();
    for (let c = 0; c < COLUMNS.length; c++) {
      if (!(bits & (1 << c))) continue;
      const n = reader.varint();
      for (let k = 0; k < n; k++) reader.varint();
    }
    out.push({ key, body: shard.bytes.subarray(start, reader.at) });
  }
  return out;
}

/**
 * The shard's postings without the changed documents, with their new postings; undefined
 * when nothing is left. Entries are moved as bytes: only the key deltas are written anew.
 */
function mergedShard(current: Uint8Array | undefined, added: Uint8Array | undefined, changedKeys: Set<number>): Uint8Array | undefined {
  const postings = new Map<string, RawEntry[]>();
  if (current) {
    const shard = readShard(current);
    for (const token of shard.tokens.keys()) {
      const kept = rawEntries(shard, token).filter((e) => !changedKeys.has(e.key));
      if (kept.length > 0) postings.set(token, kept);
    }
  }
  if (added) {
    const shard = readShard(added);
    for (const token of shard.tokens.keys()) {
      postings.set(token, [...(postings.get(token) ?? []), ...rawEntries(shard, token)].sort((a, b) => a.key - b.key));
    }
  }
  if (postings.size === 0) return undefined;
  return writeShard(
    [...postings].map(([token, entries]) => {
      const out = new ByteWriter();
      out.varint(entries.length);
      let previous = 0;
      for (const entry of entries) {
        out.varint(entry.key - previous);
        out.append(entry.body);
        previous = entry.key;
      }
      return [token, out.view()];
    }),
  );
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
  const reports = [...table.reports.filter((r) => !removedReports.has(r[0])), ...fresh.reports.map((r): DocTable['reports'][number] => [r[0], r[1], r[2], r[3], r[4], categoryIndex(r[5])])];
  const pages = [...table.pages.filter((p) => !removedPages.has(p[0])), ...fresh.pages];
  reports.sort((a, b) => a[0] - b[0]);
  pages.sort((a, b) => a[0] - b[0]);
  return { ...table, categories, reports, pages, stats: fresh.stats };
}
