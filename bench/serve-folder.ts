// A built folder over HTTP on 127.0.0.1 (a free port), as a plain static file server with
// Cache-Control like a CDN's: for the static search benchmarks (static-search.bench.ts,
// static-search-probe.ts).
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** The directory over HTTP/1.1 (six connections a host in Chromium), or over HTTP/2 with `tls` (one connection, every request at once: what a CDN speaks). */
export function serveFolder(root: string, tls?: { key: Buffer; cert: Buffer }): Promise<Server | Http2SecureServer> {
  const handle = (
    request: { url?: string },
    response: { writeHead(status: number, headers?: Record<string, string>): unknown; end(body: Uint8Array | string): unknown },
  ) => {
    let file = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)));
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'public, max-age=3600' });
      response.end(readFileSync(file));
    } catch {
      response.writeHead(404);
      response.end('');
    }
  };
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handle) : createServer(handle);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
