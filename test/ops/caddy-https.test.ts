// deploy/Caddyfile in front of a real `katsudo serve` on 127.0.0.1, with Caddy's internal CA
// instead of a public certificate: over HTTPS the login form's CSRF cookie is Secure (katsudo
// trusts Caddy's X-Forwarded-Proto through KATSUDO_TRUST_PROXY=127.0.0.1) and HSTS is sent.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { test } from 'node:test';
import { freePort, startCliServer, waitFor } from '../support/cli-server.js';
import { createTestSite } from '../support/db.js';
import { setSettings } from '../support/factories.js';
import { caddyRootCertificate, requireBinary, startCaddy } from '../support/proxies.js';

const CADDYFILE = new URL('../../deploy/Caddyfile', import.meta.url);

test('Caddy with deploy/Caddyfile serves katsudo over HTTPS with Secure cookies and HSTS', async (t) => {
  const caddy = requireBinary(t, 'caddy');
  if (caddy === undefined) return;
  const site = await createTestSite();
  await setSettings(site);
  await site.db.destroy();
  const server = await startCliServer({ dataDir: site.dataDir, args: ['--no-demo'], env: { KATSUDO_TRUST_PROXY: '127.0.0.1' } });
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const shipped = readFileSync(CADDYFILE, 'utf8');
  assert.match(shipped, /^www\.example\.jp \{$/m);
  assert.match(shipped, /127\.0\.0\.1:3000 127\.0\.0\.1:3001/);
  // The shipped site block, on test ports, with the internal CA and this test's katsudo.
  const caddyfile = `{
	admin off
	http_port ${httpPort}
	https_port ${httpsPort}
	skip_install_trust
}
${shipped
  .replace(/^www\.example\.jp \{$/m, `localhost:${httpsPort} {\n\tbind 127.0.0.1\n\ttls internal`)
  .replace('127.0.0.1:3000 127.0.0.1:3001', `127.0.0.1:${server.port}`)}`;
  const proxy = startCaddy(caddy, caddyfile);
  try {
    await waitFor(server.url('/readyz'), 30_000);
    const ca = caddyRootCertificate(proxy);
    const deadline = Date.now() + 30_000;
    while (!existsSync(ca)) {
      assert.ok(Date.now() < deadline, proxy.output());
      await new Promise((r) => setTimeout(r, 100));
    }
    type Answer = { status: number; headers: IncomingHttpHeaders; body: string };
    const get = (path: string) =>
      new Promise<Answer>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: httpsPort, servername: 'localhost', path, headers: { host: `localhost:${httpsPort}` }, ca: readFileSync(ca) },
          (res) => {
            let body = '';
            res.setEncoding('utf8').on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          },
        );
        req.on('error', reject).end();
      });
    // Caddy may still be obtaining its certificate: a failed connection is tried again.
    const tryGet = (path: string) => get(path).catch((error: unknown): Answer => ({ status: 0, headers: {}, body: String(error) }));
    let login = await tryGet('/admin/login');
    while (login.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      login = await tryGet('/admin/login');
    }
    assert.equal(login.status, 200, `${login.body}\n${proxy.output()}`);
    const cookies = login.headers['set-cookie'] ?? [];
    const csrf = cookies.find((c) => c.startsWith('katsudo_csrf='));
    assert.ok(csrf, cookies.join('\n'));
    assert.match(csrf, /;\s*Secure/i);
    assert.match(csrf, /;\s*HttpOnly/i);
    assert.match(String(login.headers['strict-transport-security']), /max-age=\d{7,}/);
    // Directly over plain HTTP the same cookie is not Secure: the flag came from the proxy's header.
    const direct = await fetch(server.url('/admin/login'));
    assert.doesNotMatch(direct.headers.get('set-cookie') ?? '', /Secure/i);
    const health = await get('/readyz');
    assert.equal(health.status, 200);
    assert.equal(JSON.parse(health.body).status, 'ready');
  } finally {
    await proxy.stop();
    await server.stop();
    rmSync(site.dataDir, { recursive: true, force: true });
  }
});
