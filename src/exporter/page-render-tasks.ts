// The page threads' task, given to the work pool as extra tasks (work-pool.ts
// `extraTasksUrl`): a build of many paths renders them in chunks on worker threads, each
// with its own read-only connection. A thread writes each changed file into the staging
// folder itself and hands back only the manifest entries, so the build's thread neither
// renders nor writes the pages. scripts/build.mjs bundles this file as its own entry.
import { inlinePool } from '../actions/runtime/work-pool.js';
import type { TaskEnv } from '../actions/runtime/tasks.js';
import { diskFullFrom } from '../domain/errors.js';
import { atOneContentVersion } from '../site/content-memo.js';
import type { SiteAsset, SiteDeps } from '../site/site-deps.js';
import { hashOf, renderPageFile, type PageMeta } from './render-page-file.js';
import { writeStagedFile } from './staged-output.js';

/** SiteDeps as they cross to a thread: the action context becomes plain values, the connection is the thread's own. */
export type ThreadSite = Omit<SiteDeps, 'ctx'> & {
  dataDir: string;
  /** The build's clock, read once when it started: every thread renders at the same time. */
  nowMs: number;
};

export interface PageChunk {
  site: ThreadSite;
  stagingDir: string;
  /** Each path with its file's hash in the last build (written only when the bytes differ). */
  paths: Array<[path: string, previousHash: string | undefined]>;
}

/** A rendered path; `built` undefined when it is no page now (its file goes). Null: the path can be no file. */
export type ThreadPageFile = { file: string; built?: PageMeta & { hash: string }; isWritten: boolean } | null;

export const TASKS = {
  renderPages: async (chunk: PageChunk, env: TaskEnv): Promise<ThreadPageFile[]> => {
    const deps = siteDeps(chunk.site, env);
    const out: ThreadPageFile[] = [];
    try {
      // The thread's own connection: the chunk's pages share one read of the content version.
      await atOneContentVersion(env.db, () => renderChunk(chunk, deps, out));
    } catch (error) {
      // ENOSPC's code does not survive the thread boundary; DISK_FULL does (an AppError's code).
      throw diskFullFrom(error) ?? error;
    }
    return out;
  },
};

async function renderChunk(chunk: PageChunk, deps: SiteDeps, out: ThreadPageFile[]): Promise<void> {
  for (const [path, previousHash] of chunk.paths) {
    const page = await renderPageFile(deps, path);
    if (page?.bytes === undefined) {
      out.push(page === undefined ? null : { file: page.file, isWritten: false });
      continue;
    }
    const built = { ...page.meta, hash: hashOf(page.bytes) };
    const isWritten = built.hash !== previousHash;
    if (isWritten) writeStagedFile(chunk.stagingDir, page.file, page.bytes);
    out.push({ file: page.file, built, isWritten });
  }
}

function siteDeps({ dataDir, nowMs, ...site }: ThreadSite, env: TaskEnv): SiteDeps {
  // A Buffer arrives as a plain Uint8Array.
  const asset = (a: SiteAsset): SiteAsset => ({ ...a, body: Buffer.from(a.body.buffer, a.body.byteOffset, a.body.byteLength) });
  return {
    ...site,
    ctx: { db: env.db, dataDir, now: () => new Date(nowMs), work: inlinePool(env.db) },
    assets: { css: asset(site.assets.css), icon: asset(site.assets.icon) },
  };
}
