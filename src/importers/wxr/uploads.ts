// The files of a WordPress site (wp-content/uploads) for one import: a URL in an export is
// looked up under the local copy given with --uploads, by its path after
// /wp-content/uploads/, and stored through uploadMedia (content-addressed: the same file
// twice is one record; images get their variants). Each file is handled once per run.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ActionContext } from '../../actions/runtime/context.js';
import { deleteMedia } from '../../actions/media/delete-media.js';
import { uploadMedia } from '../../actions/media/upload-media.js';
import { MediaInUseError, MediaNotFoundError } from '../../domain/errors.js';
import { mediaPath } from '../../domain/media-path.js';
import { findMediaByRefs } from '../../store/media.js';
import { describeError } from '../import-run.js';

export interface StoredFile {
  /** What the body writes after `media:` (the record's id). */
  ref: string;
  /** The file's new address on this site. */
  path: string;
  mediaId: number;
  /** Stored by this run (not a record that was there before): removed again if its item fails. */
  isNew?: boolean;
}

export type FileOutcome = { kind: 'stored'; file: StoredFile; relPath: string } | { kind: 'missing'; reason: string; relPath: string; error?: unknown };

const UPLOADS_MARKER = '/wp-content/uploads/';
/** WordPress's resized copies: photo-300x200.jpg is a smaller photo.jpg. */
const SIZED = /-\d+x\d+(\.(?:jpe?g|png|gif|webp))$/i;

/** The path after /wp-content/uploads/ (decoded), or undefined for any other URL. */
export function uploadsPathOf(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url, 'http://old.invalid/').pathname;
  } catch {
    return undefined;
  }
  const at = pathname.indexOf(UPLOADS_MARKER);
  if (at < 0) return undefined;
  const rel = pathname.slice(at + UPLOADS_MARKER.length);
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}

export class UploadsLibrary {
  private readonly outcomes = new Map<string, FileOutcome>();
  private readonly root: string | undefined;

  constructor(
    private readonly ctx: ActionContext,
    uploadsDir: string | undefined,
    private readonly isDryRun: boolean,
  ) {
    this.root = uploadsDir === undefined ? undefined : realpathSync(uploadsDir);
  }

  /** The outcome for a file seen before in this run, if any. */
  known(relPath: string): FileOutcome | undefined {
    return this.outcomes.get(relPath);
  }

  /**
   * Stores the file behind `url` (once per run) and says whether it is new to this run.
   * A resized copy (photo-300x200.jpg) resolves to its original when that is present.
   */
  async store(url: string, altText: string): Promise<{ outcome: FileOutcome; isFirstSeen: boolean } | undefined> {
    const relPath = uploadsPathOf(url);
    if (relPath === undefined) return undefined;
    const seen = this.outcomes.get(relPath);
    if (seen) return { outcome: seen, isFirstSeen: false };
    let outcome = await this.storeFile(relPath, altText);
    const original = relPath.replace(SIZED, '$1');
    if (original !== relPath) {
      const originalOutcome = this.outcomes.get(original) ?? (await this.storeFile(original, altText));
      this.outcomes.set(original, originalOutcome);
      if (originalOutcome.kind === 'stored') outcome = { ...originalOutcome, relPath };
    }
    this.outcomes.set(relPath, outcome);
    return { outcome, isFirstSeen: true };
  }

  /**
   * Removes the records this run created for `relPaths` (the files first stored for an item
   * that then failed), unless something else uses them meanwhile, and forgets their
   * outcomes so that a later item stores them anew.
   */
  async discard(relPaths: string[]): Promise<void> {
    const ids = new Set<number>();
    for (const rel of relPaths) {
      const outcome = this.outcomes.get(rel);
      if (outcome?.kind === 'stored' && outcome.file.isNew) ids.add(outcome.file.mediaId);
    }
    for (const [rel, outcome] of this.outcomes) {
      if (outcome.kind === 'stored' && ids.has(outcome.file.mediaId)) this.outcomes.delete(rel);
    }
    for (const mediaId of ids) {
      try {
        await deleteMedia(this.ctx, { mediaId, user: { login: 'import' } });
      } catch (error) {
        // Another item or an editor uses it by now: it stays.
        if (!(error instanceof MediaInUseError) && !(error instanceof MediaNotFoundError)) throw error;
      }
    }
  }

  private async storeFile(relPath: string, altText: string): Promise<FileOutcome> {
    if (this.root === undefined) return { kind: 'missing', relPath, reason: 'コピーしていません(--uploads の指定がありません)' };
    const file = resolve(this.root, relPath);
    const inside = relative(this.root, file);
    if (inside.startsWith('..') || isAbsolute(inside)) return { kind: 'missing', relPath, reason: `受け付けません: uploads フォルダの外を指すパスです: ${relPath}` };
    let bytes: Uint8Array;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      bytes = readFileSync(file);
    } catch {
      return { kind: 'missing', relPath, reason: '--uploads のフォルダにファイルが見つかりません' };
    }
    const fileName = relPath.slice(relPath.lastIndexOf('/') + 1);
    if (this.isDryRun) {
      // Nothing is written in a dry run; an earlier run's record of the same name stands in.
      const existing = (await findMediaByRefs(this.ctx.db, [fileName])).get(fileName);
      const ref = existing ? String(existing.id) : fileName;
      return { kind: 'stored', relPath, file: { ref, path: existing ? mediaPath(existing.sha256, existing.originalName) : '', mediaId: existing?.id ?? 0 } };
    }
    try {
      const media = await uploadMedia(this.ctx, { bytes, fileName, altText: altText || fileName, user: { login: 'import' }, maxBytes: Number.MAX_SAFE_INTEGER });
      return {
        kind: 'stored',
        relPath,
        file: { ref: String(media.id), path: mediaPath(media.sha256, media.originalName), mediaId: media.id, isNew: !media.isDuplicate },
      };
    } catch (error) {
      return { kind: 'missing', relPath, reason: `取り込めませんでした: ${describeError(error)}`, error };
    }
  }
}
