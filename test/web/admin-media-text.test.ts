// The media library tells staff whether site search can find each PDF's text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { makePdf } from '../support/media-fixtures.js';
import { makeTextPdf } from '../support/text-pdf.js';

let site: TestSite;
let app: FastifyInstance;
let editor: AdminAgent;

before(async () => {
  site = await createTestSite();
  app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent' });
  const added = await addTestUser(site, { login: 'editor', role: 'editor' });
  editor = await logIn(app, 'editor');
  const user = { userId: added.id, login: added.login };
  const upload = (bytes: Uint8Array, fileName: string) => uploadMedia(site, { bytes, fileName, altText: '', user });
  await upload(makeTextPdf(['本文のある資料']), 'text.pdf');
  await upload(await makePdf(2), 'scan.pdf');
  await upload(new TextEncoder().encode('%PDF-1.7\nbroken'), 'broken.pdf');
  const old = await upload(makeTextPdf(['古い資料']), 'old.pdf');
  await site.db.updateTable('media').set({ text: null, text_status: null }).where('id', '=', old.id).execute();
});
after(async () => {
  await app.close();
  await site.cleanup();
});

function stateOf(html: string, fileName: string): string {
  const item = new RegExp(`>${fileName.replace('.', '\\.')}</a></h2>[\\s\\S]*?<p class="media-text-state">([^<]*)</p>`).exec(html);
  assert.ok(item, `a text state for ${fileName}`);
  return item[1]!;
}

test('says for each PDF whether its text is searchable, absent, unreadable or not read yet', async () => {
  const page = await editor.get('/admin/media?kind=pdf');
  assert.equal(page.statusCode, 200);
  assert.match(stateOf(page.body, 'text.pdf'), /本文はサイト内検索の対象です/);
  assert.match(stateOf(page.body, 'scan.pdf'), /文字の入っていない PDF です/);
  assert.match(stateOf(page.body, 'broken.pdf'), /PDF を読み取れませんでした/);
  assert.match(stateOf(page.body, 'old.pdf'), /katsudo reindex/);
});
