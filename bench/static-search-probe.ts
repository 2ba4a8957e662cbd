// A cold static search in Chromium without Playwright: static-search.bench.ts drives Chromium
// through Playwright, which follows every request over the DevTools protocol (its Network
// domain), and on a loaded 2-core machine that costs a few milliseconds a request, of which a
// cold search makes 25 or more. This probe starts a new Chromium (a new profile: empty cache
// and storage) for every load, opens the search page of a folder `katsudo build` wrote, and
// reads the page's own marks (static-search.ts) through the DevTools protocol's Runtime domain
// alone: from the script's start to the list shown and to the results complete.
//
//   node --experimental-websocket --import tsx bench/static-search-probe.ts --dir OUT [--runs 5] [--query 外交 --query TPP]
//   (Node 22 and later have WebSocket without the flag.) With `--origin URL` instead of --dir it
//   loads the search page from a server already serving the folder, e.g. one speaking HTTP/2
//   over TLS as CDNs do (Chromium then accepts its certificate unchecked: a local bench only).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { serveFolder } from './serve-folder.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DEFAULT_QUERIES = ['外交', '中国地方', '海外交流', '対外交渉', 'TPP', 'ADMM'];

interface Marks {
  listed: number;
  complete: number;
  fromNavigation: number;
}

/** One DevTools session over a page target's WebSocket. */
class DevTools {
  private next = 0;
  private readonly waiting = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: unknown };
      if (message.id !== undefined) this.waiting.get(message.id)?.(message);
    });
  }

  static async open(url: string): Promise<DevTools> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve);
      socket.addEventListener('error', reject);
    });
    return new DevTools(socket);
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<{ result?: unknown; error?: unknown }> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** The value of `expression` in the page (JSON-serialisable). */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = (await this.send('Runtime.evaluate', { expression, returnByValue: true })) as { result?: { result?: { value?: T } } };
    return reply.result?.result?.value as T;
  }

  close(): void {
    this.socket.close();
  }
}

const leftProfiles: string[] = [];

async function removeLeftProfiles(): Promise<void> {
  if (leftProfiles.length === 0) return;
  await sleep(2000);
  for (const profile of leftProfiles) rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

/** A new Chromium with its own profile, the URL of its first page's DevTools socket, and a way to stop it. */
async function launch(extraArgs: readonly string[]): Promise<{ pageSocket: string; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'katsudo-probe-'));
  const args = [...CHROMIUM_ARGS, ...extraArgs, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'];
  const chromium = spawn('/usr/bin/chromium', args, { stdio: 'ignore' });
  const stop = async () => {
    chromium.kill();
    await new Promise((resolve) => (chromium.exitCode === null ? chromium.once('exit', resolve) : resolve(undefined)));
    // Chromium's other processes may still be writing into the profile for a while on a
    // loaded machine: what cannot be removed now is removed at the end (removeLeftProfiles).
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      leftProfiles.push(profile);
    }
  };
  for (let i = 0; i < 100; i++) {
    try {
      // Chromium writes the port it chose into the profile.
      const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; webSocketDebuggerUrl: string }[];
      const page = targets.find((t) => t.type === 'page');
      if (page) return { pageSocket: page.webSocketDebuggerUrl, stop };
    } catch {
      // not up yet
    }
    await sleep(50);
  }
  await stop();
  throw new Error('Chromium did not start');
}

/** One cold load of `url`: the page's marks once the search is complete. */
async function coldLoad(url: string, extraArgs: readonly string[]): Promise<Marks> {
  const { pageSocket, stop } = await launch(extraArgs);
  const tools = await DevTools.open(pageSocket);
  try {
    await tools.send('Page.navigate', { url });
    for (let waited = 0; waited < 20_000; waited += 25) {
      const isDone = await tools.evaluate<boolean>(`!!document.querySelector('section.search-page[data-static-search="done"]')`);
      if (isDone) break;
      await sleep(25);
    }
    const marks = await tools.evaluate<Record<string, number>>(
      `Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('static-search-', ''), m.startTime]))`,
    );
    const start = marks.start!;
    // Nothing to list (no result, a refusal): the outcome is shown complete at once.
    const complete = marks.found! - start;
    return { listed: marks.listed === undefined ? complete : marks.listed - start, complete, fromNavigation: marks.found! };
  } finally {
    tools.close();
    await stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, origin: { type: 'string' }, runs: { type: 'string', default: '5' }, query: { type: 'string', multiple: true } },
  });
  if (!values.dir === !values.origin) throw new Error('--dir: a folder written by katsudo build, or --origin: a server serving one');
  if (typeof WebSocket === 'undefined') throw new Error('no WebSocket in this Node: run it with --experimental-websocket (Node 20)');
  const runs = Number(values.runs);
  const server = values.dir === undefined ? undefined : await serveFolder(values.dir);
  const origin = server === undefined ? values.origin!.replace(/\/$/, '') : `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const extraArgs = origin.startsWith('https:') ? ['--ignore-certificate-errors'] : [];
  console.log(`Chromium without Playwright, cold (a new browser and profile each load), ${origin.split(':')[0]}, median of ${runs}; load ${loadavg()[0]!.toFixed(1)}`);
  console.log('| query | listed ms (script start → list shown) | complete ms (→ snippets in) | complete from navigation start ms |');
  console.log('| --- | ---: | ---: | ---: |');
  try {
    for (const q of values.query ?? DEFAULT_QUERIES) {
      const loads: Marks[] = [];
      for (let i = 0; i < runs; i++) loads.push(await coldLoad(`${origin}/search.html?q=${encodeURIComponent(q)}`, extraArgs));
      const cell = (pick: (m: Marks) => number) => `${median(loads.map(pick)).toFixed(0)} (${loads.map((m) => pick(m).toFixed(0)).join(', ')})`;
      console.log(`| \`${q}\` | ${cell((m) => m.listed)} | ${cell((m) => m.complete)} | ${cell((m) => m.fromNavigation)} |`);
    }
  } finally {
    server?.close();
    await removeLeftProfiles();
  }
  console.log(`load at end ${loadavg()[0]!.toFixed(1)}`);
}

await main();
