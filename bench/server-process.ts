// The real server as a separate process for the HTTP benchmark: the built CLI
// (`node bin/katsudo.js serve`), exactly what `npm start` runs, bound to loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ServerProcess {
  pid: number;
  port: number;
  origin: string;
  /** Milliseconds from spawn until the first 200 answer to GET /. */
  firstResponseMs: number;
  memory(): ProcessMemory;
  /** CPU time (user + system) the server has used so far, in milliseconds. */
  cpuTimeMs(): number;
  stop(): Promise<void>;
}

export interface ProcessMemory {
  /** Resident set size now, in bytes (VmRSS). */
  rssBytes: number;
  /** Peak resident set size, in bytes (VmHWM). */
  peakRssBytes: number;
  /** The part of the RSS that is anonymous memory (heaps, malloc arenas, thread stacks: RssAnon). */
  anonRssBytes: number;
  /** The part that maps files (node itself, ICU data, shared libraries, the SQLite file: RssFile). */
  fileRssBytes: number;
  /** Threads of the process: node's own, plus one per running work-pool thread. */
  threads: number;
}

export interface StartOptions {
  repoDir: string;
  dataDir: string;
  /** Extra flags for node itself, e.g. ['--cpu-prof', '--cpu-prof-dir=…']. */
  nodeArgs?: string[];
  /** Extra environment for the server, e.g. { KATSUDO_RATE_LIMIT_SEARCH: '0' }. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, still compressed if the server compressed them. */
  body: Buffer;
}

/** A GET that returns the raw bytes (fetch would decompress them and hide the wire size). */
export function httpGet(url: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), join(options.repoDir, 'bin/katsudo.js'), 'serve', '--no-demo', '--port', String(port), '--data', options.dataDir],
    {
      cwd: options.repoDir,
      env: { ...process.env, HOST: '127.0.0.1', KATSUDO_LOG_LEVEL: 'warn', KATSUDO_BASE_URL: origin, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  try {
    await waitForFirstResponse(`${origin}/`, child, options.timeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`server did not answer: ${(error as Error).message}\n${output}`, { cause: error });
  }
  const firstResponseMs = performance.now() - started;
  const pid = child.pid!;
  // On a shared machine something else may end the server; say so instead of failing on /proc.
  const alive = () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server ${pid} ended during the benchmark (exit code ${child.exitCode}, signal ${child.signalCode})\n${output}`);
    }
    return pid;
  };
  return {
    pid,
    port,
    origin,
    firstResponseMs,
    memory: () => readMemory(alive()),
    cpuTimeMs: () => readCpuTimeMs(alive()),
    stop: () => stopChild(child, exited),
  };
}

async function waitForFirstResponse(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const res = await httpGet(url);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  // serve closes the app and the database on SIGTERM, then the process ends by itself
  // (which is also when --cpu-prof writes its profile).
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function readMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
  return { rssBytes: kb('VmRSS') * 1024, peakRssBytes: kb('VmHWM') * 1024, anonRssBytes: kb('RssAnon') * 1024, fileRssBytes: kb('RssFile') * 1024, threads };
}

/** utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (Linux's USER_HZ is 100). */
function readCpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name in field 2 may contain spaces; fields are counted after its ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
