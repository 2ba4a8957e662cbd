// A readable difference between two versions of a report, as plain data a view renders:
// the short fields changed, and the body line by line with the changed characters marked
// inside changed lines. Characters, not words: Japanese has no spaces, so a word diff
// would mark whole sentences.
import { diffArrays, diffChars, diffLines } from 'diff';
import { formatJapaneseDate } from './dates.js';
import type { RevisionContent } from './revision.js';

export type DiffPartKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: DiffPartKind;
  text: string;
}

export const DIFF_FIELDS = ['title', 'activityDate', 'category', 'tags', 'slug', 'summary'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export const DIFF_FIELD_LABELS: Record<DiffField | 'body', string> = {
  title: 'タイトル',
  activityDate: '活動日',
  category: 'カテゴリー',
  tags: 'タグ',
  slug: 'URL名',
  summary: '概要',
  body: '本文',
};

/** One changed short field: `before` shows same + removed parts, `after` same + added parts. */
export interface FieldDiff {
  field: DiffField;
  label: string;
  before: DiffPart[];
  after: DiffPart[];
}

/** Line numbers count from 1 in the older (`oldLine`) and newer (`newLine`) text. */
export type BodyRow =
  | { kind: 'same'; oldLine: number; newLine: number; text: string }
  | { kind: 'removed'; oldLine: number; text: string }
  | { kind: 'added'; newLine: number; text: string }
  | { kind: 'changed'; oldLine: number; newLine: number; before: DiffPart[]; after: DiffPart[] }
  /** Unchanged lines left out between changes. */
  | { kind: 'skipped'; count: number };

export interface ReportDiff {
  /** Only the fields that differ, in form order. */
  fields: FieldDiff[];
  /** Empty when the body is unchanged. */
  body: BodyRow[];
  isSame: boolean;
}

export interface DiffOptions {
  /** Unchanged lines shown around each change (default 2). */
  contextLines?: number;
}

/** Lines sharing less than this share of their characters are shown as removed + added. */
const MIN_SIMILARITY = 0.4;

export function diffRevisions(before: RevisionContent, after: RevisionContent, options: DiffOptions = {}): ReportDiff {
  const fields = DIFF_FIELDS.map((field) => diffField(field, before, after)).filter((f): f is FieldDiff => f !== undefined);
  const body = before.bodySource === after.bodySource ? [] : diffBody(before.bodySource, after.bodySource, options.contextLines ?? 2);
  return { fields, body, isSame: fields.length === 0 && body.length === 0 };
}

function diffField(field: DiffField, a: RevisionContent, b: RevisionContent): FieldDiff | undefined {
  const label = DIFF_FIELD_LABELS[field];
  if (field === 'tags') {
    if (a.tags.join('\n') === b.tags.join('\n')) return undefined;
    return { field, label, ...splitParts(tagParts(a.tags, b.tags)) };
  }
  const [x, y] = [fieldText(field, a), fieldText(field, b)];
  const isSame = field === 'category' ? a.categoryId === b.categoryId && x === y : x === y;
  if (isSame) return undefined;
  // Dates, slugs and categories are read whole; only prose gets character detail.
  const parts: DiffPart[] =
    field === 'title' || field === 'summary'
      ? charParts(x, y)
      : [
          { kind: 'removed', text: x },
          { kind: 'added', text: y },
        ];
  return { field, label, ...splitParts(parts) };
}

function fieldText(field: Exclude<DiffField, 'tags'>, c: RevisionContent): string {
  switch (field) {
    case 'title':
      return c.title;
    case 'activityDate':
      return formatJapaneseDate(c.activityDate);
    case 'category':
      return c.categoryName ?? (c.categoryId === null ? 'なし' : `(削除されたカテゴリー ${c.categoryId})`);
    case 'slug':
      return c.slug;
    case 'summary':
      return c.summary;
  }
}

/** Tags compared as whole items, joined with 「、」 as the form shows them. */
function tagParts(a: string[], b: string[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(a, b)) {
    const kind: DiffPartKind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const tag of change.value) parts.push({ kind, text: tag });
  }
  return parts;
}

function charParts(a: string, b: string): DiffPart[] {
  return diffChars(a, b).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/** The older side (same + removed) and the newer side (same + added) of a part list. */
function splitParts(parts: DiffPart[]): { before: DiffPart[]; after: DiffPart[] } {
  return {
    before: parts.filter((p) => p.kind !== 'added'),
    after: parts.filter((p) => p.kind !== 'removed'),
  };
}

function similarity(parts: DiffPart[], a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  const common = parts.filter((p) => p.kind === 'same').reduce((n, p) => n + p.text.length, 0);
  return (2 * common) / (a.length + b.length);
}

function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function diffBody(a: string, b: string, contextLines: number): BodyRow[] {
  // A final newline on one side only is not a change a reader can see.
  const changes = diffLines(a.endsWith('\n') ? a : `${a}\n`, b.endsWith('\n') ? b : `${b}\n`);
  const rows: BodyRow[] = [];
  let oldLine = 1;
  let newLine = 1;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) {
      const parts = charParts(removed[i]!, added[i]!);
      if (similarity(parts, removed[i]!, added[i]!) >= MIN_SIMILARITY) {
        rows.push({ kind: 'changed', oldLine: oldLine++, newLine: newLine++, ...splitParts(parts) });
      } else {
        rows.push({ kind: 'removed', oldLine: oldLine++, text: removed[i]! });
        rows.push({ kind: 'added', newLine: newLine++, text: added[i]! });
      }
    }
    for (const text of removed.slice(paired)) rows.push({ kind: 'removed', oldLine: oldLine++, text });
    for (const text of added.slice(paired)) rows.push({ kind: 'added', newLine: newLine++, text });
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const lines = linesOf(change.value);
    if (change.removed) removed.push(...lines);
    else if (change.added) added.push(...lines);
    else {
      flush();
      for (const text of lines) rows.push({ kind: 'same', oldLine: oldLine++, newLine: newLine++, text });
    }
  }
  flush();
  return withContext(rows, contextLines);
}

/** Keeps `context` unchanged lines around each change; longer unchanged runs become one 'skipped' row. */
function withContext(rows: BodyRow[], context: number): BodyRow[] {
  const isChange = rows.map((r) => r.kind !== 'same');
  if (!isChange.includes(true)) return [];
  const keep = rows.map((_, i) => {
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) if (isChange[j]) return true;
    return false;
  });
  const out: BodyRow[] = [];
  let skipped = 0;
  rows.forEach((row, i) => {
    if (keep[i]) {
      if (skipped > 0) out.push({ kind: 'skipped', count: skipped });
      skipped = 0;
      out.push(row);
    } else skipped++;
  });
  if (skipped > 0) out.push({ kind: 'skipped', count: skipped });
  return out;
}
