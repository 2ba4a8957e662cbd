// `katsudo serve` in a child process on a free port of 127.0.0.1, from the sources (through
// tsx, with extra --import hooks if asked) or from the bundle (bin/katsudo.js), with its
// stdout and stderr collected for assertion messages.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

export interface CliServer {
  port: number;
  /** `http://127.0.0.1:<port><path>` */
  url: (path: string) => string;
  /** Everything written so far on stdout and stderr, then `(exited with <code>)` once it has. */
  output: () => string;
  hasExited: () => boolean;
  /** SIGTERM, then waits for the process to end. */
  stop: () => Promise<void>;
}

export async function startCliServer(options: {
  dataDir: string;
  args?: string[];
  imports?: string[];
  isBundle?: boolean;
  /** Extra environment (KATSUDO_LOG_LEVEL is warn unless given here); port: a fixed one. */
  env?: Record<string, string>;
  port?: number;
}): Promise<CliServer> {
  const port = options.port ?? (await freePort());
  const serveArgs = ['serve', '--port', String(port), '--data', options.dataDir, ...(options.args ?? [])];
  const argv = options.isBundle
    ? ['bin/katsudo.js', ...serveArgs]
    : ['--import', 'tsx', ...(options.imports ?? []).flatMap((hook) => ['--import', hook]), MAIN, ...serveArgs];
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', KATSUDO_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let isExited = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      isExited = true;
      output += `\n(exited with ${code})`;
      resolve();
    }),
  );
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    output: () => output,
    hasExited: () => isExited,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Fetches `url` until the server answers, at most `timeoutMs`. */
/** Waits until the server's /readyz answers 200 (its scheduler's first run done); fails with its output if it ends or takes longer. */
export async function waitUntilReady(server: CliServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    (await fetch(server.url('/readyz')).then(
      (r) => r.status,
      () => 0,
    )) !== 200
  ) {
    if (Date.now() >= deadline || server.hasExited()) throw new Error(`not ready in ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
