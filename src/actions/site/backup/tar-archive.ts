// The backup archive's container: a plain POSIX ustar file, written and read here so that any
// `tar` can list or unpack a backup by hand. Only regular files with short ASCII names are
// written (katsudo.db, manifest.json, media/ab/<sha256>); reading checks every header's
// checksum and never follows a name outside those the caller accepts.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { BackupInvalidError } from '../../../domain/errors.js';

const BLOCK = 512;
const END_OF_ARCHIVE = Buffer.alloc(BLOCK * 2);

export interface WrittenEntry {
  path: string;
  bytes: number;
  sha256: string;
}

/** An entry found while reading: where its data starts in the archive file. */
export interface ArchiveEntry {
  path: string;
  bytes: number;
  dataOffset: number;
}

/** Writes a tar file entry by entry; each file is streamed and hashed as it goes in. */
export class TarWriter {
  private readonly out;
  private readonly mtime: number;
  private failure: Error | undefined;

  constructor(file: string, createdAt: Date) {
    this.out = createWriteStream(file, { flags: 'wx' });
    // Kept and thrown by the next write, so a failed open never surfaces as an uncaught error.
    this.out.on('error', (error) => (this.failure ??= error));
    this.mtime = Math.floor(createdAt.getTime() / 1000);
  }

  async addFile(path: string, sourceFile: string): Promise<WrittenEntry> {
    const { size } = await stat(sourceFile);
    await this.write(header(path, size, this.mtime));
    const hash = createHash('sha256');
    let written = 0;
    for await (const chunk of createReadStream(sourceFile) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      written += chunk.length;
      if (written > size) break;
      await this.write(chunk);
    }
    // Stored files never change under their name (content-addressed, or our own snapshot).
    if (written !== size) throw new Error(`${sourceFile} changed size while it was archived`);
    await this.write(Buffer.alloc(padding(size)));
    return { path, bytes: size, sha256: hash.digest('hex') };
  }

  async addBuffer(path: string, data: Buffer): Promise<void> {
    await this.write(header(path, data.length, this.mtime));
    await this.write(data);
    await this.write(Buffer.alloc(padding(data.length)));
  }

  /** Ends the archive and waits until every byte reached the file. */
  async close(): Promise<void> {
    await this.write(END_OF_ARCHIVE);
    this.out.end();
    await once(this.out, 'close');
  }

  /** Stops writing after a failure (the caller removes the file). */
  abort(): void {
    this.out.destroy();
  }

  private async write(chunk: Buffer): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (this.out.write(chunk)) return;
    await once(this.out, 'drain');
  }
}

/** Every regular file of the archive, in order, with where its data lies. */
export async function listTarEntries(file: string): Promise<ArchiveEntry[]> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new BackupInvalidError(`アーカイブ ${file} を読めません: ${error.code === 'ENOENT' ? 'ファイルがありません' : error.message}`);
  });
  try {
    const { size: fileBytes } = await handle.stat();
    const entries: ArchiveEntry[] = [];
    const block = Buffer.alloc(BLOCK);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(block, 0, BLOCK, position);
      if (bytesRead < BLOCK) throw new BackupInvalidError(`アーカイブが途中(${position} バイト目)で終わっています。切れているか、katsudo のバックアップではありません`);
      if (block.every((byte) => byte === 0)) return entries;
      const entry = parseHeader(block, position);
      if (entry.dataOffset + entry.bytes > fileBytes) {
        throw new BackupInvalidError(`アーカイブが途中で切れています: ${entry.path} の ${entry.bytes} バイトがそろっていません`);
      }
      entries.push(entry);
      position = entry.dataOffset + entry.bytes + padding(entry.bytes);
    }
  } finally {
    await handle.close();
  }
}

/** Streams one entry's bytes (for hashing while they are written elsewhere). */
export function readTarEntry(file: string, entry: ArchiveEntry): AsyncIterable<Buffer> {
  if (entry.bytes === 0) return (async function* () {})();
  return createReadStream(file, { start: entry.dataOffset, end: entry.dataOffset + entry.bytes - 1 });
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function header(path: string, size: number, mtime: number): Buffer {
  if (!/^[\x21-\x7e]{1,100}$/.test(path)) throw new Error(`cannot archive the name ${path}`);
  const block = Buffer.alloc(BLOCK);
  block.write(path, 0, 'ascii');
  writeOctal(block, 100, 8, 0o644);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, size);
  writeOctal(block, 136, 12, mtime);
  block.write('0', 156, 'ascii');
  block.write('ustar\u000000', 257, 'ascii');
  block.fill(' ', 148, 156);
  writeOctal(block, 148, 7, checksum(block));
  return block;
}

function parseHeader(block: Buffer, position: number): ArchiveEntry {
  const stored = readOctal(block, 148, 8);
  if (stored !== checksum(block) || block.toString('ascii', 257, 262) !== 'ustar') {
    throw new BackupInvalidError(`アーカイブが ${position} バイト目で壊れています(tar ヘッダーのチェックサムが合いません)。使える katsudo のバックアップではありません`);
  }
  const type = block.toString('ascii', 156, 157);
  const name = block.toString('utf8', 0, 100).replace(/\0.*$/s, '');
  const prefix = block.toString('utf8', 345, 500).replace(/\0.*$/s, '');
  const path = prefix === '' ? name : `${prefix}/${name}`;
  if (type !== '0' && type !== '\0')
    throw new BackupInvalidError(`アーカイブに通常のファイルでない ${path} が入っています。katsudo のバックアップにはファイルしか入りません`);
  return { path, bytes: readOctal(block, 124, 12), dataOffset: position + BLOCK };
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum;
}

function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, 'ascii');
}

function readOctal(block: Buffer, offset: number, length: number): number {
  const text = block
    .toString('ascii', offset, offset + length)
    .replace(/[\0 ]+$/, '')
    .trim();
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : -1;
}
