// The report list's bulk actions (issue 12 item 6) and their Japanese names; what each does
// is actions/reports/apply-to-reports.ts.
import type { Role } from './user.js';

export const BULK_ACTIONS = ['trash', 'restore', 'publish', 'category'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const BULK_ACTION_LABELS: Record<BulkAction, string> = {
  trash: 'ゴミ箱へ移動',
  restore: 'ゴミ箱から戻す',
  publish: '公開する',
  category: 'カテゴリーを変更',
};

export function isBulkAction(value: string): value is BulkAction {
  return (BULK_ACTIONS as readonly string[]).includes(value);
}

/** What the list offers a role: writers may only edit (their own drafts), so only the category. */
export function bulkActionsFor(role: Role): BulkAction[] {
  return role === 'writer' ? ['category'] : [...BULK_ACTIONS];
}
