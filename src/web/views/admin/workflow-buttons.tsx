// The buttons under a report's or fixed page's form, one per thing the acting user may do
// now (domain/report-workflow.ts allowedActions), always in the same order with the same
// words. Each posts the form with its `intent`; saving comes first.
import type { ReportAction } from '../../../domain/report-workflow.js';

const STATUS_BUTTONS: [Exclude<ReportAction, 'edit' | 'schedule' | 'delete'>, string][] = [
  ['submit', 'レビューを依頼'],
  ['withdraw', '依頼を取り下げ'],
  ['publish', '公開する'],
  ['unpublish', '非公開に戻す'],
  ['trash', 'ゴミ箱へ移動'],
  ['restore', 'ゴミ箱から戻す'],
];

/** The save button's words: a published item's save updates the live page. */
export function saveButtonLabel(isPublished: boolean): string {
  return isPublished ? '保存して公開ページを更新' : '下書き保存';
}

/**
 * `previewAction`: where プレビュー posts, with the preview's fragment, so the answer opens at the preview (without JS too).
 * `form`: the id of the form the buttons submit when they stand outside it (editor-grid.tsx).
 */
export function WorkflowButtons({
  actions,
  isPublished,
  isNew,
  previewAction,
  form,
}: {
  actions: ReportAction[];
  isPublished: boolean;
  isNew: boolean;
  previewAction?: string;
  form?: string;
}) {
  const can = (a: ReportAction) => actions.includes(a);
  return (
    <div class="form-actions">
      {can('edit') && (
        <button type="submit" name="intent" value="save" class="button-primary" form={form}>
          {saveButtonLabel(isPublished)}
        </button>
      )}
      {can('edit') && (
        <button type="submit" name="intent" value="preview" formAction={previewAction} form={form}>
          プレビュー
        </button>
      )}
      {STATUS_BUTTONS.filter(([action]) => can(action) && !(isNew && action === 'trash')).map(([action, label]) => (
        <button type="submit" name="intent" value={action} form={form}>
          {label}
        </button>
      ))}
    </div>
  );
}
