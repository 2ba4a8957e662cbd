// The report and page editors' arrangement (issue 12 items 3 and 5, WCAG 2.4.3). The
// document order is the order the eye follows at every width, so the Tab key never jumps
// back: the fields, the body, the note and the buttons, then the attachment panel and the
// preview. On a narrow screen that is one column; from 1024 px (admin.css) it is two columns
// read one after the other: fields, body and buttons on the left; on the right the panel
// beside the fields and the body's help, and the preview level with the body's text box.
// The panel holds forms of its own and forms do not nest, so the main <form> ends after the
// body and the controls of the actions below it join it through their `form` attribute.
import type { ComponentChildren } from 'preact';
import type { TrustedHtml } from '../../../domain/trusted-html.js';
import { BodyField } from './body-field.js';
import { BodyPreview } from './body-preview.js';
import { CsrfField, type FieldErrors } from './form.js';
import { ReportAttachments, type ReportAttachmentsProps } from './report-attachments.js';

/** The main form's id, named by the `form` attribute of every control outside it. */
export const EDITOR_FORM_ID = 'editor-form';

export interface EditorGridProps {
  action: string;
  csrfToken: string;
  expectedVersion: string;
  submissionKey?: string;
  /** The fields above the body. */
  fields: ComponentChildren;
  bodySource: string;
  errors: FieldErrors;
  isReadOnly: boolean;
  /** The panel, for a stored item the actor may edit. */
  attachments?: ReportAttachmentsProps;
  /** The rendered body, after the プレビュー button. */
  preview?: TrustedHtml;
  /** `report:5`, `page:2`: the stored item, whose attachments the live preview lists. */
  itemRef?: string;
  /** False when a refusal above the form has the focus. */
  isPreviewFocused: boolean;
  /** The note, the buttons and the file choice: controls carrying `form={EDITOR_FORM_ID}`. */
  actions: ComponentChildren;
  /** What follows the preview, with forms of its own (a report's 「活動の記録」 panel). */
  after?: ComponentChildren;
}

export function EditorGrid(props: EditorGridProps) {
  return (
    <div class="editor-grid">
      <form id={EDITOR_FORM_ID} method="post" action={props.action} class="report-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="expectedVersion" value={props.expectedVersion} />
        {props.submissionKey && <input type="hidden" name="submissionKey" value={props.submissionKey} />}
        <div class="editor-fields">{props.fields}</div>
        <BodyField value={props.bodySource} errors={props.errors} isReadOnly={props.isReadOnly} />
      </form>
      <div class="editor-actions" id="editor-actions">
        {props.actions}
      </div>
      {props.attachments && <ReportAttachments {...props.attachments} />}
      <BodyPreview html={props.preview} attachments={props.attachments?.attachments} itemRef={props.itemRef} isFocused={props.isPreviewFocused} />
      {props.after}
    </div>
  );
}
