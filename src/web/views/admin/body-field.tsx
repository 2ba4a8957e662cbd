// The body textarea with the text format's help, shared by the report and page editors.
import { controlAttrs, FieldError, type FieldErrors } from './form.js';

export function BodyField({ value, errors, isReadOnly }: { value: string; errors: FieldErrors; isReadOnly: boolean }) {
  return (
    <div class={errors.bodySource ? 'field field-invalid' : 'field'}>
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
        </ul>
      </div>
      <FieldError name="bodySource" errors={errors} />
      <textarea {...controlAttrs('bodySource', errors, true)} rows={20} class="body-input" readOnly={isReadOnly}>
        {value}
      </textarea>
    </div>
  );
}
