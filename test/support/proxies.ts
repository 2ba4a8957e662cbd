// Debian's nginx and Caddy as child processes for the deploy tests: temp config, prefix and
// data directories, 127.0.0.1 only, killed after. Missing binaries skip the test on a
// developer's machine and fail it under CI=true (.ci/run installs them).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';

/** The binary's path, or undefined after skipping (or failing under CI) the test. */
export function requireBinary(t: TestContext, name: 'nginx' | 'caddy'): string | undefined {
  const found = ['/usr/sbin/', '/usr/bin/'].map((dir) => dir + name).find((path) => existsSync(path));
  if (found !== undefined) return found;
  if (process.env.CI === 'true') throw new Error(`${name} is not installed: .ci/run installs it with apt-get (nginx-light, caddy)`);
  t.skip(`${name} is not installed (apt-get install nginx-light caddy)`);
  return undefined;
}

export interface Proxy {
  dir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** nginx in the foreground with `httpConfig` inside http { }; temp files under its prefix. */
export function startNginx(binary: string, httpConfig: string): Proxy {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-nginx-'));
  mkdirSync(join(dir, 'logs'));
  const isRoot = process.getuid?.() === 0;
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${join(dir, kind)};`).join('\n  ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${isRoot ? 'user root root;' : ''}
worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} warn;
events { worker_connections 512; }
http {
  access_log off;
  ${temps}
  ${httpConfig}
}
`,
  );
  return track(dir, spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * nginx on 127.0.0.1:`port` sharing requests round robin between katsudo processes on
 * `upstreamPorts`, with deploy/nginx.conf's keep-alive and retry rules (a request an instance
 * refuses while stopping is tried on the next).
 */
export function startRoundRobinNginx(binary: string, port: number, upstreamPorts: number[]): Proxy {
  return startNginx(
    binary,
    `upstream katsudo {
    ${upstreamPorts.map((p) => `server 127.0.0.1:${p} max_fails=0;`).join('\n    ')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_next_upstream error timeout http_502 http_503;
    proxy_next_upstream_tries 2;
    location / { proxy_pass http://katsudo; }
  }`,
  );
}

/** Caddy with `caddyfile`; its certificates and internal CA live in the temp dir. */
export function startCaddy(binary: string, caddyfile: string): Proxy {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-caddy-'));
  writeFileSync(join(dir, 'Caddyfile'), caddyfile);
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') };
  const validation = spawnSync(binary, ['validate', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], { env, encoding: 'utf8' });
  if (validation.status !== 0) throw new Error(`caddy validate failed:\n${validation.stdout}${validation.stderr}`);
  return track(dir, spawn(binary, ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** Caddy's internal root certificate (PEM) once it has been created. */
export function caddyRootCertificate(proxy: Proxy): string {
  return join(proxy.dir, 'data', 'caddy', 'pki', 'authorities', 'local', 'root.crt');
}

function track(dir: string, child: ChildProcess): Proxy {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    dir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
