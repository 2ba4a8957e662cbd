// SIGTERM to a real `katsudo serve` while searches, page reads and report saves are in flight:
// every request that reached the server gets its full answer (each save is stored), the process
// exits 0 and the database it leaves passes SQLite's integrity check with nothing in the WAL.
import assert from 'node:assert/strict';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { startCliServer, waitFor } from '../support/cli-server.js';
import { createTestSite } from '../support/db.js';
import { publishReport, setSettings } from '../support/factories.js';
import { addTestUser, csrfTokenOf } from '../support/admin.js';

test('SIGTERM finishes the requests in flight, then exits 0 with a sound database', async () => {
  const site = await createTestSite();
  await setSettings(site);
  for (let i = 0; i < 30; i++) await publishReport(site, { title: `委員会報告${i}`, slug: `report-${i}` });
  const editor = await addTestUser(site, { login: 'hisho', role: 'editor' });
  await site.db.destroy();

  // At debug level Fastify logs each request as it arrives: the signal waits for all of them.
  const server = await startCliServer({ dataDir: site.dataDir, args: ['--no-demo'], env: { KATSUDO_LOG_LEVEL: 'debug' } });
  // The searches, report pages and saves that have reached the server.
  const received = () =>
    server
      .output()
      .split('\n')
      .filter((line) => line.includes('"msg":"incoming request"') && /"url":"\/(search|activity\/|admin\/reports\/new)/.test(line)).length;
  try {
    // Ready once the scheduler's first run has ended.
    let ready = await waitFor(server.url('/readyz'), 30_000);
    for (let tries = 0; ready.status !== 200 && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      ready = await fetch(server.url('/readyz'));
    }
    assert.equal(ready.status, 200, server.output());
    assert.equal((await ready.json()).checks.scheduler, 'ok');
    // Searches queue on the work threads: most are still in flight when the signal arrives.
    const paths = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `/search?q=${encodeURIComponent(`委員会報告${i}`)}` : `/activity/report-${i % 30}/`));
    const session = await logInOverHttp(server.url.bind(server), editor.login, editor.password);
    const reads = paths.map(async (path) => {
      const response = await fetch(server.url(path), { headers: { connection: 'close' } });
      return { path, status: response.status, body: await response.text() };
    });
    const saves = Array.from({ length: 10 }, async (_, i) => {
      const form = new URLSearchParams({
        _csrf: session.csrf,
        title: `停止中の保存${i}`,
        activityDate: '2026-11-02',
        slug: `saved-${i}`,
        bodySource: '1 概要\n\n停止の直前に保存した。',
        intent: 'save',
      });
      const response = await fetch(server.url('/admin/reports/new'), {
        method: 'POST',
        headers: { connection: 'close', cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
        redirect: 'manual',
      });
      await response.arrayBuffer();
      return { path: `save ${i}`, status: response.status };
    });
    while (received() < paths.length + saves.length) await new Promise((r) => setTimeout(r, 5));
    const stopped = server.stop();
    for (const save of await Promise.all(saves)) assert.equal(save.status, 303, `${save.path}: ${save.status}\n${server.output()}`);
    const results = await Promise.all(reads);
    await stopped;
    for (const { path, status, body } of results) {
      assert.equal(status, 200, `${path}: ${status}\n${server.output()}`);
      assert.match(body, /<\/html>\s*$/, path);
    }
    assert.match(server.output(), /\(exited with 0\)$/);
    assert.match(server.output(), /SIGTERM を受け取りました/);
    assert.match(server.output(), /katsudo を停止しました/);
  } finally {
    if (!server.hasExited()) await server.stop();
  }
  const wal = join(site.dataDir, 'katsudo.db-wal');
  // The last connection's close checkpoints the WAL and removes it.
  assert.ok(!existsSync(wal) || statSync(wal).size === 0, 'the WAL was checkpointed');
  const db = new SqliteDatabase(join(site.dataDir, 'katsudo.db'), { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal(db.prepare("select count(*) from reports where slug like 'saved-%'").pluck().get(), 10);
  } finally {
    db.close();
  }
  rmSync(site.dataDir, { recursive: true, force: true });
});

/** Logs in through the real form over HTTP; the session cookie and its CSRF token. */
async function logInOverHttp(url: (path: string) => string, login: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await fetch(url('/admin/login'));
  keep(form);
  const body = new URLSearchParams({ _csrf: csrfTokenOf(await form.text()), login, password });
  const loggedIn = await fetch(url('/admin/login'), {
    method: 'POST',
    headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  assert.equal(loggedIn.status, 303);
  keep(loggedIn);
  const dashboard = await fetch(url('/admin/'), { headers: { cookie: cookie() } });
  keep(dashboard);
  return { cookie: cookie(), csrf: csrfTokenOf(await dashboard.text()) };
}
