// Tests that read the shared material beside the clone (../shared: the real WordPress
// export, the seed pages). In a fresh clone without it they skip with the reason; under
// CI=true (CI always has it) a missing file is a failure with a clear message, never a
// silent skip.
import { existsSync } from 'node:fs';

/**
 * The `skip` option for tests that need `file`: false when it exists; the reason when it
 * does not (outside CI).
 * @throws Error when the file is missing and CI=true, which fails the test file.
 */
export function skipUnlessShared(file: URL | string, what: string): false | string {
  if (existsSync(file)) return false;
  const path = typeof file === 'string' ? file : file.pathname;
  if (process.env.CI === 'true') {
    throw new Error(`${what} is missing (${path}): CI=true requires the ../shared folder beside the clone; these tests must not be skipped in CI.`);
  }
  return `${what} is not available (${path})`;
}
