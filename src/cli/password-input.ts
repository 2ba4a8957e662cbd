// Reading a password for `katsudo user`: one line of standard input (--password-stdin, for
// scripts), or a hidden prompt on a terminal, asked twice so a typo is not saved.
import { PASSWORD_MIN_LENGTH } from '../domain/password-policy.js';
import { UsageError } from './usage-error.js';

export async function readPasswordLine(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  // Only the first line counts; its line ending is not part of the password.
  const line = text.split('\n')[0]!.replace(/\r$/, '');
  if (line === '') throw new UsageError('標準入力にパスワードがありません(--password-stdin は1行目を読みます)。');
  return line;
}

/** Asks on the terminal without echoing; returns the password and the second entry. */
export async function promptPasswordTwice(): Promise<{ password: string; confirmation: string }> {
  if (!process.stdin.isTTY) {
    throw new UsageError('パスワードをたずねる端末がありません。--password-stdin で渡してください(例: echo "$PASSWORD" | katsudo user add …)。');
  }
  const password = await promptHidden(`パスワード(${PASSWORD_MIN_LENGTH}文字以上): `);
  const confirmation = await promptHidden('もう一度パスワード: ');
  return { password, confirmation };
}

function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: string) => {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new UsageError('中止しました。'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}
