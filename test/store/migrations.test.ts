import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/database.js';

test('migrates a new file and reopens it without migrating again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-migrate-'));
  try {
    const file = join(dir, 'nested', 'katsudo.db');
    const first = await openDatabase({ file });
    const tables = await first.introspection.getTables();
    assert.deepEqual(
      tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_') && !n.startsWith('report_search')).sort(),
      [
        'audit_log', 'categories', 'import_sources', 'login_throttle', 'media', 'media_variants', 'redirects', 'report_media', 'report_tags', 'reports',
        'revisions', 'server_secrets', 'sessions', 'settings', 'site_state', 'tags', 'users',
      ],
    );
    const appliedFirst = await first.selectFrom('kysely_migration' as never).selectAll().execute();
    await first.destroy();
    const second = await openDatabase({ file });
    const applied = await second.selectFrom('kysely_migration' as never).selectAll().execute();
    assert.deepEqual(applied, appliedFirst);
    await second.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
