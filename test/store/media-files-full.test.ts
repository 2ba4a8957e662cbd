// Issue 13 item 3: a media file written onto a full disk leaves no temp file behind, and
// temp files left by a stopped process are removed when a site is opened. The disk is a
// real 1 MB tmpfs (test/support/tmpfs.ts).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { diskFullFrom } from '../../src/domain/errors.js';
import { openSite } from '../../src/cli/open-site.js';
import { removeStaleTempFiles, writeMediaFile } from '../../src/store/media-files.js';
import { mountTmpfs } from '../support/tmpfs.js';

const tempFiles = (dataDir: string) => readdirSync(join(dataDir, 'media'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.tmp'));

test('a file that does not fit fails with ENOSPC, read as DISK_FULL, and leaves no temp file', (t) => {
  const disk = mountTmpfs(t, '1m');
  if (disk.path === undefined) return;
  t.after(disk.unmount);
  const dataDir = join(disk.path, 'upload');
  const bytes = new Uint8Array(2 * 1024 * 1024).fill(7);
  const error = (() => {
    try {
      writeMediaFile(dataDir, bytes);
    } catch (e) {
      return e;
    }
    return assert.fail('2 MB should not fit on a 1 MB disk');
  })();
  assert.equal((error as { code?: string }).code, 'ENOSPC');
  assert.equal(diskFullFrom(error)?.code, 'DISK_FULL');
  assert.deepEqual(tempFiles(dataDir), []);
  assert.deepEqual(
    readdirSync(join(dataDir, 'media'), { recursive: true }).filter((name) => !String(name).match(/^[0-9a-f]{2}$/)),
    [],
  );
  // The failed write freed what it took: a small file still fits.
  assert.equal(writeMediaFile(dataDir, new Uint8Array(1000).fill(1)).isNew, true);
});

test('opening a site removes temp files left by a stopped process, but not one being written now', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'katsudo-stale-'));
  try {
    mkdirSync(join(dataDir, 'media', 'ab'), { recursive: true });
    const stale = join(dataDir, 'media', 'ab', 'abcd.123456.tmp');
    const fresh = join(dataDir, 'media', 'ab', 'abef.654321.tmp');
    writeFileSync(stale, 'half of an upload');
    writeFileSync(fresh, 'an upload in progress');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(stale, hourAgo, hourAgo);
    const site = await openSite(dataDir);
    await site.db.destroy();
    assert.deepEqual(
      tempFiles(dataDir).map((e) => e.name),
      ['abef.654321.tmp'],
    );
    assert.equal(removeStaleTempFiles(dataDir, Date.now() + 60 * 60 * 1000), 1);
    assert.deepEqual(tempFiles(dataDir), []);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
