// Issue 15 item 5: two `katsudo serve` processes on one PostgreSQL database behind Debian's
// nginx (round robin) behave as one site: twenty reports due in the same minute are published
// once each though both schedulers start together, a login through one is a login on the
// other, a write through one shows on the next request through the other (page caches follow
// the content version), and stopping one under load fails no request.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { scheduleReport } from '../../src/actions/reports/schedule-report.js';
import { listAudit } from '../../src/store/audit-log.js';
import { addTestUser, csrfTokenOf } from '../support/admin.js';
import { freePort, startCliServer, waitFor, waitUntilReady, type CliServer } from '../support/cli-server.js';
import { createTestSite } from '../support/db.js';
import { publishReport, setSettings } from '../support/factories.js';
import { skipUnlessPostgres } from '../support/postgres.js';
import { requireBinary, startRoundRobinNginx } from '../support/proxies.js';
import { startSteadyLoad } from '../support/steady-load.js';

const skip = skipUnlessPostgres();

/** A browser's cookie jar over fetch, for one base URL at a time. */
class Client {
  readonly cookies = new Map<string, string>();
  csrf = '';

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name!);
      else this.cookies.set(name!, value!);
    }
    return response;
  }

  post(url: string, fields: Record<string, string>): Promise<Response> {
    const body = new URLSearchParams({ ...fields, _csrf: this.csrf });
    return this.request(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
}

test('two serve processes on one PostgreSQL behind nginx behave as one site', { skip }, async (t) => {
  const nginx = requireBinary(t, 'nginx');
  if (nginx === undefined) return;
  // The site is prepared ten minutes in the past, so its twenty scheduled reports are due when the servers start.
  const startedAt = Date.now();
  const site = await createTestSite({ backend: 'postgres', now: () => new Date(startedAt - 10 * 60_000) });
  const database = site.database;
  if (!('postgres' in database)) throw new Error('a PostgreSQL test site was asked for');
  await setSettings(site);
  const owner = await addTestUser(site, { login: 'owner', role: 'owner' });
  const shared = await publishReport(site, { title: '共有される報告', slug: 'shared-report' });
  for (let i = 0; i < 20; i++) await publishReport(site, { title: `負荷用の報告${i}`, slug: `load-${i}` });
  const dueAt = new Date(startedAt - 5 * 60_000);
  dueAt.setUTCSeconds(0, 0);
  const scheduled: number[] = [];
  for (let i = 0; i < 20; i++) {
    const saved = await saveReport(
      site,
      { userId: owner.id, role: 'owner', login: owner.login },
      {
        title: `予約した報告${i}`,
        activityDate: '2026-10-01',
        categoryId: null,
        tags: [],
        slug: '',
        summary: '',
        bodySource: `1 概要\n\n(1)予約${i}の本文。`,
      },
    );
    await scheduleReport(site, { userId: owner.id, role: 'owner', login: owner.login }, { reportId: saved.id, publishAt: dueAt.toISOString() });
    scheduled.push(saved.id);
  }

  const env = {
    KATSUDO_DATABASE_URL: database.postgres.url,
    KATSUDO_DATABASE_POOL: '4',
    KATSUDO_TRUST_PROXY: '127.0.0.1',
    KATSUDO_RATE_LIMIT_SEARCH: '0',
    KATSUDO_RATE_LIMIT_FEEDS: '0',
  };
  const ports = [await freePort(), await freePort()];
  const start = async (port: number) => {
    // One data directory for both: media are shared files, everything else is in the database.
    const server = await startCliServer({ dataDir: site.dataDir, args: ['--no-demo'], env, port });
    await waitUntilReady(server, 90_000);
    return server;
  };
  // Both start at once: their schedulers' first runs race for the same twenty reports.
  const servers: CliServer[] = await Promise.all(ports.map((port) => start(port)));
  const proxyPort = await freePort();
  const proxy = startRoundRobinNginx(nginx, proxyPort, ports);
  try {
    await t.test('twenty reports due in the same minute are published once each', async () => {
      const audit = (await listAudit(site.db, { limit: 1000, action: 'report.publish' })).filter((e) => scheduled.includes(Number(e.target.replace('report:', ''))));
      assert.deepEqual(audit.map((e) => e.target).sort(), scheduled.map((id) => `report:${id}`).sort());
      assert.deepEqual(
        audit.map((e) => e.count),
        Array(20).fill(1),
      );
      const statuses = await site.db.selectFrom('reports').select('status').where('id', 'in', scheduled).execute();
      assert.deepEqual(
        statuses.map((s) => s.status),
        Array(20).fill('published'),
      );
    });

    const [first, second] = servers as [CliServer, CliServer];
    const browser = new Client();
    await t.test('a login through one instance is a login on the other', async () => {
      const form = await browser.request(first.url('/admin/login'));
      browser.csrf = csrfTokenOf(await form.text());
      const login = await browser.post(first.url('/admin/login'), { login: owner.login, password: owner.password });
      assert.equal(login.status, 303);
      const account = await browser.request(second.url('/admin/account'));
      assert.equal(account.status, 200);
      browser.csrf = csrfTokenOf(await account.text());
    });

    await t.test('a write through one instance shows on the next request through the other', async () => {
      const before = await (await fetch(second.url('/activity/shared-report/'))).text();
      assert.match(before, /共有される報告/);
      const editor = await browser.request(first.url(`/admin/reports/${shared.id}/edit`));
      const version = /name="expectedVersion" value="(\d+)"/.exec(await editor.text())?.[1];
      assert.ok(version, 'the editor carries the version');
      const saved = await browser.post(first.url(`/admin/reports/${shared.id}/edit`), {
        title: '二台目でも見える新しい題名',
        activityDate: '2026-11-02',
        categoryId: '',
        tags: '',
        slug: 'shared-report',
        summary: '',
        bodySource: '1 概要\n\n(1)書き換えた本文。',
        expectedVersion: version,
        intent: 'save',
      });
      assert.equal(saved.status, 303);
      const after = await (await fetch(second.url('/activity/shared-report/'))).text();
      assert.match(after, /二台目でも見える新しい題名/);
    });

    await t.test('stopping one instance under load through nginx fails no request', async () => {
      const base = `http://127.0.0.1:${proxyPort}`;
      await waitFor(`${base}/healthz`, 10_000);
      const load = startSteadyLoad(base, (i) => `/activity/load-${i % 20}/`, '負荷用の報告');
      await load.waitForAnswers(50);
      await first.stop();
      assert.match(first.output(), /\(exited with 0\)$/);
      await load.waitForAnswers(50);
      await load.stop();
      t.diagnostic(`${load.answered()} requests answered through nginx, one instance stopped midway`);
      assert.deepEqual(load.failures, []);
    });
  } finally {
    await proxy.stop();
    for (const server of servers) if (!server.hasExited()) await server.stop();
    await site.cleanup();
    rmSync(site.dataDir, { recursive: true, force: true });
  }
});
