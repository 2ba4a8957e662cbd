// The native modules katsudo needs: argon2 (passwords) and sharp/libvips (images). They are
// loaded on first use, not at start (docs/performance.md), so a broken installation would
// otherwise show only when someone logs in or uploads. `loadNativeModule` turns a failed
// load into NativeModuleError (its cause kept); `checkNativeModules` tries them all for the
// start and /readyz in a child process, so a server that nobody logs in to and nothing is
// uploaded to never holds them (about 30 MB of RSS for the two).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NativeModuleError } from '../../domain/errors.js';

export const NATIVE_MODULES = {
  argon2: () => import('@node-rs/argon2'),
  sharp: () => import('sharp'),
} as const;

export type NativeModuleName = keyof typeof NATIVE_MODULES;

/** What each loader of NATIVE_MODULES imports, for the child process. */
const SPECIFIERS: Record<NativeModuleName, string> = { argon2: '@node-rs/argon2', sharp: 'sharp' };

/** Imports each module named in its argument; prints those that failed, with their errors. */
const CHECK_SCRIPT = `const failed = {};
for (const [name, specifier] of Object.entries(JSON.parse(process.argv[1]))) {
  try { await import(specifier); } catch (error) { failed[name] = String(error instanceof Error ? error.message : error); }
}
process.stdout.write(JSON.stringify(failed));`;

/** The node options a child keeps: module hooks and preloads, which decide how modules load. */
const HOOK_OPTIONS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/** @throws NativeModuleError when the module cannot be loaded */
export async function loadNativeModule<N extends NativeModuleName>(name: N): Promise<Awaited<ReturnType<(typeof NATIVE_MODULES)[N]>>> {
  try {
    return (await NATIVE_MODULES[name]()) as Awaited<ReturnType<(typeof NATIVE_MODULES)[N]>>;
  } catch (error) {
    throw new NativeModuleError(name, error);
  }
}

/** The check under way or passed: the installation does not change under a running process. */
let check: Promise<NativeModuleError[]> | undefined;

/** The modules that failed to load in a child process of this node, each with its error; empty when all load. A failed check is tried again next time. */
export async function checkNativeModules(): Promise<NativeModuleError[]> {
  check ??= loadInChild();
  const mine = check;
  const failures = await mine;
  if (failures.length > 0 && check === mine) check = undefined;
  return failures;
}

function loadInChild(): Promise<NativeModuleError[]> {
  const names = Object.keys(SPECIFIERS) as NativeModuleName[];
  const args = [...hookOptions(process.execArgv), '--input-type=module', '-e', CHECK_SCRIPT, JSON.stringify(SPECIFIERS)];
  // Bare specifiers resolve from the working directory: this module's, as they would here.
  const cwd = fileURLToPath(new URL('.', import.meta.url));
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      let failed: Record<string, string>;
      try {
        failed = JSON.parse(stdout) as Record<string, string>;
      } catch {
        const cause = new Error(`the module check did not finish: ${error?.message ?? ''} ${stderr}`.trim());
        return resolve(names.map((name) => new NativeModuleError(name, cause)));
      }
      resolve(names.filter((name) => name in failed).map((name) => new NativeModuleError(name, new Error(failed[name]))));
    });
  });
}

/** `--import x`, `--import=x` and the like from `execArgv`, each with its value. */
function hookOptions(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const option = execArgv[i]!;
    if (HOOK_OPTIONS.has(option) && i + 1 < execArgv.length) kept.push(option, execArgv[++i]!);
    else if (HOOK_OPTIONS.has(option.slice(0, option.indexOf('=')))) kept.push(option);
  }
  return kept;
}
