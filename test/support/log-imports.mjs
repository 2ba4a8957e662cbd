// Loaded with --import by a child process: from then on every module that the process or its
// worker threads (which inherit --import) load, if its URL contains one of the comma-separated
// parts of KATSUDO_TEST_LOG_IMPORTS, is named on stderr as "module loaded: <url>", so a test
// can tell whether a command loaded it. Plain JavaScript: a worker thread runs --import before
// any TypeScript loader is in place.
import { register } from 'node:module';

const hook = `
let parts = [];
export function initialize(data) {
  parts = data.parts;
}
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:') && parts.some((part) => resolved.url.includes(part))) {
    process.stderr.write('module loaded: ' + resolved.url + '\\n');
  }
  return resolved;
}`;

const parts = (process.env.KATSUDO_TEST_LOG_IMPORTS ?? '').split(',').filter((part) => part !== '');
register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url, { data: { parts } });
