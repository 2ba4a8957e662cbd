// katsudo user …: the real CLI in a child process, on a data directory of its own.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { verifyPassword } from '../../src/actions/users/password-hashing.js';
import { listAudit } from '../../src/store/audit-log.js';
import type { Db } from '../../src/store/database.js';
import { findCredentials, listUsers } from '../../src/store/users.js';
import { runCli, withSiteDatabase } from '../support/cli-run.js';

const GOOD = 'にわにはにわにわとりがいる';
let dir: string;

const katsudo = (args: string[], input?: string) =>
  runCli(['user', ...args], { input: input ?? '', env: { KATSUDO_DATA_DIR: join(dir, 'data'), KATSUDO_BASE_URL: 'https://www.example.jp' } });
const withDb = <T>(fn: (db: Db) => Promise<T>) => withSiteDatabase(join(dir, 'data'), fn);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-user-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('adds the first owner with a password from standard input and says where to log in', async () => {
  const run = katsudo(['add', 'yamakawa', '--role', 'owner', '--name', '山川 さくら', '--password-stdin'], `${GOOD}\n`);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^オーナー「yamakawa」を追加しました。https:\/\/www\.example\.jp\/admin\/ からログインできます。$/m);
  await withDb(async (db) => {
    const found = await findCredentials(db, 'yamakawa');
    assert.equal(found?.user.displayName, '山川 さくら');
    assert.equal(found?.user.role, 'owner');
    assert.match(found!.passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(found!.passwordHash, GOOD), true, 'the line ending is not part of the password');
    assert.equal((await listAudit(db, { limit: 1, action: 'user.add' }))[0]?.detail, '{"login":"yamakawa","role":"owner","via":"cli"}');
  });
});

test('refuses bad input with a plain English message, a non-zero exit code, and writes nothing', async () => {
  const cases: [string[], string, RegExp, number][] = [
    [['add', 'sato', '--role', 'writer', '--password-stdin'], 'short\n', /12文字以上にしてください.*何も変更していません/, 3],
    [['add', 'sato', '--role', 'writer', '--password-stdin'], 'Password1234\n', /よく使われていて推測されやすい/, 3],
    [['add', 'sato', '--role', 'admin', '--password-stdin'], `${GOOD}\n`, /不明な権限です: admin\(owner・editor・writer のどれかです\)/, 2],
    [['add', 'sato', '--password-stdin'], `${GOOD}\n`, /--role で権限を指定してください/, 2],
    [['add', 'yamakawa', '--role', 'editor', '--password-stdin'], `${GOOD}\n`, /ログイン名「yamakawa」はすでに使われています/, 3],
    [['add', 'Sato Taro', '--role', 'editor', '--password-stdin'], `${GOOD}\n`, /ログイン名には半角の英小文字、数字/, 3],
    [['add', 'sato', '--role', 'writer', '--password-stdin'], '', /標準入力にパスワードがありません/, 2],
    [['add', 'sato', '--role', 'writer'], '', /パスワードをたずねる端末がありません。--password-stdin で渡してください/, 2],
    [['passwd', 'nobody', '--password-stdin'], `${GOOD}\n`, /ユーザーが見つかりません: nobody/, 4],
    [['disable', 'nobody'], '', /ユーザーが見つかりません: nobody/, 4],
    [['frobnicate'], '', /不明な user のコマンドです: frobnicate/, 2],
  ];
  for (const [args, input, message, code] of cases) {
    const run = katsudo(args, input);
    assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message, args.join(' '));
  }
  await withDb(async (db) =>
    assert.deepEqual(
      (await listUsers(db)).map((u) => u.login),
      ['yamakawa'],
    ),
  );
});

test('lists users, one per line', async () => {
  assert.equal(katsudo(['add', 'sato', '--role', 'writer', '--password-stdin'], `${GOOD}\n`).code, 0);
  const run = katsudo(['list']);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^yamakawa\towner\tactive\t山川 さくら\t/m);
  assert.match(run.stdout, /^sato\twriter\tactive\tsato\t/m);
  assert.match(run.stdout, /^合計 2人$/m);
});

test('disables and enables a user; refuses to disable the last active owner', async () => {
  assert.equal(katsudo(['disable', 'sato']).code, 0);
  assert.match(katsudo(['list']).stdout, /^sato\twriter\tdisabled/m);
  assert.equal(katsudo(['enable', 'sato']).code, 0);
  assert.match(katsudo(['list']).stdout, /^sato\twriter\tactive/m);
  const last = katsudo(['disable', 'yamakawa']);
  assert.equal(last.code, 3);
  assert.match(last.stderr, /有効なオーナーが他にいないため、無効にできません。何も変更していません。/);
});

test('changes a password: the old one stops working, the new one works', async () => {
  const next = 'あたらしいパスワードはこれです';
  const run = katsudo(['passwd', 'sato', '--password-stdin'], `${next}\n`);
  assert.equal(run.code, 0, run.stderr);
  await withDb(async (db) => {
    const { passwordHash } = (await findCredentials(db, 'sato'))!;
    assert.equal(await verifyPassword(passwordHash, next), true);
    assert.equal(await verifyPassword(passwordHash, GOOD), false);
  });
  const weak = katsudo(['passwd', 'sato', '--password-stdin'], 'iloveyou1234\n');
  assert.equal(weak.code, 3);
  assert.match(weak.stderr, /よく使われていて推測されやすい/);
});

test('shows the user commands in the help', () => {
  const run = runCli(['help']);
  assert.match(run.stdout, /katsudo user add LOGIN --role owner\|editor\|writer/);
  assert.match(run.stdout, /katsudo user passwd LOGIN/);
});
