// The preview panel under an editor form: filled by the プレビュー button (server-rendered)
// or live by admin-editor.js through /admin/preview. Shared by the report and page editors.
import type { TrustedHtml } from '../../../domain/trusted-html.js';
import { HtmlBlock } from '../components/html-block.js';

export function BodyPreview({ html }: { html: TrustedHtml | undefined }) {
  return (
    <section class="report-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">プレビュー</h2>
      <p class="admin-hint" id="preview-hint">
        公開ページと同じ方法で本文を表示します(保存はされません)。「プレビュー」ボタンで更新できます。
      </p>
      <div id="live-preview" class="reading preview-body" data-preview-url="/admin/preview">
        {html !== undefined && <HtmlBlock class="report-body" html={html} />}
      </div>
    </section>
  );
}
