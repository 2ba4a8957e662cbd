// An incremental build of the static index (changed report and page ids) writes the changed
// documents' postings into one delta file, their text files and the doc table, and never a
// shard; the index then answers every query exactly as a full build of the site as it now is.
// A delta past its limit makes the build write the index afresh.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { transitionPage } from '../../../src/actions/pages/page-transition.js';
import { savePage } from '../../../src/actions/pages/save-page.js';
import { saveReport } from '../../../src/actions/reports/save-report.js';
import { trashReport } from '../../../src/actions/reports/trash-report.js';
import { runStaticSearch } from '../../../src/exporter/search/client/run-static-search.js';
import { DELTA_LIMIT, INDEX_VERSION, ReportNames, textShard, type DocTable, type ReportText } from '../../../src/exporter/search/client/format.js';
import { encodeJson } from '../../../src/exporter/search/encode-index-file.js';
import { decodeJson, openIndexDir, readIndexFile } from '../../../src/exporter/search/open-index-dir.js';
import { writeSearchIndex } from '../../../src/exporter/search/write-search-index.js';
import { findEditableReport } from '../../../src/store/reports.js';
import { addAuthor } from '../../support/authors.js';
import { createTestSite, type TestSite } from '../../support/db.js';
import { record, storeRecord } from '../../support/public-records.js';
import { publishReport } from '../../support/factories.js';
import { buildSearchCorpus, type SearchCorpus } from '../../support/search-corpus.js';
import { staticQueries, type StaticQuery } from './static-search-site.js';

let site: TestSite;
let corpus: SearchCorpus;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-static-index-'));
  dirs.push(dir);
  return dir;
};

before(async () => {
  site = await createTestSite();
  corpus = await buildSearchCorpus(site, 60);
});
after(async () => {
  await site.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const indexFiles = (dir: string) => new Map(readdirSync(join(dir, 'search-index')).map((name) => [name, statSync(join(dir, 'search-index', name)).ino]));
const tableOf = async (dir: string) => decodeJson<DocTable>((await readIndexFile(join(dir, 'search-index', 'docs.dat')))!);

/** A full build of `of`'s index in a new temp dir. */
async function fullIndexOf(of: TestSite): Promise<string> {
  const dir = tempDir();
  await writeSearchIndex({ ctx: of }, dir);
  return dir;
}

/** The outcome of every query over the index in `dir`. */
async function answers(dir: string, queries: StaticQuery[]): Promise<unknown[]> {
  const index = await openIndexDir(join(dir, 'search-index'));
  return Promise.all(queries.map((q) => runStaticSearch(index, { q: q.q, year: q.year, category: q.category, kind: q.kind, activity: q.activity, page: q.page ?? 1 })));
}

let ownerId: Awaited<ReturnType<typeof addAuthor>> | undefined;
const owner = async () => (ownerId ??= await addAuthor(site, 'owner', 'owner'));

async function editReport(id: number, title: string, bodySource: string): Promise<void> {
  const report = (await findEditableReport(site.db, id))!;
  await saveReport(site, await owner(), {
    reportId: report.id,
    expectedVersion: report.version,
    title,
    activityDate: report.activityDate,
    categoryId: report.category?.id ?? null,
    tags: [],
    slug: report.slug,
    summary: '',
    bodySource,
  });
}

test('edits go into one delta file, no shard is rewritten, and the index answers as a full build does', async () => {
  // 'port' only inside a word here, three times: above report 3's one 'port' by bm25, below it
  // once the delta's edge symbols say it stands as a word there.
  await publishReport(site, { title: '港の話', bodySource: 'portportport の話。', activityDate: '2024-01-05' });
  const dir = tempDir();
  await writeSearchIndex({ ctx: site }, dir);
  const oldNames = (await tableOf(dir)).names;
  const before = indexFiles(dir);
  const fiveText = corpus.reports.find((r) => r.id === 5)!.bodyText;

  await editReport(3, '鰆の漁港を視察', '鰆の水揚げを視察し、漁協と意見を交わした。');
  const result = await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: [3] } });
  const written = result.written
    .filter((p) => p.startsWith('search-index/'))
    .map((p) => p.slice('search-index/'.length))
    .sort();
  // The title changed: a names file of a new name; the old one stays for a reader of the previous table.
  const { names } = await tableOf(dir);
  assert.notEqual(names, oldNames);
  assert.deepEqual(written, ['d1.dat', 'docs.dat', `${names}.dat`, 'x0.dat'].sort());
  assert.deepEqual(result.removed, []);
  const now = indexFiles(dir);
  for (const [name, inode] of before) if (!['docs.dat', 'x0.dat'].includes(name)) assert.equal(now.get(name), inode, `${name} was rewritten`);
  assert.deepEqual((await tableOf(dir)).delta, { file: 'd1', keys: [6] });
  assert.deepEqual((await tableOf(dir)).superseded, [oldNames]);
  // The new title is what the results list.
  const listed = await runStaticSearch(await openIndexDir(join(dir, 'search-index')), { q: '鰆', page: 1 });
  assert.deepEqual(listed.kind === 'found' && listed.results?.items.map((i) => [i.id, i.title]), [[3, '鰆の漁港を視察']]);

  // The body alone changed: the names file stays as it is.
  await editReport(3, '鰆の漁港を視察', '鰆の水揚げを視察し、漁協と意見を交わした。漁港も見た。');
  const bodyOnly = await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: [3] } });
  assert.ok(!bodyOnly.written.some((p) => p.includes(names)));
  assert.equal((await tableOf(dir)).names, names);
  // The files the table before last named go now; the last table's delta stays one build.
  assert.deepEqual(bodyOnly.removed, [`search-index/${oldNames}.dat`]);
  assert.ok(!indexFiles(dir).has(`${oldNames}.dat`));
  assert.deepEqual((await tableOf(dir)).superseded, ['d1']);

  // A second edit of the same report, an added and a trashed report, a new page: one new delta holds them all, the old one goes.
  await editReport(3, '鰆と鯛の漁港を視察', '鯛の水揚げも視察した。port の話も出た。');
  const added = await publishReport(site, { title: '新しい報告', bodySource: '蕨市で子育て支援の現場を訪ねた。', activityDate: '2024-02-02', categorySlug: 'local' });
  const who = await owner();
  await trashReport(site, who, { reportId: 5 });
  const page = await savePage(site, who, { title: '事務所案内', slug: 'office', parentId: null, position: 0, summary: '', bodySource: '事務所は駅前にあります。' });
  await transitionPage(site, who, 'publish', { pageId: page.id });
  const second = await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: [3, added.id, 5], pages: [page.id] } });
  assert.deepEqual(second.removed, ['search-index/d1.dat']);
  assert.ok(!indexFiles(dir).has('d1.dat'));
  assert.ok(indexFiles(dir).has('d2.dat') && indexFiles(dir).has(`${names}.dat`), 'the previous delta and names stay one build');
  assert.deepEqual((await tableOf(dir)).delta?.file, 'd3');

  const full = tempDir();
  await writeSearchIndex({ ctx: site }, full);
  assert.equal((await tableOf(full)).delta, undefined);
  assert.equal((await tableOf(dir)).names, (await tableOf(full)).names, 'the names file a full build writes');
  const queries: StaticQuery[] = [
    ...staticQueries(corpus, 120),
    ...['鰆', '鰆の漁港', '鯛', '漁港', '蕨市', '子育て', '事務所', '駅前', '視察', 'port'].map((q) => ({ q })),
    { q: '事務所', kind: 'page' },
    { q: fiveText.slice(10, 14) },
    { q: fiveText.slice(0, 1) },
  ];
  assert.deepEqual(await answers(dir, queries), await answers(full, queries));
  const port = await runStaticSearch(await openIndexDir(join(dir, 'search-index')), { q: 'port', page: 1 });
  assert.equal(port.kind === 'found' && port.results?.items[0]?.id, 3, 'the word in the delta ranks first');

  // Nothing changed: nothing written.
  const again = await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: [3] } });
  assert.deepEqual(again.written, []);
  // No temporary file is left behind.
  assert.deepEqual(
    readdirSync(join(dir, 'search-index')).filter((name) => name.includes('.tmp')),
    [],
  );
  assert.deepEqual(
    readdirSync(dir).filter((name) => name.startsWith('.')),
    [],
  );
});

test('a record confirmed or changed since the last build: the incremental index finds the report by its kind, as a full build does', async () => {
  const dir = tempDir();
  const [first, second] = corpus.published;
  await storeRecord(site, first!.id, record({ kind: '視察' }));
  await writeSearchIndex({ ctx: site }, dir);
  const term = first!.title.slice(0, 2);
  const kindQueries: StaticQuery[] = ['視察', '本会議', '会談・協議'].flatMap((activity) => [
    { q: term, activity },
    { q: second!.title.slice(0, 2), activity },
  ]);
  const found = async (activity: string, q = term) => {
    const outcome = await runStaticSearch(await openIndexDir(join(dir, 'search-index')), { q, activity, page: 1 });
    return outcome.kind === 'found' ? (outcome.results?.items.map((i) => i.id) ?? []) : [];
  };
  assert.ok((await found('視察')).includes(first!.id));
  assert.ok(!(await found('本会議')).includes(first!.id));

  // Its kind changed, another report's record confirmed (an unconfirmed proposal is found by no kind).
  await storeRecord(site, first!.id, record({ kind: '本会議' }));
  await storeRecord(site, second!.id, record({ kind: '会談・協議' }), false);
  await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: [first!.id, second!.id] } });
  assert.ok((await found('本会議')).includes(first!.id));
  assert.ok(!(await found('視察')).includes(first!.id));
  assert.ok(!(await found('会談・協議', second!.title.slice(0, 2))).includes(second!.id));
  await storeRecord(site, second!.id, record({ kind: '会談・協議' }));
  await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: [second!.id] } });
  assert.ok((await found('会談・協議', second!.title.slice(0, 2))).includes(second!.id));
  assert.ok((await tableOf(dir)).delta, 'written as a delta');

  const full = tempDir();
  await writeSearchIndex({ ctx: site }, full);
  assert.deepEqual(await answers(dir, kindQueries), await answers(full, kindQueries));
});

test(`a delta of more than ${DELTA_LIMIT.documents} documents makes the build write the index afresh`, async () => {
  const dir = tempDir();
  await writeSearchIndex({ ctx: site }, dir);
  const ids: number[] = [];
  for (let i = 0; i <= DELTA_LIMIT.documents; i++)
    ids.push((await publishReport(site, { title: `追加の報告${i}`, bodySource: `鯖江市で${i}件目の相談を受けた。`, activityDate: '2024-03-03' })).id);
  await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: ids.slice(0, 1) } });
  assert.ok((await tableOf(dir)).delta);
  await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: ids } });
  assert.equal((await tableOf(dir)).delta, undefined);
  assert.deepEqual(
    [...indexFiles(dir).keys()].filter((name) => /^d\d/.test(name)),
    [],
  );
  const full = tempDir();
  await writeSearchIndex({ ctx: site }, full);
  const queries = [{ q: '鯖江市' }, { q: '追加の報告' }, { q: '相談' }];
  assert.deepEqual(await answers(dir, queries), await answers(full, queries));
});

test('an index of format 5 (word shards, no edge symbols) is written afresh, not given a delta', async () => {
  const dir = tempDir();
  await writeSearchIndex({ ctx: site }, dir);
  const table = await tableOf(dir);
  writeFileSync(join(dir, 'search-index', 'docs.dat'), encodeJson({ ...table, v: 5, wordBuckets: 512 }));
  const [id] = table.reports[0]!;
  const report = (await findEditableReport(site.db, id))!;
  await editReport(id, report.title, `${report.bodySource}\n\n鰯の話。`);
  await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: [id] } });
  const rewritten = await tableOf(dir);
  assert.equal(rewritten.v, INDEX_VERSION);
  assert.equal(rewritten.delta, undefined);
  assert.ok(!('wordBuckets' in rewritten));
});

/** An index of the site, then its first report retitled and the index written again (fully, or incrementally with `isIncremental`). */
async function retitledFirstReport(isIncremental: boolean) {
  const dir = tempDir();
  await writeSearchIndex({ ctx: site }, dir);
  const first = await tableOf(dir);
  const [id] = first.reports[0]!;
  const report = (await findEditableReport(site.db, id))!;
  const build = () => writeSearchIndex({ ctx: site }, dir, isIncremental ? { changedIds: { reports: [id] } } : {});
  await editReport(id, `${report.title}(改題)`, report.bodySource);
  await build();
  /** The title back as it was, and the index written again. */
  const restore = async () => {
    await editReport(id, report.title, report.bodySource);
    return build();
  };
  return { dir, first, second: await tableOf(dir), report, restore };
}

test("a doc table never reads another build's names: the names file is named by its content", async () => {
  const { dir, first, second, report, restore } = await retitledFirstReport(false);
  assert.notEqual(second.names, first.names);
  assert.ok(!indexFiles(dir).has(`${first.names}.dat`), "the older build's names file is gone with it");
  const names = new ReportNames((await readIndexFile(join(dir, 'search-index', `${second.names}.dat`)))!);
  assert.equal(names.at(0)![1], `${report.title}(改題)`);
  // The title back as it was: the first build's names again, under the first build's name.
  await restore();
  assert.equal((await tableOf(dir)).names, first.names);
});

test('an incremental build back to the names file it superseded keeps that file and supersedes the other', async () => {
  const { dir, first, second, restore } = await retitledFirstReport(true);
  assert.deepEqual(second.superseded, [first.names]);
  const back = await restore();
  const third = await tableOf(dir);
  assert.equal(third.names, first.names);
  assert.deepEqual(back.removed, []);
  assert.deepEqual(third.superseded, [second.delta!.file, second.names]);
  const files = indexFiles(dir);
  for (const name of [first.names, second.names, second.delta!.file, third.delta!.file]) assert.ok(files.has(`${name}.dat`), `${name}.dat`);
});

test("an edit's text file is written from the dictionary the doc table names; a full build chooses the dictionary anew", async () => {
  const dir = tempDir();
  await writeSearchIndex({ ctx: site }, dir);
  const first = await tableOf(dir);
  const [id] = first.reports[0]!;
  const report = (await findEditableReport(site.db, id))!;
  try {
    await editReport(id, report.title, `${report.bodySource}\n\n追記として若狭湾の漁協を訪ねた。`);
    const written = await writeSearchIndex({ ctx: site }, dir, { changedIds: { reports: [id] } });
    assert.ok(written.written.includes(`search-index/${textShard(id)}.dat`));
    assert.equal((await tableOf(dir)).dictionary, first.dictionary);
    const dictionary = (await readIndexFile(join(dir, 'search-index', `${first.dictionary!}.dat`)))!;
    const file = readFileSync(join(dir, 'search-index', `${textShard(id)}.dat`));
    const texts = JSON.parse(inflateRawSync(file, { dictionary }).toString('utf8')) as Record<string, ReportText>;
    assert.match(texts[id]![0], /若狭湾の漁協/);
    // A full build: the dictionary of the texts as they are now, the old one gone with its index.
    await writeSearchIndex({ ctx: site }, dir);
    const full = await tableOf(dir);
    assert.match(full.dictionary!, /^t[\w-]{16}$/);
    assert.notEqual(full.dictionary, first.dictionary);
    assert.ok(indexFiles(dir).has(`${full.dictionary!}.dat`));
    assert.ok(!indexFiles(dir).has(`${first.dictionary!}.dat`));
  } finally {
    await editReport(id, report.title, report.bodySource);
  }
});

test('a report published on a site whose index has none makes the build write the index afresh, with a dictionary', async () => {
  const empty = await createTestSite();
  try {
    const dir = tempDir();
    await writeSearchIndex({ ctx: empty }, dir);
    assert.equal((await tableOf(dir)).dictionary, undefined);
    const { id } = await publishReport(empty, { title: '最初の報告', bodySource: '鯖江市で相談を受けた。', activityDate: '2024-03-03' });
    await writeSearchIndex({ ctx: empty }, dir, { changedIds: { reports: [id] } });
    const table = await tableOf(dir);
    assert.equal(table.delta, undefined);
    assert.ok(indexFiles(dir).has(`${table.dictionary!}.dat`));
    assert.deepEqual(await answers(dir, [{ q: '鯖江市' }]), await answers(await fullIndexOf(empty), [{ q: '鯖江市' }]));
  } finally {
    await empty.cleanup();
  }
});

test('a full build replaces the index as a whole', async () => {
  const dir = tempDir();
  await writeSearchIndex({ ctx: site }, dir);
  const first = await readIndexFile(join(dir, 'search-index', 'docs.dat'));
  await writeSearchIndex({ ctx: site }, dir);
  assert.deepEqual(await readIndexFile(join(dir, 'search-index', 'docs.dat')), first);
  assert.deepEqual(readdirSync(dir).sort(), ['assets', 'search-index']);
});
