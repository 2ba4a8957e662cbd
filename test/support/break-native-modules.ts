// Imported first by a test file: from then on, loading argon2 or sharp fails in this process
// as a broken installation would (a module resolution hook, so nothing of ours is replaced),
// and in the child processes it starts with its hooks (the native module check's).
// Test files run in their own processes, so no other file is affected.
import { register } from 'node:module';

export const BROKEN_MODULE_MESSAGE = 'simulated broken installation';

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier === '@node-rs/argon2' || specifier === 'sharp') {
    const error = new Error('${BROKEN_MODULE_MESSAGE}: cannot load ' + specifier);
    error.code = 'ERR_DLOPEN_FAILED';
    throw error;
  }
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
if (!process.execArgv.includes(import.meta.url)) process.execArgv.push('--import', import.meta.url);
