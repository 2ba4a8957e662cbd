// The owner's dashboard shows the scheduled backups: a failure until a later success, then
// 「最終バックアップ: …」; other roles and sites without scheduled backups see nothing of it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { runScheduledBackup } from '../../src/actions/site/backup/scheduled-backup.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn } from '../support/admin.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;
let app: FastifyInstance;
let backupDir: string;
const schedule = () => ({ dir: backupDir, time: { hour: 3, minute: 0 }, keep: 7 });

before(async () => {
  site = await createTestSite();
  backupDir = join(site.dataDir, 'backups');
  app = await buildServer({ ctx: site, baseUrl: 'https://www.example.jp', logLevel: 'silent', backupDir });
  await addTestUser(site, { login: 'owner', role: 'owner' });
  await addTestUser(site, { login: 'editor', role: 'editor' });
});
after(async () => {
  await app.close();
  await site.cleanup();
});

test('the owner sees a failed backup until a later one succeeds; an editor sees neither', async () => {
  const owner = await logIn(app, 'owner');
  const editor = await logIn(app, 'editor');
  assert.match((await owner.get('/admin/')).body, /最終バックアップ: まだありません/);

  await runScheduledBackup(site, schedule(), new Date('2026-12-05T18:00:00Z'));
  await assert.rejects(runScheduledBackup({ ...site, dataDir: join(site.dataDir, 'missing<b>') }, schedule(), new Date('2026-12-06T18:00:00Z')));
  const failed = (await owner.get('/admin/')).body;
  assert.match(failed, /role="alert"[^>]*>\s*<h2[^>]*>自動バックアップに失敗しました/);
  assert.match(failed, /missing&lt;b>|missing&lt;b&gt;/);
  assert.match(failed, /最終バックアップ: 2026年.*katsudo-backup-20261205T180000Z\.tar/);
  assert.doesNotMatch((await editor.get('/admin/')).body, /バックアップ/);

  await runScheduledBackup(site, schedule(), new Date('2026-12-07T18:00:00Z'));
  const recovered = (await owner.get('/admin/')).body;
  assert.doesNotMatch(recovered, /失敗しました/);
  assert.match(recovered, /最終バックアップ: .*katsudo-backup-20261207T180000Z\.tar/);
});
