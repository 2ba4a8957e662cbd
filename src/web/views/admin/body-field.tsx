// The body textarea with the text format's help, shared by the report and page editors.
import { controlAttrs, FieldError, type FieldErrors } from './form.js';

export function BodyField({ value, errors, isReadOnly }: { value: string; errors: FieldErrors; isReadOnly: boolean }) {
  return (
    <div class={errors.bodySource ? 'field body-field field-invalid' : 'field body-field'}>
      <label for="field-bodySource">本文</label>
      <div class="field-hint format-help" id="field-bodySource-hint">
        <p>Wordやメールで書いた文章をそのまま貼り付けられます。</p>
        <ul>
          <li>「1 見出し」のように数字と空白で始まる行は大見出しになります。</li>
          <li>「(1)」「ア」「①」で始まる行は小見出しまたは番号付きの項目になります。</li>
          <li>空行で段落を分けます。</li>
          <li>
            リンクは <code>[文字](https://…)</code>、添付資料へのリンクは <code>[ラベル](media:ファイル名)</code> と書きます。
          </li>
          <li>
            写真は1行だけで <code>![写真の説明](media:番号 "キャプション")</code>{' '}
            と書きます(添付資料の「本文に挿入」で入ります)。続けて書いた写真の行は、まとめて写真の一覧になります。
          </li>
        </ul>
      </div>
      <FieldError name="bodySource" errors={errors} />
      <textarea {...controlAttrs('bodySource', errors, true)} rows={20} class="body-input" readOnly={isReadOnly}>
        {value}
      </textarea>
    </div>
  );
}
