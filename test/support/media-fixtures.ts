// Files for the media tests, made on the spot with the real libraries: images of a given
// size and format with sharp, PDFs of N pages with pdf-lib.
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { sql } from 'kysely';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import type { MediaActor } from '../../src/actions/media/media-actor.js';
import { engineOf } from '../../src/store/dialects/engine.js';

export const TEST_USER: MediaActor = { userId: 1, login: 'editor', ip: '192.0.2.1' };

export async function makeImage(format: 'jpeg' | 'png' | 'webp', width: number, height: number): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 20, g: 110, b: 180 } } });
  return new Uint8Array(await image.toFormat(format).toBuffer());
}

export async function makePdf(pageCount: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pageCount; i++) pdf.addPage([595, 842]);
  return pdf.save();
}

export function text(content: string): Uint8Array {
  return new TextEncoder().encode(content);
}

/**
 * Writes the row TEST_USER stands for (the audit log references users). Inserted directly:
 * the accounts actions hash a password, which these tests do not need.
 */
export async function addTestUser(ctx: ActionContext): Promise<void> {
  await ctx.db
    .insertInto('users')
    .values({
      id: TEST_USER.userId,
      login: TEST_USER.login,
      display_name: '編集 太郎',
      password_hash: '-',
      role: 'editor',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  // An explicit id leaves PostgreSQL's identity sequence behind: move it past, so later users get new ids.
  if (engineOf(ctx.db) === 'postgres') await sql`select setval(pg_get_serial_sequence('users', 'id'), (select max(id) from users))`.execute(ctx.db);
}
