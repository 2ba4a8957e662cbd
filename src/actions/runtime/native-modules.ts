// The native modules katsudo needs: argon2 (passwords) and sharp/libvips (images). They are
// loaded on first use, not at start (docs/performance.md), so a broken installation would
// otherwise show only when someone logs in or uploads. `loadNativeModule` turns a failed
// load into NativeModuleError (its cause kept); `checkNativeModules` tries them all for the
// start and /readyz. Loading is cached by the module system: a second check costs nothing.
import { NativeModuleError } from '../../domain/errors.js';

export const NATIVE_MODULES = {
  argon2: () => import('@node-rs/argon2'),
  sharp: () => import('sharp'),
} as const;

export type NativeModuleName = keyof typeof NATIVE_MODULES;

/** @throws NativeModuleError when the module cannot be loaded */
export async function loadNativeModule<N extends NativeModuleName>(name: N): Promise<Awaited<ReturnType<(typeof NATIVE_MODULES)[N]>>> {
  try {
    return (await NATIVE_MODULES[name]()) as Awaited<ReturnType<(typeof NATIVE_MODULES)[N]>>;
  } catch (error) {
    throw new NativeModuleError(name, error);
  }
}

/** The modules that failed to load, each with its error; empty when all load. */
export async function checkNativeModules(): Promise<NativeModuleError[]> {
  const names = Object.keys(NATIVE_MODULES) as NativeModuleName[];
  const results = await Promise.allSettled(names.map((name) => loadNativeModule(name)));
  return results.flatMap((r) => (r.status === 'rejected' ? [r.reason as NativeModuleError] : []));
}
