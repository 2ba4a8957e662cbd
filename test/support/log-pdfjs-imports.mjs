// Loaded with --import by a child process: from then on every module of pdfjs-dist that the
// process or its worker threads (which inherit --import) load is named on stderr as
// "pdfjs-dist loaded: <url>", so a test can tell whether a command loaded it. Plain
// JavaScript: a worker thread runs --import before any TypeScript loader is in place.
import { register } from 'node:module';

const hook = `
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:') && resolved.url.includes('/node_modules/pdfjs-dist/')) {
    process.stderr.write('pdfjs-dist loaded: ' + resolved.url + '\\n');
  }
  return resolved;
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
