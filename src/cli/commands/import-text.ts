// katsudo import-text FILE... [--date YYYY[-MM[-DD]]] [--category NAME] [--data DIR]
// Every file is read and checked before anything is written: one bad file means
// nothing is imported.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importText } from '../../actions/import-text.js';
import { ValidationError } from '../../domain/errors.js';
import { checkDraft } from '../../domain/report-rules.js';
import { parseDateHint, parseImportedText, type DateHint } from '../../domain/text-import.js';
import { openSite } from '../open-site.js';
import { UsageError } from '../usage-error.js';

export const IMPORT_TEXT_USAGE = 'katsudo import-text FILE... [--date YYYY-MM-DD|YYYY-MM|YYYY] [--category 名前] [--data ./data]';

/** Limit for one text report; anything larger is not a report someone typed. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function parseImportTextArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { date: { type: 'string' }, category: { type: 'string' }, data: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError(`取り込むファイルを指定してください。\n使い方: ${IMPORT_TEXT_USAGE}`);
  let dateHint: DateHint | undefined;
  if (values.date !== undefined) {
    dateHint = parseDateHint(values.date);
    if (!dateHint) throw new UsageError(`--date の日付が正しくありません: "${values.date}"(例: --date 2024-05-01、--date 2024)`);
  }
  return { files: positionals, dateHint, category: values.category, dataDir: values.data };
}

/** The file's text, or a one-line reason why it is not a text report. */
export function readTextFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ValidationError(`${path}: ファイルではありません。`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(`${path}: ファイルが見つかりません。`);
  }
  if (size === 0) throw new ValidationError(`${path}: 空のファイルです。`);
  if (size > MAX_FILE_BYTES) throw new ValidationError(`${path}: ファイルが大きすぎます(上限2MB)。`);
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw new ValidationError(`${path}: テキストファイルではありません(バイナリファイルです)。`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError(`${path}: UTF-8 のテキストとして読めません。UTF-8 で保存し直してください。`);
  }
}

function describeProblem(path: string, error: ValidationError): string {
  const fields = Object.values(error.fields);
  return `${path}: ${fields.length > 0 ? fields.join(' ') : error.message}`;
}

export async function importTextCommand(
  input: ReturnType<typeof parseImportTextArgs>,
  dataDir: string,
  log: (line: string) => void,
): Promise<void> {
  const contents: { path: string; content: string }[] = [];
  const problems: string[] = [];
  for (const path of input.files) {
    try {
      const content = readTextFile(path);
      const parsed = parseImportedText(content, input.dateHint);
      checkDraft({ title: parsed.title, activityDate: parsed.activityDate, bodySource: parsed.bodySource });
      contents.push({ path, content });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(error.message.startsWith(path) ? error.message : describeProblem(path, error));
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(`取り込みを中止しました(何も書き込んでいません):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const ctx = await openSite(dataDir);
  try {
    for (const { path, content } of contents) {
      const report = await importText(ctx, { content, dateHint: input.dateHint, category: input.category });
      const header = report.skippedHeader.length > 0 ? `(サイトの見出し ${report.skippedHeader.length}行を除外)` : '';
      log(`${basename(path)} → /activity/${report.slug}/ 「${report.title}」 ${report.activityDate}${header}`);
    }
    log(`${contents.length}件の活動報告を公開しました。`);
  } finally {
    await ctx.db.destroy();
  }
}
