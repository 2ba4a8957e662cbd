// The owner's list of activity kinds: each a short name, none twice, and 「その他」 kept, since
// a proposal falls back to it (guess-activity-kind.ts).
import { ValidationError } from '../errors.js';
import { OTHER_ACTIVITY_KIND } from './activity-record.js';

export const MAX_ACTIVITY_KINDS = 50;
export const MAX_ACTIVITY_KIND_LENGTH = 20;

/**
 * The list as it will be saved: names trimmed, empty lines dropped.
 * @throws ValidationError (field `kinds`) naming the first problem.
 */
export function checkActivityKinds(input: readonly string[]): string[] {
  const kinds = input.map((k) => k.trim()).filter((k) => k !== '');
  const fail = (message: string) => {
    throw new ValidationError(message, { kinds: message });
  };
  const tooLong = kinds.find((k) => k.length > MAX_ACTIVITY_KIND_LENGTH);
  if (tooLong !== undefined) fail(`種類「${tooLong}」が長すぎます。${MAX_ACTIVITY_KIND_LENGTH}文字以内にしてください。`);
  const repeated = kinds.find((k, i) => kinds.indexOf(k) !== i);
  if (repeated !== undefined) fail(`種類「${repeated}」が二度あります。`);
  if (kinds.length > MAX_ACTIVITY_KINDS) fail(`種類は${MAX_ACTIVITY_KINDS}個までです。`);
  if (!kinds.includes(OTHER_ACTIVITY_KIND)) fail(`「${OTHER_ACTIVITY_KIND}」は消せません(どの種類にも当たらない活動の行き先です)。`);
  return kinds;
}
