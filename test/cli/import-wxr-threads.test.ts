// katsudo import-wxr on an export over 2 MB builds the search documents ahead on worker
// threads: the import hands them to the runner and stops them when it ends (they were
// started and left running, unused, until the lint check found the unused builder).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { importWxrCommand, parseImportWxrArgs } from '../../src/cli/commands/import-wxr.js';
import { siteIn } from '../../src/cli/open-site.js';
import { openDatabase } from '../../src/store/database.js';

const POSTS = 300;
let dir: string;
let file: string;

/** A WordPress export of POSTS published posts of about 9 KB each: over the 2 MB where the workers start. */
function largeExport(): string {
  const items = Array.from({ length: POSTS }, (_, i) => {
    const body = Array.from({ length: 70 }, (_, p) => `<p>第${i}号の報告、段落${p}。地域の防災訓練と商店街の意見交換会に出席しました。</p>`).join('\n');
    const day = String((i % 28) + 1).padStart(2, '0');
    return `<item><title>活動報告 第${i}号</title><link>https://old.example.jp/report-${i}/</link><guid isPermaLink="false">https://old.example.jp/?p=${i + 1}</guid>
<dc:creator>office</dc:creator><content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${i + 1}</wp:post_id><wp:post_date>2024-05-${day} 10:00:00</wp:post_date><wp:post_date_gmt>2024-05-${day} 01:00:00</wp:post_date_gmt>
<wp:post_name>report-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>t</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example.jp</wp:base_site_url><wp:base_blog_url>https://old.example.jp</wp:base_blog_url>
<wp:author><wp:author_login>office</wp:author_login><wp:author_display_name>事務所</wp:author_display_name></wp:author>
${items.join('\n')}
</channel></rss>
`;
}

/** Threads of this process now (Linux): the worker threads show here and nowhere else in Node. */
const threadCount = () => Number(/^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-wxr-threads-'));
  file = join(dir, 'large.xml');
  writeFileSync(file, largeExport());
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a large import builds search documents on worker threads and stops them when it ends', async () => {
  assert.ok(statSync(file).size > 2 * 1024 * 1024);
  await readFile(file); // starts libuv's thread pool, which stays
  const threadsBefore = threadCount();
  let threadsDuring = 0;
  const sampler = setInterval(() => (threadsDuring = Math.max(threadsDuring, threadCount())), 5);
  try {
    await importWxrCommand(parseImportWxrArgs([file]), siteIn(join(dir, 'data')), () => {});
  } finally {
    clearInterval(sampler);
  }
  assert.ok(threadsDuring > threadsBefore, 'no worker thread was started');
  assert.equal(threadCount(), threadsBefore);
  const db = await openDatabase({ file: join(dir, 'data', 'katsudo.db') });
  try {
    assert.equal((await db.selectFrom('reports').select('id').execute()).length, POSTS);
  } finally {
    await db.destroy();
  }
});
