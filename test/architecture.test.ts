// The architecture rules that ESLint cannot express. The layers themselves (which folder may
// import which, the pure domain, process.env and process.exit, raw HTML) are eslint.config.js's,
// checked by `npm run lint` and kept honest by test/lint.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ERROR_CODES } from '../src/domain/errors.js';
import { STATUS_BY_CODE } from '../src/web/errors.js';

test('maps every error code to an HTTP status and a CLI exit code', async () => {
  // cli/main.ts runs the CLI when imported, so its table is read from the source.
  const cli = readFileSync(new URL('../src/cli/main.ts', import.meta.url), 'utf8');
  for (const code of ERROR_CODES) {
    assert.ok(STATUS_BY_CODE[code] >= 400, `no HTTP status for ${code}`);
    assert.match(cli, new RegExp(`\\b${code}: \\d+`), `no exit code for ${code}`);
  }
  assert.deepEqual(Object.keys(STATUS_BY_CODE).sort(), [...ERROR_CODES].sort());
});
