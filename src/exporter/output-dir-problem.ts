// Whether a folder may receive the static export (`katsudo build --out`, KATSUDO_EXPORT_DIR):
// one rule for the command and the configuration. The answer is a Japanese sentence for
// the user, or undefined when the folder will do.
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { MANIFEST_FILE } from './build-manifest.js';

export function outputDirProblem(outDir: string, dataDir: string): string | undefined {
  const out = resolve(outDir);
  const data = resolve(dataDir);
  if (isSameOrInside(out, data) || isSameOrInside(data, out)) {
    return `書き出し先 ${out} はデータディレクトリ ${data} と重なっています。データディレクトリの外のフォルダを指定してください。`;
  }
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) return `書き出し先 ${out} はファイルです。フォルダを指定してください。`;
    if (!isWritable(out)) return `書き出し先 ${out} に書き込む権限がありません。`;
    if (readdirSync(out).length > 0 && !existsSync(join(out, MANIFEST_FILE))) {
      return `書き出し先 ${out} は空でなく、katsudo build の書き出し先でもありません。新しいフォルダか空のフォルダを指定してください。`;
    }
    return undefined;
  }
  // A new folder is made beside its parent's other entries: the nearest existing parent must take it.
  let parent = dirname(out);
  while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
  if (!statSync(parent).isDirectory()) return `書き出し先 ${out} を作れません(${parent} はファイルです)。`;
  if (!isWritable(parent)) return `書き出し先 ${out} を作れません(${parent} に書き込む権限がありません)。`;
  return undefined;
}

function isSameOrInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
