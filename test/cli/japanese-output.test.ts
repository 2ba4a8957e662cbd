// Every line the katsudo command prints for a person is Japanese (issue 12 item 8): the help of
// each command and a set of typical mistakes — an unknown command or option, a missing value or
// file, a value out of range, a rule of the site broken, something not found.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { formatCommandHelp, type CommandHelp } from '../../src/cli/command-help.js';
import { BACKUP_HELP } from '../../src/cli/commands/backup.js';
import { BUILD_HELP } from '../../src/cli/commands/build.js';
import { DEMO_HELP } from '../../src/cli/commands/demo.js';
import { EXPORT_HELP } from '../../src/cli/commands/export.js';
import { IMPORT_HTML_HELP } from '../../src/cli/commands/import-html.js';
import { IMPORT_TEXT_HELP } from '../../src/cli/commands/import-text.js';
import { IMPORT_WXR_HELP } from '../../src/cli/commands/import-wxr.js';
import { LIST_HELP } from '../../src/cli/commands/list.js';
import { REINDEX_HELP } from '../../src/cli/commands/reindex.js';
import { RERENDER_HELP } from '../../src/cli/commands/rerender.js';
import { RESTORE_HELP } from '../../src/cli/commands/restore.js';
import { SERVE_HELP } from '../../src/cli/commands/serve.js';
import { USER_HELP } from '../../src/cli/commands/user.js';
import { runCli } from '../support/cli-run.js';
import { linesWithoutJapanese } from '../support/japanese-lines.js';

const HELPS: Record<string, CommandHelp> = {
  serve: SERVE_HELP,
  'import-text': IMPORT_TEXT_HELP,
  'import-html': IMPORT_HTML_HELP,
  'import-wxr': IMPORT_WXR_HELP,
  list: LIST_HELP,
  reindex: REINDEX_HELP,
  rerender: RERENDER_HELP,
  export: EXPORT_HELP,
  demo: DEMO_HELP,
  backup: BACKUP_HELP,
  restore: RESTORE_HELP,
  user: USER_HELP,
  build: BUILD_HELP,
};

let dir: string;
let dataDir: string;

function katsudo(args: string[], input = '', site = dataDir) {
  return runCli(args, { env: { KATSUDO_DATA_DIR: site }, input });
}

function assertJapanese(args: string[], output: string): void {
  assert.deepEqual(linesWithoutJapanese(output), [], `katsudo ${args.join(' ')} printed:\n${output}`);
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-japanese-'));
  dataDir = join(dir, 'data');
  writeFileSync(join(dir, 'no-date.txt'), '日付のない報告\n\n本文だけがある。');
  writeFileSync(join(dir, 'not-a-backup.tar'), 'これはバックアップではない');
  mkdirSync(join(dir, 'full'));
  writeFileSync(join(dir, 'full', 'note.txt'), 'x');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the checker itself lets Japanese, command lines and paths through and stops English sentences', () => {
  assert.deepEqual(
    linesWithoutJapanese(
      'katsudo: 不明なオプションです: --nope\n  katsudo serve [--port 3000]\n  site.json, wordpress.xml, reports/\n  KATSUDO_BACKUP_DIR, KATSUDO_MIN_FREE_MB',
    ),
    [],
  );
  assert.deepEqual(linesWithoutJapanese("katsudo: Unknown option '--nope'\n2 users"), ["katsudo: Unknown option '--nope'", '2 users']);
});

test('katsudo --help, katsudo <command> --help and katsudo help <command> are Japanese', () => {
  const general = katsudo(['--help']);
  assert.equal(general.code, 0, general.stderr);
  assertJapanese(['--help'], general.stdout);
  for (const command of Object.keys(HELPS)) assert.match(general.stdout, new RegExp(`^  katsudo ${command} `, 'm'), `${command} is in the general help`);
  const serve = katsudo(['serve', '--help']);
  assert.equal(serve.code, 0, serve.stderr);
  assert.equal(serve.stdout, `${formatCommandHelp(SERVE_HELP)}\n`);
  assert.equal(katsudo(['help', 'user']).stdout, katsudo(['user', 'add', '-h']).stdout);
});

test("every command's help explains each of its options in Japanese", () => {
  for (const [command, help] of Object.entries(HELPS)) {
    const text = formatCommandHelp(help);
    assertJapanese([command, '--help'], text);
    for (const usage of help.usage) {
      for (const option of usage.match(/--[a-z-]+/g) ?? []) assert.match(text, new RegExp(`^  ${option}\\b.*[ぁ-ん]`, 'm'), `${command}: ${option} is explained`);
    }
  }
});

test('mistakes on the command line are explained in Japanese and exit with 2', () => {
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /^katsudo: 不明なコマンドです: frobnicate$/m],
    [['list', '--nope'], /^katsudo: 不明なオプションです: --nope\n詳しくは katsudo list --help をご覧ください。$/m],
    [['list', '--status'], /^katsudo: --status の値を指定してください/m],
    [['list', '--status', 'hidden'], /^katsudo: --status は .* のいずれかです: "hidden"$/m],
    [['reindex', 'extra'], /^katsudo: 余分な引数があります: extra$/m],
    [['demo', 'remove', '--yes=no'], /^katsudo: --yes には値を付けません。$/m],
    [['serve', '--port', '99999'], /^katsudo: --port はポート番号\(1〜65535\)で指定してください\(例: --port=3000\)。指定された値: "99999"$/m],
    [['export'], /^katsudo: 書き出し先のフォルダを --out で指定してください。$/m],
    [['restore'], /^katsudo: 使い方: katsudo restore/m],
    [['user', 'frobnicate'], /^katsudo: 不明な user のコマンドです: frobnicate。$/m],
    [['user', 'add', 'sato'], /^katsudo: --role で権限を指定してください\(owner・editor・writer のどれかです\)。$/m],
    [['user', 'add', 'sato', '--role', 'writer'], /^katsudo: パスワードをたずねる端末がありません。/m],
    [['import-wxr'], /^katsudo: WordPress のエクスポートファイル\(WXR\)を1つ指定してください。$/m],
  ];
  for (const [args, message] of cases) {
    const run = katsudo(args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message, args.join(' '));
    assertJapanese(args, run.stdout + run.stderr);
  }
  const env = runCli(['list'], { env: { KATSUDO_DATA_DIR: dataDir, KATSUDO_SESSION_IDLE_MINUTES: 'two hours' } });
  assert.equal(env.code, 2);
  assertJapanese(['list (KATSUDO_SESSION_IDLE_MINUTES=two hours)'], env.stderr);
});

test('missing files, broken rules and things not found are explained in Japanese with their exit codes', () => {
  const cases: [string[], string, RegExp, number][] = [
    // First, while the data folder holds no site yet.
    [['export', '--out', join(dir, 'out')], '', /katsudo のサイトがありません/, 3],
    [['import-text', join(dir, 'missing.txt')], '', /missing\.txt: ファイルが見つかりません。/, 3],
    [['import-text', join(dir, 'no-date.txt')], '', /日付が見つかりません/, 3],
    [['import-text', '--dry-run', join(dir, 'missing-folder')], '', /ファイルもフォルダも見つかりません/, 3],
    [['import-wxr', join(dir, 'missing.xml')], '', /missing\.xml: ファイルが見つかりません。/, 3],
    [
      ['backup', '--verify', join(dir, 'not-a-backup.tar')],
      '',
      /^katsudo: アーカイブが途中\(0 バイト目\)で終わっています。切れているか、katsudo のバックアップではありません$/m,
      65,
    ],
    [['user', 'passwd', 'nobody', '--password-stdin'], 'にわにはにわにわとりがいる\n', /^katsudo: ユーザーが見つかりません: nobody$/m, 4],
    [
      ['user', 'add', 'sato', '--role', 'writer', '--password-stdin'],
      'short\n',
      /^katsudo: パスワードは12文字以上にしてください\(現在5文字\)。何も変更していません。$/m,
      3,
    ],
    [['user', 'list'], '', /^合計 0人$/m, 0],
    [['export', '--out', join(dir, 'full')], '', /^katsudo: --out .*full: フォルダが空ではありません。/m, 3],
  ];
  const site = join(dir, 'second-site');
  for (const [args, input, message, code] of cases) {
    const run = katsudo(args, input, site);
    assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stdout + run.stderr, message, args.join(' '));
    assertJapanese(args, run.stdout + run.stderr);
  }
});
