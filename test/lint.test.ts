// The layer rules of docs/ARCHITECTURE.md live in eslint.config.js; these tests lint small source
// texts placed as if in src/ and check that the config refuses what the layers forbid (and lets
// through what they allow), so a rule cannot silently vanish from the config.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = new URL('../', import.meta.url).pathname;
const eslint = new ESLint({ cwd: ROOT });

async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

async function assertRefused(filePath: string, code: string, rule: string) {
  const problems = await problemsOf(filePath, `${code}\n`);
  assert.ok(
    problems.some((p) => p.startsWith(`${rule}:`)),
    `${filePath}: expected ${rule} to refuse ${code}, got ${problems.join('; ') || 'nothing'}`,
  );
}

async function assertAllowed(filePath: string, code: string) {
  const problems = await problemsOf(filePath, `${code}\n`);
  assert.deepEqual(problems, [], `${filePath}: ${code}`);
}

const use = (name: string) => `export const used = ${name};`;

test('refuses an import of store, actions, web or cli from domain, at any folder depth', async () => {
  await assertRefused('src/domain/report.ts', `import { getReport } from '../store/reports.js';\n${use('getReport')}`, 'no-restricted-imports');
  await assertRefused('src/domain/search/tokens.ts', `import { x } from '../../actions/reports/x.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/domain/text-format/x.ts', `import type { X } from '../../web/deps.js';\nexport type Y = X;`, 'no-restricted-imports');
  await assertAllowed('src/domain/search/tokens.ts', `import { slugify } from '../slug.js';\n${use('slugify')}`);
});

test('keeps domain free of I/O, the clock, randomness and the process', async () => {
  await assertRefused('src/domain/report.ts', `import { readFileSync } from 'node:fs';\n${use('readFileSync')}`, 'no-restricted-imports');
  await assertRefused('src/domain/report.ts', `import { Kysely } from 'kysely';\n${use('Kysely')}`, 'no-restricted-imports');
  await assertRefused('src/domain/report.ts', use('Date.now()'), 'no-restricted-properties');
  await assertRefused('src/domain/report.ts', use('new Date()'), 'no-restricted-syntax');
  await assertRefused('src/domain/report.ts', use('Math.random()'), 'no-restricted-properties');
  await assertRefused('src/domain/report.ts', use('process.platform'), 'no-restricted-globals');
  await assertAllowed('src/domain/report.ts', use('new Date(0)'));
  // budoux-ja.ts finds BudouX's parser by path, and may do only that.
  await assertAllowed('src/domain/budoux-ja.ts', `import { join } from 'node:path';\n${use('join')}`);
  await assertRefused('src/domain/budoux-ja.ts', `import { readFileSync } from 'node:fs';\n${use('readFileSync')}`, 'no-restricted-imports');
});

test('points dependencies one way: store, actions and site never import the layers above them', async () => {
  await assertRefused('src/store/reports.ts', `export { x } from '../actions/reports/x.js';`, 'no-restricted-imports');
  await assertRefused('src/actions/reports/save-report.ts', `import { x } from '../../site/x.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/actions/reports/save-report.ts', `import { x } from '../../cli/main.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/site/report/load-report.ts', `import { x } from '../../web/deps.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/site/report/load-report.ts', `import { x } from '../../exporter/x.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/exporter/build-site.ts', `import { x } from '../web/x.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/web/server.ts', `import { x } from '../cli/main.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/store/reports.ts', `import { x } from '../../test/support/db.js';\n${use('x')}`, 'no-restricted-imports');
  // A folder of actions may be named like a layer (actions/site/): only the landing place counts.
  await assertAllowed('src/actions/reports/save-report.ts', `import { x } from '../site/x.js';\nimport { y } from '../../store/y.js';\n${use('[x, y]')}`);
  await assertAllowed('src/site/report/load-report.ts', `import { x } from '../../store/x.js';\nimport { y } from '../../actions/y.js';\n${use('[x, y]')}`);
});

test('keeps web and the exporter off store (public routes, API, admin routes and plumbing, error pages, exporter)', async () => {
  const store = `import { getReport } from '../../../store/reports.js';\n${use('getReport')}`;
  await assertRefused('src/web/routes/public/report.ts', store, 'no-restricted-imports');
  await assertRefused('src/web/routes/api/search.ts', store, 'no-restricted-imports');
  await assertRefused('src/web/routes/admin/reports.tsx', store, 'no-restricted-imports');
  await assertRefused('src/web/admin/session.ts', `import { x } from '../../store/sessions.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/web/errors.tsx', `import { x } from '../store/site-state.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/web/send-cached.ts', `import { x } from '../store/site-state.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/exporter/search/write-search-index.ts', store, 'no-restricted-imports');
  await assertAllowed('src/web/routes/public/report.ts', `import { x } from '../../../site/site-pages.js';\nimport { y } from '../../send-cached.js';\n${use('[x, y]')}`);
});

test('lets views import only domain and other views', async () => {
  await assertRefused('src/web/views/admin/report-edit-page.tsx', `import { x } from '../../routes/admin/x.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/web/views/admin/report-edit-page.tsx', `import { x } from '../../../actions/x.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/web/views/admin/report-edit-page.tsx', `import { x } from '../../../site/report/load-report.js';\n${use('x')}`, 'no-restricted-imports');
  await assertAllowed(
    'src/web/views/admin/report-edit-page.tsx',
    `import { x } from '../layout.js';\nimport { y } from '../../../site/components/pagination.js';\n${use('[x, y]')}`,
  );
  await assertRefused('src/site/report/report-page.tsx', `import { x } from '../../store/reports.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/site/report/report-page.tsx', `import { x } from '../../actions/x.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/site/report/report-page.tsx', `import { x } from '../site-pages.js';\n${use('x')}`, 'no-restricted-imports');
  await assertAllowed('src/site/report/report-page.tsx', `import { x } from '../components/x.js';\nimport { y } from '../../domain/y.js';\n${use('[x, y]')}`);
});

test('keeps the demo content data and the static search script free of server code', async () => {
  await assertRefused('src/demo/demo-content.ts', `import { x } from '../actions/x.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/exporter/search/client/static-search.ts', `import { x } from '../write-search-index.js';\n${use('x')}`, 'no-restricted-imports');
  await assertRefused('src/exporter/search/client/static-search.ts', `import { x } from 'node:fs';\n${use('x')}`, 'no-restricted-imports');
});

test('reads process.env only in config.ts and ends the process only in cli/main.ts', async () => {
  await assertRefused('src/web/server.ts', use('process.env.PORT'), 'no-restricted-properties');
  await assertAllowed('src/config.ts', use('process.env.PORT'));
  await assertRefused('src/cli/commands/serve.ts', 'process.exit(1);', 'no-restricted-properties');
  await assertAllowed('src/cli/main.ts', 'process.exit(1);');
});

test('inserts raw HTML only in site/components/html-block.tsx', async () => {
  const raw = `export const X = () => <div dangerouslySetInnerHTML={{ __html: '' }} />;`;
  await assertRefused('src/site/report/report-page.tsx', raw, 'no-restricted-syntax');
  await assertAllowed('src/site/components/html-block.tsx', raw);
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

test('puts every source file under a layer rule', async () => {
  for (const path of sourceFiles(join(ROOT, 'src'))) {
    const rule = (await eslint.calculateConfigForFile(path))?.rules?.['no-restricted-imports'];
    const patterns = Array.isArray(rule) ? (rule[1] as { patterns?: unknown[] } | undefined)?.patterns : undefined;
    assert.ok(Array.isArray(rule) && rule[0] === 2 && (patterns?.length ?? 0) > 0, `no layer rule for ${relative(ROOT, path)}`);
  }
});
