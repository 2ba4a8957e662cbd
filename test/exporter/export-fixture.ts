// A demo site and what the static export tests need around it: SiteDeps as `katsudo build`
// makes them, the folder's files by hash, and a temp folder per test.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveReport, type ReportFields } from '../../src/actions/reports/save-report.js';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import type { SiteDeps } from '../../src/site/site-deps.js';
import { loadAssets } from '../../src/web/assets.js';
import { getEditableReport, listReportsForAdmin } from '../../src/store/reports.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';

export const BASE_URL = 'https://www.example.jp';

export interface ExportFixture {
  site: TestSite;
  deps: SiteDeps;
  team: Team;
  /** A new temp folder (removed by cleanup). */
  tempDir: () => string;
  cleanup: () => Promise<void>;
}

export async function demoExportFixture(): Promise<ExportFixture> {
  const site = await createTestSite();
  await seedDemoIfEmpty(site);
  const team = await addTeam(site);
  return siteFixture(site, team);
}

export function siteFixture(site: TestSite, team: Team): ExportFixture {
  const assets = loadAssets();
  const temps: string[] = [];
  return {
    site,
    team,
    deps: { ctx: site, baseUrl: BASE_URL, assets: { css: assets.css, icon: assets.icon } },
    tempDir: () => {
      const dir = mkdtempSync(join(tmpdir(), 'katsudo-export-'));
      temps.push(dir);
      return dir;
    },
    cleanup: async () => {
      for (const dir of temps) rmSync(dir, { recursive: true, force: true });
      await site.cleanup();
    },
  };
}

/** The newest published report of the demo site. */
export async function firstPublished(fx: ExportFixture) {
  const [item] = (await listReportsForAdmin(fx.site.db, { status: 'published' }, { offset: 0, limit: 1 })).items;
  return getEditableReport(fx.site.db, item!.id);
}

/** Saves the report with `changes` over its current fields, as the editor's form does. */
export async function editReport(fx: ExportFixture, id: number, changes: (r: ReportFields) => Partial<ReportFields>): Promise<void> {
  const r = await getEditableReport(fx.site.db, id);
  const fields: ReportFields = {
    title: r.title,
    activityDate: r.activityDate,
    categoryId: r.category?.id ?? null,
    tags: r.tags,
    slug: r.slug,
    summary: r.summary,
    bodySource: r.bodySource,
  };
  await saveReport(fx.site, fx.team.editor, { reportId: id, expectedVersion: r.version, ...fields, ...changes(fields) });
}

export interface FileState {
  hash: string;
  mtimeMs: number;
}

/** Every file under `dir` (relative, '/'-separated) with its hash and mtime; `skip` drops top-level folders. */
export function filesOf(dir: string, skip: readonly string[] = []): Map<string, FileState> {
  const out = new Map<string, FileState>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (rel === '' && skip.includes(entry.name)) continue;
      if (entry.isDirectory()) walk(child);
      else {
        const path = join(dir, child);
        out.set(child, { hash: createHash('sha256').update(readFileSync(path)).digest('hex'), mtimeMs: statSync(path).mtimeMs });
      }
    }
  };
  walk('');
  return out;
}

/** Only the hashes: two folders with the same files compare equal. */
export function hashesOf(dir: string, skip: readonly string[] = []): Record<string, string> {
  return Object.fromEntries([...filesOf(dir, skip)].map(([file, state]) => [file, state.hash]).sort());
}
