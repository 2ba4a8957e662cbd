// katsudo user add|passwd|disable|enable|list|reset-2fa — accounts from the command line, chiefly to
// create the first owner and to let a locked-out owner (or one who lost their phone) back in.
import { parseArgs } from 'node:util';
import { addUser } from '../../actions/users/add-user.js';
import { setPassword } from '../../actions/users/change-password.js';
import { setUserDisabled } from '../../actions/users/set-user-disabled.js';
import { resetTwoFactor } from '../../actions/users/two-factor/reset-two-factor.js';
import { ValidationError } from '../../domain/errors.js';
import { displayNameProblem, isRole, loginProblem, normalizeDisplayName, normalizeLogin, ROLE_LABELS, type Role } from '../../domain/user.js';
import { findUserByLogin, getUserByLogin, listUsers } from '../../store/users.js';
import { DATA_OPTION, type CommandHelp } from '../command-help.js';
import { openSite, type SiteLocation } from '../open-site.js';
import { findServedUrl } from '../served-url.js';
import { promptPasswordTwice, readPasswordLine } from '../password-input.js';
import { UsageError } from '../usage-error.js';

export const USER_USAGE = [
  'katsudo user add LOGIN --role owner|editor|writer [--name "表示名"] [--password-stdin] [--data ./data]',
  'katsudo user passwd LOGIN [--password-stdin] [--data ./data]',
  'katsudo user disable LOGIN [--data ./data]',
  'katsudo user enable LOGIN [--data ./data]',
  'katsudo user list [--data ./data]',
  'katsudo user reset-2fa LOGIN [--data ./data]',
];

export const USER_HELP: CommandHelp = {
  usage: USER_USAGE,
  summary: '管理画面にログインするユーザーを追加・変更・一覧表示します(最初のオーナーもこれで作ります)。',
  options: {
    '--role owner|editor|writer': 'user add で付ける権限です(必ず指定します): owner(オーナー)・editor(編集者)・writer(執筆者)。',
    '--name "表示名"': 'user add で付ける表示名です。',
    '--password-stdin': 'パスワードを標準入力の1行から読みます(スクリプト用)。付けないときは端末で2回たずねます。',
    ...DATA_OPTION,
  },
};

const ROLE_CHOICES = 'owner・editor・writer';

const SUBCOMMANDS = ['add', 'passwd', 'disable', 'enable', 'list', 'reset-2fa'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

export interface UserArgs {
  subcommand: Subcommand;
  login: string;
  role?: string;
  name?: string;
  isPasswordFromStdin: boolean;
  dataDir?: string;
}

export function parseUserArgs(args: string[]): UserArgs {
  const [subcommand, ...rest] = args;
  if (!(SUBCOMMANDS as readonly (string | undefined)[]).includes(subcommand)) {
    throw new UsageError(
      `${subcommand === undefined ? 'user のあとにコマンドを指定してください' : `不明な user のコマンドです: ${subcommand}`}。\n使い方:\n  ${USER_USAGE.join('\n  ')}`,
    );
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { role: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' }, data: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  const sub = subcommand as Subcommand;
  const expected = sub === 'list' ? 0 : 1;
  if (positionals.length !== expected) {
    throw new UsageError(`${expected === 0 ? 'ログイン名は指定しません' : 'ログイン名を1つ指定してください'}。\n使い方: ${USER_USAGE[SUBCOMMANDS.indexOf(sub)]}`);
  }
  if (sub === 'add') {
    if (values.role === undefined) throw new UsageError(`--role で権限を指定してください(${ROLE_CHOICES} のどれかです)。`);
    if (!isRole(values.role)) throw new UsageError(`不明な権限です: ${values.role}(${ROLE_CHOICES} のどれかです)`);
  } else if (values.role !== undefined || values.name !== undefined) {
    throw new UsageError('--role と --name は user add でだけ使えます。');
  }
  if (values['password-stdin'] && sub !== 'add' && sub !== 'passwd') throw new UsageError('--password-stdin は user add と user passwd でだけ使えます。');
  return {
    subcommand: sub,
    login: positionals[0] ?? '',
    role: values.role,
    name: values.name,
    isPasswordFromStdin: values['password-stdin'] ?? false,
    dataDir: values.data,
  };
}

async function readPassword(args: UserArgs): Promise<{ password: string; confirmation?: string }> {
  if (args.isPasswordFromStdin) return { password: await readPasswordLine() };
  return promptPasswordTwice();
}

export async function userCommand(args: UserArgs, site: SiteLocation, baseUrl: string, log: (line: string) => void): Promise<void> {
  const ctx = await openSite(site);
  try {
    const login = normalizeLogin(args.login);
    switch (args.subcommand) {
      case 'add': {
        // Everything that can be checked is checked before asking for the password.
        const problem = loginProblem(login) ?? displayNameProblem(normalizeDisplayName(args.name ?? ''));
        if (problem) throw new ValidationError(problem.message);
        if (await findUserByLogin(ctx.db, login)) throw new ValidationError(`ログイン名「${login}」はすでに使われています。`);
        const { password, confirmation } = await readPassword(args);
        await addUser(ctx, { login, displayName: args.name ?? '', role: args.role!, password, passwordConfirmation: confirmation });
        // The server's own address when it has run on this data directory (its port may differ from ours).
        const role = args.role as Role;
        log(`${ROLE_LABELS[role]}「${login}」を追加しました。${findServedUrl(site.dataDir) ?? baseUrl}/admin/ からログインできます。`);
        return;
      }
      case 'passwd': {
        await getUserByLogin(ctx.db, login);
        const { password, confirmation } = await readPassword(args);
        await setPassword(ctx, login, password, confirmation);
        log(`「${login}」のパスワードを変更しました。ログイン中のセッションは終了し、ログインの一時停止も解除しました。`);
        return;
      }
      case 'disable':
      case 'enable': {
        const isDisabled = args.subcommand === 'disable';
        await setUserDisabled(ctx, { login }, isDisabled);
        log(isDisabled ? `「${login}」を無効にしました。ログイン中のセッションは終了しました。` : `「${login}」を有効にしました。`);
        return;
      }
      case 'reset-2fa': {
        const reset = await resetTwoFactor(ctx, login);
        const removed = [reset.hadTotp && '認証アプリ', `パスキー${reset.passkeys}件`, `回復コード${reset.recoveryCodes}件`].filter(Boolean).join('、');
        log(`「${login}」の2段階認証(${removed})を削除し、セッション${reset.sessions}件を終了しました。`);
        log('本人はパスワードでログインし、アカウントのページで認証アプリかパスキーを設定し直せます。');
        return;
      }
      case 'list': {
        const users = await listUsers(ctx.db);
        for (const u of users) log([u.login, u.role, u.isDisabled ? 'disabled' : 'active', u.displayName, u.createdAt].join('\t'));
        log(`合計 ${users.length}人`);
        return;
      }
    }
  } catch (error) {
    // The field messages are the Japanese ones; they lead, as in the admin's forms.
    if (error instanceof ValidationError) throw new ValidationError(`${Object.values(error.fields).join(' ') || error.message}何も変更していません。`);
    throw error;
  } finally {
    await ctx.db.destroy();
  }
}
