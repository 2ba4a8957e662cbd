// An incremental build of the static index (changed report and page ids) writes only the
// files the changed items touch, and leaves the index exactly as a full build of the site
// as it now is would write it: same shards and texts byte for byte, same doc table.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { transitionPage } from '../../../src/actions/pages/page-transition.js';
import { savePage } from '../../../src/actions/pages/save-page.js';
import { saveReport } from '../../../src/actions/reports/save-report.js';
import { trashReport } from '../../../src/actions/reports/trash-report.js';
import type { DocTable } from '../../../src/exporter/search/client/format.js';
import { decodeJson, readIndexFile } from '../../../src/exporter/search/open-index-dir.js';
import { writeSearchIndex } from '../../../src/exporter/search/write-search-index.js';
import { findEditableReport } from '../../../src/store/reports.js';
import { addAuthor } from '../../support/authors.js';
import { createTestSite, type TestSite } from '../../support/db.js';
import { publishReport } from '../../support/factories.js';
import { buildSearchCorpus } from '../../support/search-corpus.js';

let site: TestSite;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-static-index-'));
  dirs.push(dir);
  return dir;
};

before(async () => {
  site = await createTestSite();
  await buildSearchCorpus(site, 60);
});
after(async () => {
  await site.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every file of the index, decompressed; the doc table with categories by slug (their order is the build's). */
async function indexContents(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const indexDir = join(dir, 'search-index');
  for (const name of readdirSync(indexDir).sort()) {
    const bytes = (await readIndexFile(join(indexDir, name)))!;
    if (name !== 'docs.dat') {
      out.set(name, Buffer.from(bytes).toString('base64'));
      continue;
    }
    const table = decodeJson<DocTable>(bytes);
    const reports = table.reports.map((r) => [...r.slice(0, 5), r[5] < 0 ? null : table.categories[r[5]]]);
    out.set(name, JSON.stringify({ ...table, categories: [...table.categories].sort(), reports }));
  }
  return out;
}

test('an edited report rewrites only the files it touches; with an added, a trashed report and a new page the index is the full build\'s', async () => {
  const dir = tempDir();
  await writeSearchIndex({ ctx: site }, dir);
  const files = () => new Map(readdirSync(join(dir, 'search-index')).map((name) => [name, statSync(join(dir, 'search-index', name)).ino]));
  const before = files();

  const owner = await addAuthor(site, 'owner', 'owner');
  const edited = (await findEditableReport(site.db, 3))!;
  await saveReport(site, owner, {
    reportId: edited.id, expectedVersion: edited.version, title: '鰆の漁港を視察', activityDate: edited.activityDate, categoryId: edited.category?.id ?? null,
    tags: [], slug: edited.slug, summary: '', bodySource: '鰆の水揚げを視察し、漁協と意見を交わした。',
  });
  const result = await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: [edited.id] } });
  // Only the files listed as written were replaced; the others are the very same files.
  const written = new Set(result.written.filter((p) => p.startsWith('search-index/')).map((p) => p.slice('search-index/'.length)));
  const now = files();
  for (const [name, inode] of before) if (!written.has(name) && now.has(name)) assert.equal(now.get(name), inode, `${name} was rewritten`);
  assert.ok(written.has('docs.dat'));
  assert.ok(written.size < now.size / 2, `${written.size} of ${now.size} files written`);

  const added = await publishReport(site, { title: '新しい報告', bodySource: '蕨市で子育て支援の現場を訪ねた。', activityDate: '2024-02-02', categorySlug: 'local' });
  await trashReport(site, owner, { reportId: 5 });
  const page = await savePage(site, owner, { title: '事務所案内', slug: 'office', parentId: null, position: 0, summary: '', bodySource: '事務所は駅前にあります。' });
  await transitionPage(site, owner, 'publish', { pageId: page.id });
  await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: [added.id, 5], pages: [page.id] } });

  const full = tempDir();
  await writeSearchIndex({ ctx: site }, full);
  assert.deepEqual(await indexContents(dir), await indexContents(full));
  // Nothing changed: nothing written.
  const again = await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: [edited.id] } });
  assert.deepEqual(again.written, []);
  // No temporary file is left behind.
  assert.deepEqual(readdirSync(join(dir, 'search-index')).filter((name) => name.includes('.tmp')), []);
  assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('.')), []);
});

test('a full build replaces the index as a whole', async () => {
  const dir = tempDir();
  await writeSearchIndex({ ctx: site }, dir);
  const first = readFileSync(join(dir, 'search-index', 'docs.dat'));
  await writeSearchIndex({ ctx: site }, dir);
  assert.deepEqual(readFileSync(join(dir, 'search-index', 'docs.dat')), first);
  assert.deepEqual(readdirSync(dir).sort(), ['assets', 'search-index']);
});
