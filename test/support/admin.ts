// Admin test helpers: users created through the real action, and an agent that logs in
// through the real /admin/login form and then carries its cookies and CSRF token, so
// that page tests read like a user's steps:
//   const owner = await addTestUser(t.site, { login: 'owner', role: 'owner' });
//   const agent = await logIn(t.app, owner.login, owner.password);
//   const page = await agent.get('/admin/users');
//   const saved = await agent.post('/admin/users', { login: 'sato', role: 'writer', ... });
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { addUser } from '../../src/actions/users/add-user.js';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import type { Role } from '../../src/domain/user.js';

export const TEST_PASSWORD = 'しずかな湖畔の森の影から';

export interface TestUser {
  id: number;
  login: string;
  password: string;
  role: Role;
}

export async function addTestUser(site: ActionContext, options: { login: string; role: Role; password?: string; displayName?: string }): Promise<TestUser> {
  const password = options.password ?? TEST_PASSWORD;
  const { id, login } = await addUser(site, { login: options.login, displayName: options.displayName ?? '', role: options.role, password });
  return { id, login, password, role: options.role };
}

export type FormFields = Record<string, string | string[]>;

export interface PostOptions {
  /** false: send no token; a string: send that token instead of the agent's. */
  csrf?: false | string;
  headers?: Record<string, string>;
}

export interface MultipartFile {
  field: string;
  fileName: string;
  type: string;
  bytes: Uint8Array;
}

/** A browser-like client for app.inject: a cookie jar and the CSRF token of its session. */
export class AdminAgent {
  readonly cookies = new Map<string, string>();
  csrfToken = '';

  /** `remoteAddress`: the client's IP address as the server sees it (127.0.0.1 by default). */
  constructor(
    readonly app: FastifyInstance,
    public remoteAddress?: string,
  ) {}

  async inject(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(options.headers as Record<string, string> | undefined) };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const address = this.remoteAddress === undefined ? {} : { remoteAddress: this.remoteAddress };
    const response = await this.app.inject({ ...options, ...address, headers });
    this.keepCookies(response);
    return response;
  }

  get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.inject({ method: 'GET', url, headers });
  }

  /** A urlencoded form post, with the agent's CSRF token in `_csrf` unless told otherwise. */
  post(url: string, fields: FormFields = {}, options: PostOptions = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
    const token = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (token !== false && !('_csrf' in fields)) body.append('_csrf', token);
    return this.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
      payload: body.toString(),
    });
  }

  /** A multipart/form-data post as a browser sends it (fields, then the file), with the agent's CSRF token in `_csrf` unless told otherwise. */
  postMultipart(url: string, fields: Record<string, string>, file?: MultipartFile, options: PostOptions = {}): Promise<LightMyRequestResponse> {
    const boundary = `----katsudo${Math.random().toString(16).slice(2)}`;
    const chunks: Buffer[] = [];
    const token = options.csrf === undefined ? this.csrfToken : options.csrf;
    for (const [name, value] of Object.entries({ ...(token === false ? {} : { _csrf: token }), ...fields })) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    }
    if (file) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\nContent-Type: ${file.type}\r\n\r\n`),
      );
      chunks.push(Buffer.from(file.bytes), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return this.inject({ method: 'POST', url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(chunks) });
  }

  /** Reads the token the page carries (<meta name="csrf-token">) from an admin page. */
  async refreshCsrf(url = '/admin/account'): Promise<void> {
    const page = await this.get(url);
    assert.equal(page.statusCode, 200, `GET ${url} for a CSRF token`);
    this.csrfToken = csrfTokenOf(page.body);
  }

  private keepCookies(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const isCleared = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (isCleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}

export function csrfTokenOf(html: string): string {
  const match = /<meta name="csrf-token" content="([^"]+)"/.exec(html);
  assert.ok(match, 'the page carries a CSRF token');
  return match[1]!;
}

/** Opens the login page, posts the form and, when it succeeds, reads the session's CSRF token. */
export async function attemptLogIn(app: FastifyInstance, login: string, password: string, agent = new AdminAgent(app)) {
  const form = await agent.get('/admin/login');
  agent.csrfToken = csrfTokenOf(form.body);
  const response = await agent.post('/admin/login', { login, password });
  return { agent, response };
}

/** A logged-in agent; fails the test when the login is refused. */
export async function logIn(app: FastifyInstance, login: string, password = TEST_PASSWORD): Promise<AdminAgent> {
  const { agent, response } = await attemptLogIn(app, login, password);
  assert.equal(response.statusCode, 303, `login of ${login}: ${response.statusCode}`);
  await agent.refreshCsrf();
  return agent;
}
