// The preview beside the editor's text: filled by the プレビュー button (server-rendered; the
// button posts to the form's address with #preview, so the answer opens here, focused) or
// live by admin-editor.js through /admin/preview. Shared by the report and page editors.
import type { TrustedHtml } from '../../../domain/trusted-html.js';
import { HtmlBlock } from '../components/html-block.js';

export function BodyPreview({ html }: { html: TrustedHtml | undefined }) {
  return (
    <section class="report-preview" id="preview" tabindex={-1} aria-labelledby="preview-title" autofocus={html !== undefined || undefined}>
      <h2 id="preview-title">プレビュー</h2>
      <p class="admin-hint" id="preview-hint">
        公開ページと同じ方法で本文を表示します(保存はされません)。入力すると自動で更新されます。「プレビュー」ボタンでも更新できます。
      </p>
      <div id="live-preview" class="reading preview-body" data-preview-url="/admin/preview">
        {html !== undefined && <HtmlBlock class="report-body" html={html} />}
      </div>
    </section>
  );
}
