import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { unpublishReport } from '../../src/actions/reports/unpublish-report.js';
import { ValidationError } from '../../src/domain/errors.js';
import { paths } from '../../src/domain/paths.js';
import { buildSite } from '../../src/exporter/build-site.js';
import { MANIFEST_FORMAT, readManifest } from '../../src/exporter/build-manifest.js';
import { checkSite } from '../../src/exporter/check-site.js';
import { runStaticSearch } from '../../src/exporter/search/client/run-static-search.js';
import { INDEX_VERSION, textShard, type DocTable } from '../../src/exporter/search/client/format.js';
import { encodeJson } from '../../src/exporter/search/encode-index-file.js';
import { decodeJson, openIndexDir, readIndexFile } from '../../src/exporter/search/open-index-dir.js';
import { readSearchHead } from '../../src/exporter/search/read-search-head.js';
import { listPublicPaths } from '../../src/site/list-public-paths.js';
import { renderPublicPath } from '../../src/site/render-public-path.js';
import { BASE_URL, demoExportFixture, editReport, filesOf, firstPublished, hashesOf, type ExportFixture } from './export-fixture.js';

let fx: ExportFixture;
before(async () => {
  fx = await demoExportFixture();
});
after(() => fx.cleanup());

/**
 * Meta files, the search index (its own tests compare it) and the search page, which carries
 * the index's head (an incremental build's index has a delta), aside, two builds of one state are equal.
 */
const COMPARED_SKIP = ['.katsudo', 'search-index', 'search.html'];

/** The search page as rendered with the head of the index beside it. */
async function searchPageOf(out: string): Promise<Buffer> {
  const page = await renderPublicPath(fx.deps, paths.search(), { staticSearch: true, staticIndexHead: await readSearchHead(join(out, 'search-index')) });
  assert.equal(page.kind, 'page');
  return Buffer.from(page.kind === 'page' ? (page.body as string) : '');
}

/** The folder holds what a build into a new folder writes now. */
async function assertSameAsNewBuild(out: string): Promise<void> {
  const fresh = join(fx.tempDir(), 'fresh');
  await buildSite(fx.deps, { outDir: fresh });
  assert.deepEqual(hashesOf(out, COMPARED_SKIP), hashesOf(fresh, COMPARED_SKIP));
  assert.deepEqual(readFileSync(join(out, 'search.html')), await searchPageOf(out), 'the search page carries the head of its own index');
}

test('writes every public path as a file with the bytes renderPublicPath gives, plus 404.html', async () => {
  const out = join(fx.tempDir(), 'site');
  const result = await buildSite(fx.deps, { outDir: out });
  assert.equal(result.mode, 'first');
  // The search page carries the head of the index written beside it.
  const staticIndexHead = await readSearchHead(join(out, 'search-index'));
  for (const path of await listPublicPaths(fx.deps)) {
    const page = await renderPublicPath(fx.deps, path, path === paths.search() ? { staticSearch: true, staticIndexHead } : {});
    assert.equal(page.kind, 'page', path);
    if (page.kind !== 'page') continue;
    const file = path.endsWith('/') ? `${path}index.html` : path === '/search' ? '/search.html' : path;
    assert.deepEqual(readFileSync(join(out, ...file.split('/').map(decodeURIComponent))), Buffer.from(page.body), path);
  }
  assert.match(readFileSync(join(out, '404.html'), 'utf8'), /<html lang="ja"/);
  assert.ok(readManifest(out), 'the manifest is written');
  assert.deepEqual(checkSite(out, BASE_URL).broken, []);
});

test('a second build with nothing changed writes nothing', async () => {
  const out = join(fx.tempDir(), 'site');
  await buildSite(fx.deps, { outDir: out });
  const before = filesOf(out);
  const result = await buildSite(fx.deps, { outDir: out });
  assert.equal(result.mode, 'unchanged');
  assert.deepEqual(filesOf(out), before);
});

test('after one edited report only the files whose bytes change are rewritten, and the folder equals a new build', async () => {
  const out = join(fx.tempDir(), 'site');
  await buildSite(fx.deps, { outDir: out });
  const before = filesOf(out);
  const target = await firstPublished(fx);
  await editReport(fx, target.id, () => ({ title: '表題を直した報告' }));
  const result = await buildSite(fx.deps, { outDir: out });
  assert.equal(result.mode, 'partial');
  const now = filesOf(out);
  const changed = [...now].filter(([file, state]) => before.get(file)?.hash !== state.hash).map(([file]) => file);
  const touched = [...now].filter(([file, state]) => before.get(file)?.mtimeMs !== state.mtimeMs).map(([file]) => file);
  assert.ok(changed.includes(`activity/${target.slug}/index.html`));
  assert.ok(changed.includes('feed.xml') && changed.includes('index.html'), 'feeds and the home page list it');
  // No file is rewritten with the bytes it had (the manifest itself aside).
  assert.deepEqual(touched.filter((f) => f !== '.katsudo/build.json').sort(), changed.filter((f) => f !== '.katsudo/build.json').sort());
  assert.ok(result.rendered < (await listPublicPaths(fx.deps)).length / 2, `rendered ${result.rendered} pages`);
  await assertSameAsNewBuild(out);
});

const tableOf = async (out: string) => decodeJson<DocTable>((await readIndexFile(join(out, 'search-index', 'docs.dat')))!);

/** The search index's folder holds exactly the files its doc table names and the manifest lists, and answers as the index of a new build does. */
async function assertIndexAsNewBuild(out: string, queries: readonly string[]): Promise<void> {
  const table = await tableOf(out);
  const named = [
    'docs',
    table.names,
    ...(table.dictionary ? [table.dictionary] : []),
    ...(table.delta ? [table.delta.file] : []),
    ...(table.superseded ?? []),
    ...table.shards,
    ...new Set(table.reports.map(([id]) => textShard(id))),
  ];
  const held = readdirSync(join(out, 'search-index')).sort();
  assert.deepEqual(held, [...new Set(named)].map((name) => `${name}.dat`).sort());
  const listed = Object.keys(readManifest(out)!.files).filter((file) => file.startsWith('search-index/'));
  assert.deepEqual(
    held.map((name) => `search-index/${name}`),
    listed.sort(),
  );
  const fresh = join(fx.tempDir(), 'fresh');
  await buildSite(fx.deps, { outDir: fresh });
  const answers = async (dir: string) => {
    const index = await openIndexDir(join(dir, 'search-index'));
    return Promise.all(queries.map((q) => runStaticSearch(index, { q, page: 1 })));
  };
  assert.deepEqual(await answers(out), await answers(fresh));
}

test('incremental builds take the search index from the published folder: each writes its delta, the one before last goes', async () => {
  const out = join(fx.tempDir(), 'site');
  await buildSite(fx.deps, { outDir: out });
  const target = await firstPublished(fx);
  const deltas: string[] = [];
  for (const title of ['一度目に直した索引の表題', '二度目に直した索引の表題', '三度目に直した索引の表題']) {
    await editReport(fx, target.id, () => ({ title }));
    const result = await buildSite(fx.deps, { outDir: out });
    assert.equal(result.mode, 'partial');
    const { delta } = await tableOf(out);
    assert.ok(
      delta && result.written.includes(`search-index/${delta.file}.dat`) && result.written.includes('search-index/docs.dat'),
      'the delta and the doc table are written',
    );
    deltas.push(delta.file);
  }
  const names = readdirSync(join(out, 'search-index'));
  assert.ok(!names.includes(`${deltas[0]}.dat`), 'the first delta is gone two builds later');
  assert.ok(names.includes(`${deltas[1]}.dat`) && names.includes(`${deltas[2]}.dat`), 'the last table’s delta and the one it replaced stay');
  await assertIndexAsNewBuild(out, ['三度目', '索引の表題', '一度目', '活動']);
});

test('an index the update cannot take (an older format) is written afresh by an incremental build, without a stale file', async () => {
  const out = join(fx.tempDir(), 'site');
  await buildSite(fx.deps, { outDir: out });
  const table = await tableOf(out);
  writeFileSync(join(out, 'search-index', 'docs.dat'), encodeJson({ ...table, v: INDEX_VERSION - 1 }));
  const target = await firstPublished(fx);
  await editReport(fx, target.id, () => ({ title: '形式の古い索引のあとの表題' }));
  const result = await buildSite(fx.deps, { outDir: out });
  assert.equal(result.mode, 'partial');
  const now = await tableOf(out);
  assert.equal(now.v, INDEX_VERSION);
  assert.equal(now.delta, undefined, 'a whole index has no delta');
  assert.ok(result.written.includes('search-index/docs.dat'));
  await assertIndexAsNewBuild(out, ['形式の古い', '表題', '活動']);
});

test('a folder built by an older katsudo (manifest format 1) is built again in full, its files no longer built removed', async () => {
  const out = join(fx.tempDir(), 'site');
  await buildSite(fx.deps, { outDir: out });
  const current = readManifest(out)!;
  mkdirSync(join(out, 'activity', 'withdrawn-long-ago'));
  writeFileSync(join(out, 'activity', 'withdrawn-long-ago', 'index.html'), '<p>old</p>');
  const files = {
    ...current.files,
    'activity/withdrawn-long-ago/index.html': { path: '/activity/withdrawn-long-ago/', hash: 'x', contentType: 'text/html; charset=utf-8', kind: 'page' },
  };
  writeFileSync(join(out, '.katsudo', 'build.json'), JSON.stringify({ ...current, format: 1, files }));
  const result = await buildSite(fx.deps, { outDir: out });
  assert.equal(result.mode, 'full');
  assert.equal(existsSync(join(out, 'activity', 'withdrawn-long-ago')), false);
  assert.equal(readManifest(out)?.format, MANIFEST_FORMAT);
  await assertSameAsNewBuild(out);
});

test('an unpublished report’s files are removed and the folder equals a new build', async () => {
  const out = join(fx.tempDir(), 'site');
  await buildSite(fx.deps, { outDir: out });
  const target = await firstPublished(fx);
  const file = join(out, 'activity', target.slug, 'index.html');
  assert.ok(existsSync(file));
  await unpublishReport(fx.site, fx.team.editor, { reportId: target.id });
  const result = await buildSite(fx.deps, { outDir: out });
  assert.equal(result.mode, 'full');
  assert.equal(existsSync(file), false);
  assert.equal(existsSync(join(out, 'activity', target.slug)), false, 'its folder goes too');
  assert.ok(result.removed.includes(`activity/${target.slug}/index.html`));
  await assertSameAsNewBuild(out);
});

test('--check finds a link to a file the folder lacks', async () => {
  const out = join(fx.tempDir(), 'site');
  await buildSite(fx.deps, { outDir: out });
  mkdirSync(join(out, 'extra'));
  writeFileSync(
    join(out, 'extra', 'index.html'),
    '<a href="/activity/no-such-report/">x</a><template data-template="x"><a href="/in-a-template/">inert</a></template><img src="https://www.example.jp/media/none.png" alt="">',
  );
  const broken = checkSite(out, BASE_URL).broken;
  assert.deepEqual(broken, [
    { file: 'extra/index.html', href: '/activity/no-such-report/' },
    { file: 'extra/index.html', href: 'https://www.example.jp/media/none.png' },
  ]);
});

test('refuses an output folder that is a file, the data directory, or someone else’s folder, writing nothing', async () => {
  const dir = fx.tempDir();
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  await assert.rejects(buildSite(fx.deps, { outDir: file }), (e: unknown) => e instanceof ValidationError && /ファイルです/.test(e.message));
  await assert.rejects(buildSite(fx.deps, { outDir: fx.site.dataDir }), (e: unknown) => e instanceof ValidationError && /データディレクトリ/.test(e.message));
  await assert.rejects(buildSite(fx.deps, { outDir: join(fx.site.dataDir, 'public') }), ValidationError);
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'notes.txt'), 'mine');
  await assert.rejects(buildSite(fx.deps, { outDir: join(dir, 'docs') }), (e: unknown) => e instanceof ValidationError && /空でなく/.test(e.message));
  assert.deepEqual(hashesOf(join(dir, 'docs')), { 'notes.txt': hashesOf(join(dir, 'docs'))['notes.txt'] });
  assert.equal(existsSync(join(fx.site.dataDir, 'public')), false);
});
