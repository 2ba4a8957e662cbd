// The file choice inside an item's main form (issue 12): a file input and a button that posts
// the whole form as multipart to the item's save-and-attach route (routes/admin/item-attachments.tsx).
// It works without JavaScript, and on a new item, which has no attachment panel yet: the typed
// text is saved first (a new draft), then the file is attached.

export interface AttachInFormProps {
  /** The save-and-attach route: /admin/reports/new/attach, /admin/pages/5/edit/attach … */
  action: string;
  isNew: boolean;
  /** A published item's text goes live when saved: the button says so. */
  isPublished: boolean;
  /** The id of the item's form: this stands outside it (editor-grid.tsx). */
  form: string;
}

export function AttachInForm({ action, isNew, isPublished, form }: AttachInFormProps) {
  const label = isNew ? '下書きにしてファイルを添付' : '本文を保存してファイルを添付';
  const hint = isNew
    ? 'ファイルを選んでボタンを押すと、入力した内容を下書きとして保存してから、そのファイルを添付します。'
    : isPublished
      ? '公開中です。ボタンを押すと、入力した本文を保存して公開ページにすぐ反映し、そのファイルを添付します。'
      : 'ボタンを押すと、入力した内容を保存してから、そのファイルを添付します。';
  return (
    <fieldset class="attach-in-form">
      <legend>ファイルを添付</legend>
      <label for="field-attach-file">添付するファイル(PDF・画像など)</label>
      <p class="field-hint" id="field-attach-file-hint">
        {hint}
      </p>
      <input id="field-attach-file" name="upload.file" type="file" aria-describedby="field-attach-file-hint" form={form} />
      <label for="field-attach-alt">写真の説明(代替テキスト。写真のときは必ず書いてください)</label>
      <input id="field-attach-alt" name="upload.altText" type="text" maxLength={200} form={form} />
      <button type="submit" formaction={action} formenctype="multipart/form-data" formmethod="post" form={form}>
        {label}
      </button>
    </fieldset>
  );
}
