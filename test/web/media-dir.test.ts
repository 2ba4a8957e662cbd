// KATSUDO_MEDIA_DIR (issue 15 item 5): with a media folder outside the data directory, uploads
// are written there, the server serves them from there, and the data directory gets no media/.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createBackup } from '../../src/actions/site/backup/create-backup.js';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { mediaPath } from '../../src/domain/media-path.js';
import { loadConfig } from '../../src/config.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { defaultTestBackend } from '../support/db.js';

let app: TestApp;
// katsudo backup copies the SQLite file; a PostgreSQL site is backed up with pg_dump (docs/postgresql.md).
const sqliteOnly = defaultTestBackend() === 'postgres' && 'SQLite only: katsudo backup reads the database file';
const mediaDir = mkdtempSync(join(tmpdir(), 'katsudo-shared-media-'));

before(async () => {
  app = await createTestApp({
    seed: async (site) => {
      site.mediaDir = mediaDir;
      await seedDemoIfEmpty(site);
    },
  });
});
after(async () => {
  await app.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

test('stores uploads in the media folder it is given and serves them from there', async () => {
  const media = await app.site.db.selectFrom('media').select(['sha256', 'original_name']).executeTakeFirstOrThrow();
  const file = join(mediaDir, media.sha256.slice(0, 2), media.sha256);
  assert.ok(existsSync(file), 'the file is in the shared folder');
  assert.equal(existsSync(join(app.site.dataDir, 'media')), false, 'nothing under the data directory');
  const response = await app.app.inject({ url: mediaPath(media.sha256, media.original_name) });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.rawPayload, readFileSync(file));
});

test('a backup takes the media from that folder', { skip: sqliteOnly }, async () => {
  const media = await app.site.db.selectFrom('media').select('sha256').executeTakeFirstOrThrow();
  const outFile = join(mediaDir, '..', `${media.sha256.slice(0, 8)}-backup.tar`);
  try {
    const manifest = await createBackup({ dataDir: app.site.dataDir, mediaDir, outFile, now: () => new Date() });
    assert.deepEqual(manifest.missingMedia, []);
    assert.ok(manifest.files.some((f) => f.path === `media/${media.sha256.slice(0, 2)}/${media.sha256}`));
  } finally {
    rmSync(outFile, { force: true });
  }
});

test('KATSUDO_MEDIA_DIR is read as an absolute folder; unset, the data directory keeps media/', () => {
  assert.equal(loadConfig({}, { KATSUDO_DATA_DIR: '/srv/site', KATSUDO_MEDIA_DIR: '/srv/shared/media' }).mediaDir, '/srv/shared/media');
  assert.equal(loadConfig({}, { KATSUDO_DATA_DIR: '/srv/site' }).mediaDir, undefined);
});
