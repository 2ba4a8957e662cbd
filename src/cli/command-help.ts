// The help of one sub-command (`katsudo <command> --help`): its usage lines, what it does and
// what each option means. The same summary is the command's entry in `katsudo --help`.
export interface CommandHelp {
  /** Command lines as typed; names of options and placeholders stay as they are. */
  usage: readonly string[];
  /** One sentence in Japanese: what the command does. */
  summary: string;
  /** Option (with its value placeholder) → its meaning in Japanese, in the order shown. */
  options: Readonly<Record<string, string>>;
}

/** The option every command understands; listed last in each help. */
const HELP_OPTION = '--help, -h';

export function formatCommandHelp(help: CommandHelp): string {
  const options: [string, string][] = [...Object.entries(help.options), [HELP_OPTION, 'この説明を表示します。']];
  const width = Math.max(...options.map(([name]) => columns(name)));
  return [
    '使い方:',
    ...help.usage.map((line) => `  ${line}`),
    '',
    help.summary,
    '',
    'オプション:',
    ...options.map(([name, meaning]) => `  ${name}${' '.repeat(width - columns(name))}  ${meaning}`),
  ].join('\n');
}

/** Terminal columns: kana, kanji and full-width forms take two. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u3000-\u9fff\uff01-\uff60]/u.test(ch) ? 2 : 1;
  return n;
}

/** `--data`, which every command that opens a site takes. */
export const DATA_OPTION: Readonly<Record<string, string>> = {
  '--data DIR': 'サイトのデータ(データベースとファイル)のフォルダです。省略すると環境変数 KATSUDO_DATA_DIR、それもなければ ./data を使います。',
};

/** The options the import runner gives every import command (importers/import-run.ts). */
export const IMPORT_RUN_OPTIONS: Readonly<Record<string, string>> = {
  '--dry-run': '何も書き込まずに、取り込んだ場合の結果だけを表示します。',
  '--overwrite': '前回の取り込みのあと管理画面で変更された報告・ページも上書きします。',
  '--verbose': '失敗した項目の詳しい情報(スタックと原因)も表示します。',
};
