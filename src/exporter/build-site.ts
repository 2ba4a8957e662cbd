// `katsudo build`: the public site as files (docs/static-export.md). Every public path is
// rendered by site/ exactly as the server sends it and written where a static host looks
// for it (output-file.ts), with 404.html, the media files, the redirect files and the
// static search index. On a folder built before, the manifest (build-manifest.ts) says what
// was built from which state: when only some reports' own content changed, only their
// pages and the pages linking to them (lists, archives, neighbours, home) are rendered
// again, with the feeds and the sitemap; otherwise every page is rendered. Either way only
// files whose bytes changed are written, through staged-output.ts (no reader sees a partial
// file), and only files of the last build that are no longer public are removed.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diskFullFrom, ValidationError } from '../domain/errors.js';
import { paths } from '../domain/paths.js';
import { listRedirects } from '../actions/site/list-redirects.js';
import { readBuildState, type BuildState } from '../actions/site/read-build-state.js';
import { CLOCK_PATHS, clockShownKey } from '../site/events/load-upcoming.js';
import { listPublicMedia } from '../site/list-public-media.js';
import { listPublicPaths } from '../site/list-public-paths.js';
import { renderNotFoundPage } from '../site/not-found-page.js';
import type { SiteDeps } from '../site/site-deps.js';
import { INDEX_DIR as SEARCH_INDEX_DIR } from './search/client/format.js';
import { searchHeadOfTable } from './search/read-search-head.js';
import { writeSearchIndex, type WriteSearchIndexResult } from './search/write-search-index.js';
import { MANIFEST_FILE, MANIFEST_FORMAT, META_DIR, manifestText, readManifest, type BuildManifest, type BuiltFile } from './build-manifest.js';
import { lockBuildFolder } from './build-lock.js';
import { hostFiles } from './host-files.js';
import { outputDirProblem } from './output-dir-problem.js';
import { outputFile } from './output-file.js';
import { MIN_PATHS_FOR_THREADS, renderOnThreads, type PageThreadOptions } from './page-threads.js';
import type { ThreadPageFile } from './page-render-tasks.js';
import { redirectFiles } from './redirect-files.js';
import { hashOf, renderPageFile, type PageMeta } from './render-page-file.js';
import { StagedOutput } from './staged-output.js';

export interface BuildSiteOptions {
  outDir: string;
  /** Render every page even when the manifest says few changed (`katsudo build --full`). */
  isFullWanted?: boolean;
  /** With the site's database: a build of many paths renders them on worker threads (page-threads.ts). */
  threads?: PageThreadOptions;
}

export interface BuildResult {
  /** first: a new folder; full: every page rendered; partial: the changed reports' pages; unchanged: nothing to do. */
  mode: 'first' | 'full' | 'partial' | 'unchanged';
  /** Pages rendered. */
  rendered: number;
  /** Files written (new or changed), relative to the folder. */
  written: string[];
  /** Files removed. */
  removed: string[];
  /** Files the folder holds for the site now (the manifest's own files aside). */
  files: number;
  /** Worker threads that rendered pages (page-threads.ts); 0: every page on the build's thread. */
  pageThreads: number;
  /** Milliseconds by phase (state, pages, searchLinks, searchIndex, search, media, commit), for bench/build.bench.ts. */
  timings: Record<string, number>;
}

const NOT_FOUND_FILE = '404.html';
const FAVICON_PATH = '/favicon.ico';
const NETLIFY_FILE = '_redirects';
const NGINX_REDIRECTS_FILE = `${META_DIR}/nginx-redirects.conf`;

/**
 * @throws ValidationError for an output folder that is a file, not writable, the data
 *   directory or someone else's folder; BuildInProgressError while another build writes
 *   into it (build-lock.ts); DiskFullError when the disk fills (the folder is left as it was).
 */
export async function buildSite(deps: SiteDeps, options: BuildSiteOptions): Promise<BuildResult> {
  const { outDir } = options;
  const problem = outputDirProblem(outDir, deps.ctx.dataDir);
  if (problem !== undefined) throw new ValidationError(problem, { out: problem });
  let release: () => void;
  try {
    release = lockBuildFolder(outDir);
  } catch (error) {
    // A disk too full for the lock file is a full disk too.
    throw diskFullFrom(error) ?? error;
  }
  try {
    return await buildLocked(deps, options);
  } finally {
    release();
  }
}

async function buildLocked(deps: SiteDeps, options: BuildSiteOptions): Promise<BuildResult> {
  const { outDir } = options;
  const clock = phaseClock();
  const previous = readManifest(outDir);
  // Read before rendering: whatever changes meanwhile differs from it at the next build.
  const state = await readBuildState(deps.ctx);
  const clockKey = await clockShownKey(deps);
  const plan = planBuild(previous, state, clockKey, deps.baseUrl, options.isFullWanted === true);
  clock.end('state');
  if (plan.mode === 'unchanged')
    return { mode: 'unchanged', rendered: 0, written: [], removed: [], files: Object.keys(previous!.files).length, pageThreads: 0, timings: clock.timings };
  const output = new StagedOutput(outDir);
  try {
    const build = new Build(deps, output, previous, { ...state, clockKey }, clock, options.threads);
    if (plan.mode === 'partial') await build.renderSome(plan.paths, plan.reportIds);
    else await build.renderAll();
    await build.copyMedia();
    clock.end('media');
    const removed = build.removedFiles();
    output.write(MANIFEST_FILE, manifestText(build.manifest()));
    output.commit(removed);
    clock.end('commit');
    const files = Object.keys(build.files).length;
    return { mode: plan.mode, rendered: build.rendered, written: build.written, removed, files, pageThreads: build.pageThreads, timings: clock.timings };
  } catch (error) {
    output.abort();
    throw diskFullFrom(error) ?? error;
  }
}

type Plan = { mode: 'first' | 'full' | 'unchanged' } | { mode: 'partial'; paths: Set<string>; reportIds: number[] };

/** Which pages may have changed since `previous` was built from its state and clock. */
function planBuild(previous: BuildManifest | undefined, state: BuildState, clockKey: string, baseUrl: string, isFullWanted: boolean): Plan {
  if (previous === undefined) return { mode: 'first' };
  if (isFullWanted || previous.format !== MANIFEST_FORMAT || previous.baseUrl !== baseUrl || previous.siteKey !== state.siteKey) return { mode: 'full' };
  const built = new Map(Object.entries(previous.reports));
  if (built.size !== state.reports.length) return { mode: 'full' };
  const reportIds: number[] = [];
  for (const report of state.reports) {
    const was = built.get(String(report.id));
    // A report published, unpublished or moved (slug, date, category, tags) shifts lists and archive counts.
    if (was === undefined || was[2] !== report.placementKey) return { mode: 'full' };
    if (was[1] === report.contentKey) continue;
    reportIds.push(report.id);
  }
  // An activity that has started, or a new year, changes the pages that show the clock, without a write.
  const isClockMoved = previous.clockKey !== clockKey;
  // Drafts, accounts and sessions change the content version too, but nothing public.
  if (reportIds.length === 0 && !isClockMoved) return { mode: 'unchanged' };
  // The pages linking to a changed report: a lookup per recorded link, not an index of all
  // 100,000 links (which cost more than the rest of the plan at 10,000 reports).
  const changedIds = new Set(reportIds);
  const again = new Set<string>(state.reports.filter((r) => changedIds.has(r.id)).map((r) => paths.report(r.slug)));
  if (isClockMoved) for (const path of CLOCK_PATHS) again.add(path);
  for (const file of Object.values(previous.files)) {
    if (file.links?.some((id) => changedIds.has(id))) again.add(file.path);
  }
  // Feeds, the sitemap and other non-HTML pages are few and may carry any report.
  for (const file of Object.values(previous.files)) if (file.kind === 'page' && !file.contentType.startsWith('text/html')) again.add(file.path);
  return { mode: 'partial', paths: again, reportIds };
}

/** One build's work: what it rendered and wrote, and the files the folder will hold. */
class Build {
  rendered = 0;
  pageThreads = 0;
  /** Resolves when the search index's threads are stopped (or the index is written without them): their cores are free. */
  private searchThreadsDone?: Promise<unknown>;
  private onSearchThreadsDone = () => {};
  readonly written: string[] = [];
  files: Record<string, BuiltFile> = {};
  private reportIdByPath?: Map<string, number>;

  constructor(
    private readonly deps: SiteDeps,
    private readonly output: StagedOutput,
    private readonly previous: BuildManifest | undefined,
    /** With what the clock decided when the build started (site/events/load-upcoming.ts clockShownKey). */
    private readonly state: BuildState & { clockKey: string },
    private readonly clock: PhaseClock,
    private readonly threads: PageThreadOptions | undefined,
  ) {}

  /**
   * The search index is built while the pages render: its documents are built on worker
   * threads, so on a machine of two cores or more it costs little beside the pages.
   */
  async renderAll(): Promise<void> {
    await this.besideSearch(this.startSearch(), async () => {
      // The search page is rendered once the index is in (besideSearch).
      await this.renderPages((await listPublicPaths(this.deps)).filter((path) => path !== paths.search()));
      this.put(NOT_FOUND_FILE, { path: `/${NOT_FOUND_FILE}`, contentType: 'text/html; charset=utf-8', kind: 'page' }, await renderNotFoundPage(this.deps));
      await this.writeRedirects();
      this.clock.end('pages');
      const served = Object.values(this.files).filter((f) => f.kind === 'page' || f.kind === 'media');
      for (const [file, text] of hostFiles(served)) this.put(file, { path: '', contentType: 'text/plain; charset=utf-8', kind: 'redirect' }, text);
    });
  }

  /** Keeps every page of the last build, then renders `paths` again; the search index only for `reportIds`. */
  async renderSome(pathsAgain: ReadonlySet<string>, reportIds: readonly number[]): Promise<void> {
    await this.besideSearch(this.startSearch({ reports: reportIds }), async () => {
      for (const [file, built] of Object.entries(this.previous!.files)) if (built.kind === 'page' || built.kind === 'redirect') this.files[file] = built;
      await this.renderPages([...pathsAgain].filter((path) => path !== paths.search()));
      this.clock.end('pages');
    });
  }

  /** Runs `pages` while the search index is written, then takes the index in; on a failure, waits for the index to stop writing before the staging folder goes. */
  private async besideSearch(search: Promise<WriteSearchIndexResult>, pages: () => Promise<void>): Promise<void> {
    // The index is taken into the build once written, while pages may still render: this
    // thread mostly waits on the page threads, and reading and hashing the index's files
    // (28 MB at 10,000 reports) is then off the build's tail.
    const adopted = search.then((index) => ({ index, ...this.adoptSearch(index) }));
    // Handled here; a failure of the search is thrown below, once the pages are done.
    adopted.catch(() => undefined);
    // Once the index's threads are done, their cores can render pages (page-threads.ts).
    this.searchThreadsDone = Promise.race([search, new Promise<void>((resolve) => (this.onSearchThreadsDone = resolve))]);
    try {
      await pages();
    } catch (error) {
      await adopted.catch(() => undefined);
      throw error;
    }
    const { index, files, written } = await adopted;
    // Listed after the pages, whenever the index came in: the same build, the same lists and manifest.
    Object.assign(this.files, files);
    this.written.push(...written);
    this.clock.end('search');
    // The search page carries the head of the index just written (its build, how its shards are named:
    // exporter/search/client/search-head.ts).
    await this.renderPage(paths.search(), searchHeadOfTable(index.table));
  }

  async copyMedia(): Promise<void> {
    for (const media of await listPublicMedia(this.deps)) {
      const file = outputFile(media.path);
      if (file === undefined) continue;
      const stats = statSync(media.file);
      const built: BuiltFile = { path: media.path, hash: `${stats.size}-${Math.floor(stats.mtimeMs)}`, contentType: media.contentType, kind: 'media' };
      this.files[file] = built;
      if (this.previous?.files[file]?.hash === built.hash) continue;
      this.output.copy(file, media.file);
      this.written.push(file);
    }
  }

  /** Files of the last build that this one does not hold. */
  removedFiles(): string[] {
    return Object.keys(this.previous?.files ?? {}).filter((file) => this.files[file] === undefined);
  }

  manifest(): BuildManifest {
    const { state } = this;
    return {
      format: MANIFEST_FORMAT,
      baseUrl: this.deps.baseUrl,
      contentVersion: state.contentVersion,
      siteKey: state.siteKey,
      clockKey: state.clockKey,
      reports: Object.fromEntries(state.reports.map((r) => [String(r.id), [r.slug, r.contentKey, r.placementKey]])),
      files: this.files,
      builtAt: this.deps.ctx.now().toISOString(),
    };
  }

  /** On worker threads when there are many (and `threads` says which database they open), else here. */
  private async renderPages(list: readonly string[]): Promise<void> {
    const threads = this.threads;
    if (threads === undefined || list.length < (threads.minPaths ?? MIN_PATHS_FOR_THREADS)) {
      for (const path of list) await this.renderPage(path);
      return;
    }
    const { ctx, ...plain } = this.deps;
    const site = { ...plain, dataDir: ctx.dataDir, nowMs: ctx.now().getTime() };
    const previousHash = (path: string) => {
      const file = outputFile(path);
      return file === undefined ? undefined : this.previous?.files[file]?.hash;
    };
    this.pageThreads = await renderOnThreads(
      { site, stagingDir: this.output.stagingDir, paths: list, previousHash },
      threads,
      (files) => files.forEach((f) => this.takeThreadFile(f)),
      this.searchThreadsDone,
    );
  }

  private async renderPage(path: string, staticIndexHead?: string): Promise<void> {
    const page = await renderPageFile(this.deps, path, staticIndexHead);
    if (page === undefined) return;
    this.rendered++;
    // Gone since it was listed (or built): its file goes too.
    if (page.bytes === undefined) delete this.files[page.file];
    else this.put(page.file, this.withReportIds(page.meta), page.bytes);
  }

  /** A page a thread rendered (and wrote into the staging folder when its bytes changed). */
  private takeThreadFile(page: ThreadPageFile): void {
    if (page === null) return;
    this.rendered++;
    if (page.built === undefined) {
      delete this.files[page.file];
      return;
    }
    this.files[page.file] = { ...this.withReportIds(page.built), hash: page.built.hash };
    if (!page.isWritten) return;
    this.output.adopt(page.file);
    this.written.push(page.file);
  }

  /**
   * The static search index (exporter/search/): a full build writes it whole into the staging
   * folder; an incremental one reads the published index and writes there only the files that
   * change (write-search-index.ts), and adoptSearch takes them into the build.
   */
  private async startSearch(changedReports?: { reports: readonly number[] }): Promise<WriteSearchIndexResult> {
    const started = performance.now();
    // A full index builds its postings and shards on threads of its own (build-index-files.ts).
    const threads = this.threads && { onClosed: () => this.onSearchThreadsDone() };
    const from = this.output.isFresh ? undefined : this.output.outDir;
    const index = await writeSearchIndex(
      this.deps,
      this.output.stagingDir,
      changedReports === undefined ? { threads, from } : { changedIds: changedReports, threads, from },
    );
    this.clock.timings.searchIndex = Math.round(performance.now() - started);
    return index;
  }

  /** The index's files: those the last build left, less those this one replaced or removed, with those it wrote; and which of them to move into place. */
  private adoptSearch(index: WriteSearchIndexResult): { files: Record<string, BuiltFile>; written: string[] } {
    const files: Record<string, BuiltFile> = {};
    const written: string[] = [];
    const isReplaced = (file: string) => index.isWhole && file.startsWith(`${SEARCH_INDEX_DIR}/`);
    for (const [file, built] of Object.entries(this.previous?.files ?? {})) if (built.kind === 'search' && !isReplaced(file)) files[file] = built;
    for (const file of index.removed) delete files[file];
    for (const file of index.written) {
      const before = this.previous?.files[file];
      const hash = hashOf(readFileSync(join(this.output.stagingDir, file)));
      files[file] = { path: `/${file}`, hash, contentType: file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream', kind: 'search' };
      if (before?.hash === hash && !this.output.isFresh) {
        this.output.discard(file);
        continue;
      }
      this.output.adopt(file);
      written.push(file);
    }
    return { files, written };
  }

  private async writeRedirects(): Promise<void> {
    const built = new Set(Object.keys(this.files));
    const isBuilt = (urlPath: string) => {
      const file = outputFile(urlPath);
      return file !== undefined && built.has(file);
    };
    // /favicon.ico answers 301 to the hashed icon, as on the server (docs/static-export.md).
    const favicon = { fromPath: FAVICON_PATH, toPath: this.deps.assets.icon.path };
    const redirects = redirectFiles([...(await listRedirects(this.deps.ctx)), favicon], this.deps.baseUrl, isBuilt);
    const meta = { path: '', contentType: 'text/plain; charset=utf-8', kind: 'redirect' } as const;
    this.put(NETLIFY_FILE, meta, redirects.netlify);
    this.put(NGINX_REDIRECTS_FILE, meta, redirects.nginxMap);
    for (const [file, html] of redirects.pages) this.put(file, { path: `/${file}`, contentType: 'text/html; charset=utf-8', kind: 'redirect' }, html);
  }

  /** A page's entry with the reports it links to as ids (links to other pages, the year archives say, drop out). */
  private withReportIds(meta: PageMeta): Omit<BuiltFile, 'hash'> {
    const { links, ...rest } = meta;
    if (links === undefined) return rest;
    this.reportIdByPath ??= new Map(this.state.reports.map((r) => [paths.report(r.slug), r.id]));
    const ids: number[] = [];
    for (const link of links) {
      const id = this.reportIdByPath.get(link);
      if (id !== undefined) ids.push(id);
    }
    return { ...rest, links: ids };
  }

  /** Records the file and stages it when its bytes differ from the last build's. */
  private put(file: string, meta: Omit<BuiltFile, 'hash'>, body: string | Uint8Array): void {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const hash = hashOf(bytes);
    this.files[file] = { ...meta, hash };
    if (this.previous?.files[file]?.hash === hash) return;
    this.output.write(file, bytes);
    this.written.push(file);
  }
}

interface PhaseClock {
  timings: Record<string, number>;
  end(phase: string): void;
}

function phaseClock(): PhaseClock {
  let at = performance.now();
  const timings: Record<string, number> = {};
  return {
    timings,
    end(phase) {
      const now = performance.now();
      timings[phase] = Math.round(now - at);
      at = now;
    },
  };
}
