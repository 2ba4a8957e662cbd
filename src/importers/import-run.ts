// The runner every importer uses (WXR, HTML pages, text files): it takes the items an
// importer reads — an async iterable, so a huge export streams — and writes each one in
// its own transaction, keyed by import_sources so a second run updates or leaves alone
// instead of duplicating. One bad item is recorded with its reason and the rest go on.
//
// Contract for importers:
// - Yield one ImportItem per thing found in the source, in source order: a report to write,
//   something skipped on purpose (with the reason), something that could not be read
//   (failed, with the reason), or something ignored by design (counted by kind).
// - Do all work that needs its own transaction (uploading media through uploadMedia)
//   before yielding the item: the runner holds the item's transaction while it writes.
//   In a dry run (options.isDryRun, also passed to the source) write no files.
// - An error thrown by the iterator itself (malformed XML, a truncated file) stops the
//   run: items already written stay committed, and the summary says where it stopped.
//
// Dry run: each item's transaction runs in full — same decisions, same rule checks, same
// database constraints — and is then rolled back, so nothing is written.
//
// Batches (options.itemsPerTransaction > 1, for sources that do not use the database while
// the runner writes, e.g. a WordPress export without --uploads): one transaction holds
// several items, each inside its own savepoint. An item that fails is rolled back to its
// savepoint and the others go on, so an item is still written whole or not at all; a crash
// loses at most the uncommitted batch, which the next run writes (import_sources keys).
// Rows nobody reads before the batch ends (tags, revisions, audit entries, redirects, activity
// records, import sources) are held and written per kind at its end (store/deferred-rows.ts);
// a failed item's held rows are dropped with its savepoint, and an item whose key is already in
// the batch starts a new one.
import { createHash } from 'node:crypto';
import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import { importReportIn, type ImportedReportInput, type ImportReportResult } from '../actions/import/import-report.js';
import type { DocumentBuilder } from '../actions/search/build-search-documents.js';
import type { ActionContext } from '../actions/runtime/context.js';
import type { PrebuiltSearch } from '../actions/reports/create-report.js';
import type { PrebuiltRender } from '../actions/render/report-body.js';
import { fillEmptySettingsIn, type ImportedSiteSettings } from '../actions/import/import-site-settings.js';
import { importedText, readExtractionOptions, storeImportedProposal } from '../actions/import/import-activity-record.js';
import type { ActivityRecord } from '../domain/activity-record/activity-record.js';
import type { ExtractionOptions } from '../domain/activity-record/extract-activity-record.js';
import { diskFullFrom, ValidationError } from '../domain/errors.js';
import { paths } from '../domain/paths.js';
import type { Database } from '../store/database.js';
import { findImportSource, isChangedSinceImport, lockImportSource, saveImportSource, type SourceKind } from '../store/import-sources.js';
import { addRedirects } from '../store/redirects.js';
import { deferContentVersion, writeDeferredContentVersion } from '../store/site-state.js';
import { deferredRowsMark, deferRows, restoreDeferredRows, writeDeferredRows } from '../store/deferred-rows.js';
import { deferIndexing, deferredIndexSnapshot, restoreDeferredIndex, writeDeferredIndex } from '../store/search.js';
import { resolvePageLinks, writePageItem, type ImportedNavigationLink, type ImportedPageInput } from './write-page-item.js';

/** A report to create or update. */
export interface ReportItem {
  type: 'report';
  /** Stable identity within the source kind ('<base_site_url>#<post_id>', a page URL, a file path). */
  key: string;
  /** How the summary names it (an old URL, a file path). */
  label: string;
  report: ImportedReportInput;
  /** Problems that did not stop the import (a missing attachment, a table kept as text). */
  warnings?: string[];
  /** What decides "unchanged"; by default a SHA-256 of `report`. */
  contentHash?: string;
  /**
   * Items that belong to this one and count only if it is written (the old addresses of the
   * files stored for it): run after the report, dropped when it fails.
   */
  companions?: ImportItem[];
  /** Removes what the importer stored for this item alone (its new files) when it fails. */
  discard?: () => Promise<void>;
}

/** A fixed page to create or update (write-page-item.ts), written after its parent. */
export interface PageItem {
  type: 'page';
  /** Stable identity within the source kind ('<base_site_url>#<post_id>'). */
  key: string;
  label: string;
  page: ImportedPageInput;
  /** Old site paths (no host; may carry a query such as `/?page_id=12`) that must answer 301 here. */
  redirectsFrom: string[];
  /** The profile-like page: its text fills an empty profile, else it becomes a draft page; its old paths lead to /profile/. */
  isProfile?: boolean;
  warnings?: string[];
  companions?: ImportItem[];
  discard?: () => Promise<void>;
}

/** Something not imported on purpose (a private post, a page that is no report). */
export interface SkippedItem {
  type: 'skipped';
  label: string;
  reason: string;
}

/** Something that could not be read (no date, broken HTML); counted as failed. */
export interface FailedItem {
  type: 'failed';
  label: string;
  reason: string;
  /** The error behind it, when there was one: its stack and causes are printed with --verbose. */
  error?: unknown;
}

/** Something out of scope by design (menu entries, revisions, comments), only counted. */
export interface IgnoredItem {
  type: 'ignored';
  /** What it is, e.g. 'nav_menu_item'. */
  what: string;
  count?: number;
}

/** A remark about the source that belongs to no one report (an attachment file not found). */
export interface WarningItem {
  type: 'warning';
  label: string;
  message: string;
}

/** A file for the media library (already stored by the reader, or not found). */
export interface MediaItem {
  type: 'media';
  label: string;
  /** Not found or refused: the reason, also listed among the warnings. */
  missingReason?: string;
  /** The error that refused it, if any (printed with --verbose). */
  error?: unknown;
}

/** Old paths that must answer 301 with `to` (an old file URL → its new /media/ address). */
export interface RedirectItem {
  type: 'redirect';
  label: string;
  from: string[];
  to: string;
}

/** Site settings the source brings (a blog's name, tagline, menu): written only where the site has none. */
export interface SiteSettingsItem {
  type: 'site-settings';
  label: string;
  /** Navigation links may name an imported page by its key (linked by id once it is written and published). */
  settings: Omit<ImportedSiteSettings, 'navigation'> & { navigation?: ImportedNavigationLink[] };
}

export type ImportItem = ReportItem | PageItem | SkippedItem | FailedItem | IgnoredItem | WarningItem | MediaItem | RedirectItem | SiteSettingsItem;

export interface Labelled {
  label: string;
  reason: string;
  /** The error behind a failure or refusal, kept with its cause and stack for --verbose. */
  error?: unknown;
}

export interface ImportSummary {
  isDryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /** Fixed pages (counted apart from reports); a profile page whose text went into the profile counts here too. */
  pages: { created: number; updated: number; unchanged: number };
  skipped: Labelled[];
  /** Reports and pages changed, unpublished or trashed in the admin since the last import: left as they are (RunOptions.isOverwriting). */
  kept: Labelled[];
  failed: Labelled[];
  warnings: Labelled[];
  /** Counts by kind of what was ignored by design. */
  ignored: Record<string, number>;
  /** Files for the media library: stored (or found stored already), and not found or refused. */
  media: { stored: number; missing: number };
  /** Redirects written by redirect items (report items' own redirects are not counted). */
  redirects: number;
  /** Site settings filled in from the source (only those that were empty). */
  settings: string[];
  /** The new address of every report and page written (or that would be), by item label. */
  written: { label: string; outcome: ImportReportResult['outcome']; path: string }[];
  /** Why the source could not be read to its end; set when the run stopped early. */
  stoppedAt?: string;
  /** The error that stopped it (printed with --verbose). */
  stoppedError?: unknown;
}

export interface RunOptions {
  kind: SourceKind;
  isDryRun?: boolean;
  /**
   * Write items over reports and pages changed in the admin since the last import (--overwrite).
   * Without it such an item is left as it is and listed in `kept`.
   */
  isOverwriting?: boolean;
  /** Called after every item (reports, skips, failures…), e.g. for a progress bar. */
  onProgress?: (summary: Readonly<ImportSummary>) => void;
  /** Keep `written` (addresses of every report) in the summary; off for huge runs. */
  isListingWritten?: boolean;
  /**
   * Items written per transaction, each in its own savepoint (1, the default: one transaction
   * each). Only for a source that makes no database calls of its own while it is iterated
   * (it would wait for the batch's connection forever).
   */
  itemsPerTransaction?: number;
  /**
   * Builds the search documents of published reports ahead, a window of items at a time,
   * while the previous window is written (workerBuilder: on other threads). Without it each
   * report's document is built as it is written. The source is read ahead by a window, so
   * only for a source whose items do not depend on the writing of earlier ones (files an
   * item's discard could take back from a later one).
   */
  searchDocuments?: DocumentBuilder;
}

/** What was built ahead for a report: its activity record's proposal and, when published, its search document and its body's render. */
interface BuiltAhead {
  search?: PrebuiltSearch;
  render?: PrebuiltRender;
  record: ActivityRecord;
}

/** The options and what the run reads once: the extractor's options for the proposals it stores. */
type RunState = RunOptions & { extraction: ExtractionOptions };

/** Items read ahead of the writer when search documents are built ahead. */
const WINDOW = 128;

/** Thrown inside a dry run's transaction so that Kysely rolls it back. */
class DryRunRollback extends Error {
  constructor() {
    super('dry run');
  }
}

export function emptySummary(isDryRun = false): ImportSummary {
  return {
    isDryRun,
    created: 0,
    updated: 0,
    unchanged: 0,
    pages: { created: 0, updated: 0, unchanged: 0 },
    skipped: [],
    kept: [],
    failed: [],
    warnings: [],
    ignored: {},
    media: { stored: 0, missing: 0 },
    redirects: 0,
    settings: [],
    written: [],
  };
}

export async function runImport(ctx: ActionContext, items: AsyncIterable<ImportItem> | Iterable<ImportItem>, runOptions: RunOptions): Promise<ImportSummary> {
  const options: RunState = { ...runOptions, extraction: await readExtractionOptions(ctx.db) };
  const summary = emptySummary(options.isDryRun ?? false);
  const writer = new ItemWriter(ctx, options.itemsPerTransaction ?? 1, options.isDryRun ?? false);
  let stopError: unknown;
  let isStopped = false;
  try {
    if (options.searchDocuments) {
      const builder = options.searchDocuments;
      const iterator = (Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]()) as AsyncIterator<ImportItem> | Iterator<ImportItem>;
      let isDone = false;
      // Reads the next window; an error of the source ends reading, after the items before it.
      const pull = async (): Promise<ImportItem[]> => {
        const window: ImportItem[] = [];
        while (!isDone && !isStopped && window.length < WINDOW) {
          try {
            const next = await iterator.next();
            if (next.done) isDone = true;
            else window.push(next.value);
          } catch (error) {
            isStopped = true;
            stopError = error;
          }
        }
        return window;
      };
      let current = await pull();
      let built = buildAhead(builder, current, options.extraction);
      while (current.length > 0) {
        const next = await pull();
        const documents = await built;
        built = buildAhead(builder, next, options.extraction);
        for (const item of current) {
          await runItem(ctx, writer, item, options, summary, documents.get(item));
          options.onProgress?.(summary);
        }
        current = next;
      }
    } else {
      try {
        for await (const item of items) {
          await runItem(ctx, writer, item, options, summary);
          options.onProgress?.(summary);
        }
      } catch (error) {
        isStopped = true;
        stopError = error;
      }
    }
  } finally {
    await writer.flush();
  }
  if (isStopped) {
    // Only the source's own errors reach here (runItem catches the items'): stop, keep what is done.
    summary.stoppedAt = describeError(stopError);
    summary.stoppedError = stopError;
    options.onProgress?.(summary);
  }
  return summary;
}

/**
 * The window's reports' proposed activity records, and the search documents and renders of
 * the published ones; none (built when written) if the builder fails.
 */
async function buildAhead(builder: DocumentBuilder, window: ImportItem[], extraction: ExtractionOptions): Promise<Map<ImportItem, BuiltAhead>> {
  const reports = window.filter((item): item is ReportItem => item.type === 'report');
  const found = new Map<ImportItem, BuiltAhead>();
  if (reports.length === 0) return found;
  // Tidied as checkDraft tidies them, so that the writer's title and text match.
  const inputs = reports.map((item, id) => {
    const { title, bodySource, activityDate } = importedText(item.report);
    return { id, title, bodyText: '', bodySource, proposeFor: { activityDate } };
  });
  try {
    for (const { id, doc, bodyText, rendered, record } of await builder.build(inputs, extraction)) {
      const input = inputs[id]!;
      const item = reports[id]!;
      if (record === undefined) continue;
      if (item.report.status !== 'published') {
        found.set(item, { record });
        continue;
      }
      const search = { title: input.title, bodyText: bodyText ?? '', doc };
      found.set(item, rendered ? { search, render: { bodySource: input.bodySource, rendered }, record } : { search, record });
    }
  } catch {
    found.clear();
  }
  return found;
}

/**
 * Runs each item's writes as a unit: its own transaction, or a savepoint inside the open
 * batch transaction. In a dry run every unit is rolled back.
 */
class ItemWriter {
  private batch: ControlledTransaction<Database> | undefined;
  private inBatch = 0;
  /** The report items' keys written in the open batch (their import_sources rows are held back). */
  private readonly keys = new Set<string>();

  constructor(
    private readonly ctx: ActionContext,
    private readonly size: number,
    private readonly isDryRun: boolean,
  ) {}

  /** `reportKey`: the report item's key; a second item of the same key starts a new batch, so it reads what the first wrote. */
  async write<T>(work: (trx: Kysely<Database>) => Promise<T>, reportKey?: string): Promise<T> {
    if (this.size <= 1) return this.writeAlone(work);
    if (reportKey !== undefined && this.keys.has(reportKey)) await this.flush();
    if (!this.batch) {
      this.batch = await this.ctx.db.startTransaction().execute();
      deferIndexing(this.batch);
      deferContentVersion(this.batch);
      deferRows(this.batch);
    }
    const trx = this.batch;
    const indexBefore = deferredIndexSnapshot(trx);
    const rowsBefore = deferredRowsMark(trx);
    await sql`savepoint import_item`.execute(trx);
    let result: T;
    try {
      result = await work(trx);
    } catch (error) {
      await sql`rollback to import_item`.execute(trx);
      await sql`release import_item`.execute(trx);
      restoreDeferredIndex(trx, indexBefore);
      restoreDeferredRows(trx, rowsBefore);
      throw error;
    }
    if (this.isDryRun) {
      await sql`rollback to import_item`.execute(trx);
      restoreDeferredIndex(trx, indexBefore);
      restoreDeferredRows(trx, rowsBefore);
    }
    if (reportKey !== undefined) this.keys.add(reportKey);
    await sql`release import_item`.execute(trx);
    if (++this.inBatch >= this.size) await this.flush();
    return result;
  }

  /** Commits the open batch (rolls it back in a dry run, where it holds nothing). */
  async flush(): Promise<void> {
    const batch = this.batch;
    if (!batch) return;
    this.batch = undefined;
    this.inBatch = 0;
    this.keys.clear();
    if (this.isDryRun) {
      await batch.rollback().execute();
      return;
    }
    // The rows held back go in with one statement per kind (store/deferred-rows.ts), the
    // search rows last, in one FTS5 flush (see deferIndexing), and the content version is
    // bumped once.
    try {
      await writeDeferredRows(batch);
      await writeDeferredIndex(batch);
      await writeDeferredContentVersion(batch);
    } catch (error) {
      await batch.rollback().execute();
      throw error;
    }
    await batch.commit().execute();
  }

  private async writeAlone<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    let result: T | undefined;
    try {
      return await this.ctx.db.transaction().execute(async (trx) => {
        result = await work(trx);
        if (this.isDryRun) throw new DryRunRollback();
        return result;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return result as T;
      throw error;
    }
  }
}

async function runItem(ctx: ActionContext, writer: ItemWriter, item: ImportItem, options: RunState, summary: ImportSummary, prebuilt?: BuiltAhead): Promise<void> {
  switch (item.type) {
    case 'skipped':
      summary.skipped.push({ label: item.label, reason: item.reason });
      return;
    case 'failed':
      summary.failed.push({ label: item.label, reason: item.reason, ...(item.error === undefined ? {} : { error: item.error }) });
      return;
    case 'ignored':
      summary.ignored[item.what] = (summary.ignored[item.what] ?? 0) + (item.count ?? 1);
      return;
    case 'warning':
      summary.warnings.push({ label: item.label, reason: item.message });
      return;
    case 'media':
      if (item.missingReason === undefined) summary.media.stored++;
      else {
        summary.media.missing++;
        summary.warnings.push({ label: item.label, reason: item.missingReason, ...(item.error === undefined ? {} : { error: item.error }) });
      }
      return;
    case 'redirect':
      try {
        await writer.write((trx) => writeRedirects(trx, item, ctx.now().toISOString()));
        summary.redirects += new Set(item.from).size;
      } catch (error) {
        stopOnDiskFull(error);
        summary.failed.push({ label: item.label, reason: describeError(error), error });
      }
      return;
    case 'site-settings':
      try {
        const filled = await writer.write(async (trx) => {
          const { navigation, ...rest } = item.settings;
          const settings = navigation === undefined ? rest : { ...rest, navigation: await resolvePageLinks(trx, navigation, options.kind) };
          return fillEmptySettingsIn(trx, settings, ctx.now().toISOString());
        });
        summary.settings.push(...filled);
      } catch (error) {
        stopOnDiskFull(error);
        summary.failed.push({ label: item.label, reason: describeError(error), error });
      }
      return;
    case 'page':
      return runPageItem(ctx, writer, item, options, summary);
    case 'report':
      break;
  }
  try {
    const result = await writer.write((trx) => writeReportItem(trx, item, options, ctx.now().toISOString(), prebuilt), item.key);
    if (result === KEPT) {
      summary.kept.push({ label: item.label, reason: KEPT_REASON });
      return;
    }
    summary[result.outcome]++;
    if (options.isListingWritten !== false) summary.written.push({ label: item.label, outcome: result.outcome, path: paths.report(result.slug) });
    for (const warning of item.warnings ?? []) summary.warnings.push({ label: item.label, reason: warning });
  } catch (error) {
    stopOnDiskFull(error);
    summary.failed.push({ label: item.label, reason: describeError(error), error });
    if (item.discard) {
      await writer.flush(); // removing files takes transactions of its own
      await discardFiles(item, summary);
    }
    return;
  }
  for (const companion of item.companions ?? []) await runItem(ctx, writer, companion, options, summary);
}

async function runPageItem(ctx: ActionContext, writer: ItemWriter, item: PageItem, options: RunState, summary: ImportSummary): Promise<void> {
  const nowIso = ctx.now().toISOString();
  try {
    const { page, redirectsFrom, isProfile } = item;
    const result = await writer.write(async (trx) => {
      await lockImportSource(trx, options.kind, item.key);
      return !options.isOverwriting && (await isChangedSinceImport(trx, 'page', options.kind, item.key))
        ? KEPT
        : writePageItem(ctx, trx, item, options.kind, hashOf({ page, redirectsFrom, isProfile }), nowIso);
    });
    if (result === KEPT) {
      summary.kept.push({ label: item.label, reason: KEPT_REASON });
      return;
    }
    summary.pages[result.outcome]++;
    summary.settings.push(...result.settings);
    if (options.isListingWritten !== false) summary.written.push({ label: item.label, outcome: result.outcome, path: result.path });
    for (const warning of [...(item.warnings ?? []), ...result.warnings]) summary.warnings.push({ label: item.label, reason: warning });
  } catch (error) {
    stopOnDiskFull(error);
    summary.failed.push({ label: item.label, reason: describeError(error), error });
    if (item.discard) {
      await writer.flush();
      await discardFiles(item, summary);
    }
    return;
  }
  for (const companion of item.companions ?? []) await runItem(ctx, writer, companion, options, summary);
}

/** Takes back the files stored for an item that failed; a failure to do so is a warning, not a second failure. */
async function discardFiles(item: ReportItem | PageItem, summary: ImportSummary): Promise<void> {
  try {
    await item.discard?.();
  } catch (error) {
    summary.warnings.push({ label: item.label, reason: `この項目のために保存したファイルを削除し直せませんでした: ${describeError(error)}`, error });
  }
}

async function writeReportItem(
  trx: Kysely<Database>,
  item: ReportItem,
  options: RunState,
  nowIso: string,
  prebuilt: BuiltAhead | undefined,
): Promise<ImportReportResult | typeof KEPT> {
  const contentHash = item.contentHash ?? hashOf(item.report);
  await lockImportSource(trx, options.kind, item.key);
  const source = await findImportSource(trx, options.kind, item.key);
  if (source && source.contentHash === contentHash) {
    const slug = (await trx.selectFrom('reports').select('slug').where('id', '=', source.reportId).executeTakeFirstOrThrow()).slug;
    return { outcome: 'unchanged', reportId: source.reportId, slug };
  }
  if (source && !options.isOverwriting && (await isChangedSinceImport(trx, 'report', options.kind, item.key))) return KEPT;
  const result = await importReportIn(trx, source?.reportId, item.report, nowIso, prebuilt?.search, prebuilt?.render);
  if (result.outcome !== 'unchanged') {
    const isNew = result.outcome === 'created';
    const hasAttachments = (item.report.attachments?.length ?? 0) > 0;
    await storeImportedProposal(trx, result.reportId, { text: item.report, isNew, hasAttachments, proposal: prebuilt?.record, options: options.extraction, nowIso });
  }
  await saveImportSource(trx, { kind: options.kind, key: item.key, reportId: result.reportId, contentHash, importedAt: nowIso });
  return result;
}

/** What writing an item returns when it was left alone for a local edit. */
const KEPT = Symbol('kept');
const KEPT_REASON = '前回の取り込みのあと管理画面で変更・非公開・ゴミ箱移動されたため、そのままにしました(--overwrite で置き換えます)';

async function writeRedirects(trx: Kysely<Database>, item: RedirectItem, nowIso: string): Promise<void> {
  await addRedirects(trx, item.from, item.to, nowIso);
}

/** A full disk fails every item after it too: it stops the run (the summary's stoppedAt) instead. */
function stopOnDiskFull(error: unknown): void {
  const diskFull = diskFullFrom(error);
  if (diskFull) throw diskFull;
}

/** SHA-256 (hex) of a JSON value, for ReportItem.contentHash. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * One line: a ValidationError's field messages, an AppError's message, or a bug's message,
 * followed by the messages of its causes (`{ cause }`), so the reason is never lost.
 */
export function describeError(error: unknown): string {
  if (error instanceof ValidationError) {
    const fields = Object.values(error.fields);
    return fields.length > 0 ? fields.join(' ') : error.message;
  }
  if (!(error instanceof Error)) return String(error);
  let line = error.message;
  for (let cause = error.cause, depth = 0; cause !== undefined && depth < 5; cause = (cause as Error).cause, depth++) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // Some errors already end with their cause's message (NativeModuleError).
    if (!line.endsWith(message)) line += `(原因: ${message})`;
    if (!(cause instanceof Error)) break;
  }
  return line;
}

/** The stack of an error and of each of its causes, indented, for --verbose. */
export function errorDetails(error: unknown): string[] {
  const lines: string[] = [];
  for (let e = error, depth = 0; e !== undefined && depth < 6; e = (e as Error).cause, depth++) {
    const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    text.split('\n').forEach((line, i) => lines.push(`    ${depth > 0 && i === 0 ? '原因: ' : ''}${line}`));
    if (!(e instanceof Error)) break;
  }
  return lines;
}

/** Whether the run went through: nothing failed and the source was read to its end. */
export function isCleanRun(summary: ImportSummary): boolean {
  return summary.failed.length === 0 && summary.stoppedAt === undefined;
}

/**
 * The summary as Japanese lines for the CLI: counts first, then one line per skipped, kept,
 * failed and warned-about item with its identity.
 */
export function formatSummary(summary: ImportSummary, options: { isVerbose?: boolean } = {}): string[] {
  const details = (entry: { error?: unknown }) => (options.isVerbose && entry.error !== undefined ? errorDetails(entry.error) : []);
  const lines: string[] = [];
  const { isDryRun } = summary;
  const head = isDryRun ? '確認のみ(何も書き込んでいません)。取り込んだ場合:' : '取り込みが終わりました:';
  lines.push(
    `${head} 作成${summary.created}件、更新${summary.updated}件、変更なし${summary.unchanged}件、スキップ${summary.skipped.length}件、失敗${summary.failed.length}件、警告${summary.warnings.length}件。`,
  );
  const { pages } = summary;
  if (pages.created + pages.updated + pages.unchanged > 0) {
    lines.push(`固定ページ: 作成${pages.created}件、更新${pages.updated}件、変更なし${pages.unchanged}件。`);
  }
  if (summary.media.stored + summary.media.missing > 0) {
    lines.push(
      `ファイル: メディアに保存${summary.media.stored}件、見つからないか受け付けなかったもの${summary.media.missing}件(そのリンクは旧サイトのアドレスのままです)。`,
    );
  }
  if (summary.redirects > 0) lines.push(`旧ファイルのアドレスからの転送: ${summary.redirects}件。`);
  if (summary.settings.length > 0) {
    lines.push(`取り込み元から${isDryRun ? '取り込む' : '取り込んだ'}サイト設定(空だった項目): ${summary.settings.join(', ')}。管理画面で確認してください。`);
  }
  const ignored = Object.entries(summary.ignored);
  if (ignored.length > 0) lines.push(`取り込まない種類のもの: ${ignored.map(([what, n]) => `${what} ${n}件`).join('、')}。`);
  if (summary.kept.length > 0) {
    lines.push(
      `前回の取り込みのあと管理画面で変更されたため、そのままにしたもの: ${summary.kept.length}件(置き換えるには --overwrite を付けてもう一度実行してください)。`,
    );
  }
  for (const s of summary.skipped) lines.push(`スキップ  ${s.label}: ${s.reason}`);
  for (const k of summary.kept) lines.push(`そのまま  ${k.label}: ${k.reason}`);
  for (const f of summary.failed) lines.push(`失敗      ${f.label}: ${f.reason}`, ...details(f));
  for (const w of summary.warnings) lines.push(`警告      ${w.label}: ${w.reason}`, ...details(w));
  if (summary.stoppedAt !== undefined) {
    lines.push(`途中で止まりました: ${summary.stoppedAt}`, ...details({ error: summary.stoppedError }));
    lines.push(
      isDryRun
        ? '何も書き込んでいません(確認のみ)。'
        : 'そこまでの項目は取り込み済みで、保存されたままです。ファイルを直してもう一度実行すると残りを取り込みます(取り込み済みの項目は変わりません)。',
    );
  }
  return lines;
}
