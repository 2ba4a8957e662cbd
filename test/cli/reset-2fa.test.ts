// katsudo user reset-2fa LOGIN: the real CLI in a child process, for a user who lost their phone.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { inlinePool } from '../../src/actions/runtime/work-pool.js';
import { listAudit } from '../../src/store/audit-log.js';
import type { Db } from '../../src/store/database.js';
import { countUnusedRecoveryCodes, findTotpFactor } from '../../src/store/second-factors.js';
import { insertSession, listSessionsOfUser } from '../../src/store/sessions.js';
import { addTestUser } from '../support/admin.js';
import { runCli, withSiteDatabase } from '../support/cli-run.js';
import { enrolTotp } from '../support/two-factor.js';

let dir: string;

const katsudo = (args: string[]) => runCli(['user', ...args], { env: { KATSUDO_DATA_DIR: join(dir, 'data'), KATSUDO_BASE_URL: 'https://www.example.jp' } });
const withDb = <T>(fn: (db: Db) => Promise<T>) => withSiteDatabase(join(dir, 'data'), fn);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-reset-2fa-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('removes the second factors of a user who lost their phone, ends their sessions, and says so in English', async () => {
  const userId = await withDb(async (db) => {
    const site = { db, dataDir: join(dir, 'data'), now: () => new Date('2026-11-20T03:00:00.000Z'), work: inlinePool(db) };
    const user = await addTestUser(site, { login: 'yamakawa', role: 'owner' });
    await enrolTotp(site, user);
    await insertSession(db, { tokenHash: 'a'.repeat(64), userId: user.id, expiresAt: '2099-01-01T00:00:00.000Z', ip: '', userAgent: '' }, '2026-11-20T03:00:00.000Z');
    return user.id;
  });
  const run = katsudo(['reset-2fa', 'YAMAKAWA']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /「yamakawa」の2段階認証\(認証アプリ、パスキー0件、回復コード10件\)を削除し、セッション1件を終了しました。/);
  await withDb(async (db) => {
    assert.equal(await findTotpFactor(db, userId), undefined);
    assert.equal(await countUnusedRecoveryCodes(db, userId), 0);
    assert.deepEqual(await listSessionsOfUser(db, userId), []);
    const entry = (await listAudit(db, { limit: 1, action: 'two-factor.reset' }))[0];
    assert.equal(entry?.target, `user:${userId}`);
  });
});

test('refuses an unknown login with a plain message and a non-zero exit code', () => {
  const run = katsudo(['reset-2fa', 'nobody']);
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /nobody/);
  const usage = katsudo(['reset-2fa']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /katsudo user reset-2fa LOGIN/);
});
