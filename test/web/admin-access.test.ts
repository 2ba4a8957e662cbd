// Every admin route against every kind of visitor. The routes come from app.adminRoutes,
// so routes added later are covered without touching this file.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isAllowed, ROLES, type Role } from '../../src/domain/user.js';
import { AdminAgent, addTestUser, logIn } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;

before(async () => {
  t = await createTestApp();
  for (const role of ROLES) await addTestUser(t.site, { login: `${role}-user`, role });
});
after(async () => t.close());

/** A path for a route pattern: parameters become an id no record has, so no route changes data. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z_]+/g, '999999').replace(/\*$/, 'x');
}

function isLoginRedirect(response: { statusCode: number; headers: Record<string, unknown> }): boolean {
  return response.statusCode === 303 && String(response.headers.location).startsWith('/admin/login?next=');
}

async function request(agent: AdminAgent, method: string, url: string) {
  if (method === 'GET') return agent.get(url);
  return agent.inject({
    method: method as 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': agent.csrfToken },
    payload: '',
  });
}

test('lists the admin routes with their declared access', () => {
  const routes = t.app.adminRoutes;
  assert.ok(routes.length >= 10);
  const find = (method: string, url: string) => routes.find((r) => r.method === method && r.url === url)?.access;
  assert.equal(find('GET', '/admin/login'), 'public');
  assert.equal(find('POST', '/admin/logout'), 'public');
  assert.equal(find('GET', '/admin/users'), 'owner');
  assert.equal(find('GET', '/admin/audit'), 'owner');
  assert.equal(find('GET', '/admin/account'), 'writer');
});

test('knows every /admin route the server answers', async () => {
  await t.app.ready();
  // printRoutes draws a tree; rebuild each full path from the segments above it.
  const lines = t.app.printRoutes({ commonPrefix: false }).split('\n').filter(Boolean);
  const stack: string[] = [];
  const served: string[] = [];
  for (const line of lines) {
    const m = /^([│ ]*)[└├]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('');
    if (m[3] && (path === '/admin' || path.startsWith('/admin/'))) served.push(path);
  }
  assert.ok(served.length > 0);
  const declared = new Set(t.app.adminRoutes.map((r) => r.url));
  for (const path of served) assert.ok(declared.has(path) || declared.has(path.replace(/\/$/, '')), `${path} is not in app.adminRoutes`);
});

test('refuses to register an /admin route that declares no access', async () => {
  const fresh = await createTestApp();
  try {
    assert.throws(() => fresh.app.get('/admin/undeclared', async () => 'x'), /must declare config: \{ access/);
    assert.throws(() => fresh.app.post('/admin/undeclared', { config: {} }, async () => 'x'), /must declare/);
    fresh.app.get('/admin/declared', { config: { access: 'editor' } }, async () => 'x');
    assert.ok(fresh.app.adminRoutes.some((r) => r.url === '/admin/declared' && r.access === 'editor'));
  } finally {
    await fresh.close();
  }
});

test('anonymous visitors are sent to the login page (GET) or refused with 401 (other methods) on every non-public route', async () => {
  const agent = new AdminAgent(t.app);
  await agent.get('/admin/login');
  for (const route of t.app.adminRoutes.filter((r) => r.access !== 'public')) {
    const url = concrete(route.url);
    const response = await request(agent, route.method, url);
    if (route.method === 'GET') {
      assert.ok(isLoginRedirect(response), `${route.method} ${url}: ${response.statusCode}`);
      assert.equal(response.headers.location, `/admin/login?next=${encodeURIComponent(url)}`);
    } else {
      assert.equal(response.statusCode, 401, `${route.method} ${url}`);
      assert.match(response.body, /ログイン/);
    }
  }
});

test('each role reaches exactly the routes its access allows', async () => {
  for (const role of ROLES) {
    for (const route of t.app.adminRoutes) {
      // A fresh session per request: some routes (logout, revoke) end the session they run in.
      const agent = await logIn(t.app, `${role}-user`);
      const url = concrete(route.url);
      const response = await request(agent, route.method, url);
      const what = `${role} ${route.method} ${url} (${route.access}): ${response.statusCode}`;
      const isRoleRefusal = response.statusCode === 403 && response.body.includes('data-refusal="role"');
      assert.ok(!response.body.includes('data-refusal="csrf"'), `${what} failed its CSRF check`);
      assert.ok(!isLoginRedirect(response) && response.statusCode !== 401, `${what} asked to log in`);
      if (isAllowed(role as Role, route.access)) assert.ok(!isRoleRefusal, `${what} was refused`);
      else assert.ok(isRoleRefusal, `${what} was not refused`);
    }
  }
});
