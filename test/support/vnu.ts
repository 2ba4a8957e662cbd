// The Nu HTML Checker (vnu.jar from npm vnu-jar) over a set of HTML documents, in one
// JVM run: Java starts in about a second, so files are checked together.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
// vnu-jar exports the jar's path as a String object and ships no types.
const VNU_JAR = String(require('vnu-jar'));

export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  /** "warning" on some info messages. */
  subType?: string;
  message: string;
  extract?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  /** Set by validateHtml to the document's name. */
  document: string;
}

/**
 * Checks each document (name → HTML) and returns every message, tagged with the name.
 * Throws when the checker itself cannot run.
 */
export async function validateHtml(documents: Record<string, string>): Promise<VnuMessage[]> {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-vnu-'));
  try {
    const fileToName = new Map<string, string>();
    for (const [i, [name, html]] of Object.entries(documents).entries()) {
      const file = join(dir, `${i}.html`);
      writeFileSync(file, html);
      fileToName.set(`file:${file}`, name);
    }
    const stdout = await runChecker([...fileToName.keys()].map((url) => url.slice('file:'.length)));
    const { messages } = JSON.parse(stdout) as { messages: (Omit<VnuMessage, 'document'> & { url?: string })[] };
    return messages.map(({ url, ...m }) => ({ ...m, document: (url && fileToName.get(url)) ?? url ?? '?' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runChecker(files: string[]): Promise<string> {
  try {
    const { stdout } = await run('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', ...files], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    // vnu exits with 1 when it found errors; the report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout && stdout.trim().startsWith('{')) return stdout;
    throw error;
  }
}

export function formatVnuMessage(m: VnuMessage): string {
  const where = m.lastLine === undefined ? '' : `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? ''}`;
  const extract = m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim()}` : '';
  return `  ${m.document}${where} [${m.subType ?? m.type}] ${m.message}${extract}`;
}
