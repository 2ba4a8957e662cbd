// Imported with --import by a child process: from then on every module of pdfjs-dist that
// the process or its worker threads (which inherit --import) load is named on stderr as
// "pdfjs-dist loaded: <url>", so a test can tell whether a command loaded it.
import { register } from 'node:module';

export const PDFJS_LOADED = 'pdfjs-dist loaded:';

const hook = `
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:') && resolved.url.includes('/node_modules/pdfjs-dist/')) {
    process.stderr.write('${PDFJS_LOADED} ' + resolved.url + '\\n');
  }
  return resolved;
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
