// The preview beside the editor's text: filled by the プレビュー button (server-rendered; the
// button posts to the form's address with #preview, so the answer opens here, focused) or
// live by admin-editor.js through /admin/preview. Shared by the report and page editors.
import { staffMediaPath } from '../../../domain/media-path.js';
import type { Attachment } from '../../../domain/report.js';
import type { TrustedHtml } from '../../../domain/trusted-html.js';
import { AttachmentList } from '../../../site/components/attachment-list.js';
import { HtmlBlock } from '../../../site/components/html-block.js';

/** The body and, under it, the 添付資料 list as readers will see them (files through the staff path). */
export function PreviewContent({ html, attachments }: { html: TrustedHtml; attachments: Attachment[] }) {
  return (
    <>
      <HtmlBlock class="report-body" html={html} />
      <AttachmentList attachments={attachments} address={staffMediaPath} headingId="preview-attachments-title" />
    </>
  );
}

/**
 * From 1024 px the rendered text scrolls on its own beside the body (admin.css), so it is in the
 * Tab order and named, for the keyboard to scroll it.
 * `itemRef` (`report:5`, `page:2`) lets the live preview list the stored item's attachments.
 * A preview the プレビュー button asked for takes the focus, unless `isFocused` is false (a
 * refusal above the form has it).
 */
export function BodyPreview({
  html,
  attachments = [],
  itemRef,
  isFocused = true,
}: {
  html: TrustedHtml | undefined;
  attachments?: Attachment[];
  itemRef?: string;
  isFocused?: boolean;
}) {
  return (
    <section class="report-preview" id="preview" tabindex={-1} aria-labelledby="preview-title" autofocus={(isFocused && html !== undefined) || undefined}>
      <h2 id="preview-title">プレビュー</h2>
      <p class="admin-hint" id="preview-hint">
        公開ページと同じ方法で本文を表示します(保存はされません)。入力すると自動で更新されます。「プレビュー」ボタンでも更新できます。
      </p>
      <div id="live-preview" class="reading preview-body" data-preview-url="/admin/preview" data-item={itemRef} tabindex={0} role="region" aria-label="プレビューの内容">
        {html !== undefined && <PreviewContent html={html} attachments={attachments} />}
      </div>
    </section>
  );
}
